// The example from micrograd's README, with @mg/engine: build an expression, backprop through it.
import { Value } from '@mg/engine'

const a = new Value(-4)
const b = new Value(2)
let c = a.add(b)
let d = a.mul(b).add(b.pow(3))
c = c.add(c.add(1))
c = c.add(new Value(1).add(c).add(a.neg()))
d = d.add(d.mul(2).add(b.add(a).relu()))
d = d.add(new Value(3).mul(d).add(b.sub(a).relu()))
const e = c.sub(d)
const f = e.pow(2)
let g = f.div(2)
g = g.add(new Value(10).div(f))
g.backward()

console.log(`g = ${g.data.toFixed(4)}`) // 24.7041, the outcome of this forward pass
console.log(`dg/da = ${a.grad.toFixed(4)}`) // 138.8338, the numerical value of dg/da
console.log(`dg/db = ${b.grad.toFixed(4)}`) // 645.5773, the numerical value of dg/db
