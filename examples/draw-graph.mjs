// Draws the lecture's neuron the way micrograd's draw_dot does: every value with its data and grad.
import { writeFileSync } from 'node:fs'
import { Value } from '@mg/engine'
import { graphToDot, renderSvg } from '@mg/viz'

const x1 = new Value(2, { label: 'x1' })
const w1 = new Value(-3, { label: 'w1' })
const x2 = new Value(0, { label: 'x2' })
const w2 = new Value(1, { label: 'w2' })
const b = new Value(6.8813735870195432, { label: 'b' })
const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh()
o.label = 'o'
o.backward()

const svg = await renderSvg(graphToDot(o))
writeFileSync('neuron.svg', svg)
console.log(
  `wrote neuron.svg: o = ${o.data.toFixed(4)}, dw1 = ${w1.grad.toFixed(4)}, dx1 = ${x1.grad.toFixed(4)}`,
)
