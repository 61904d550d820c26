/**
 * Renders the pictures shown in the README into docs/, from the built packages, as a user would.
 * Run with `pnpm docs:images` after building @mg/engine, @mg/nn and @mg/datasets.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { makeMoons, toSignedLabels } from '@mg/datasets'
import { Value } from '@mg/engine'
import { hingeLoss, l2Penalty, linearDecay, MLP, SGD, train } from '@mg/nn'
import {
  decisionBoundarySvg,
  functionPlotSvg,
  graphToDot,
  lossCurveSvg,
  modelToDot,
  renderSvg,
} from '../src/index.js'
import { renderPng } from '../src/png.js'

const docs = (file: string) => fileURLToPath(new URL(`../docs/${file}`, import.meta.url))
function save(file: string, svg: string, scale: number): void {
  const png = renderPng(svg, { scale })
  writeFileSync(docs(file), png)
  console.log(`${file}: ${(png.length / 1024).toFixed(1)} KB`)
}

// micrograd's neuron, labelled as in the lecture.
const x1 = new Value(2, { label: 'x1' })
const x2 = new Value(0, { label: 'x2' })
const w1 = new Value(-3, { label: 'w1' })
const w2 = new Value(1, { label: 'w2' })
const b = new Value(6.881373587019543, { label: 'b' })
const x1w1 = x1.mul(w1)
x1w1.label = 'x1*w1'
const x2w2 = x2.mul(w2)
x2w2.label = 'x2*w2'
const sum = x1w1.add(x2w2)
sum.label = 'x1*w1 + x2*w2'
const n = sum.add(b)
n.label = 'n'
const o = n.tanh()
o.label = 'o'
o.backward()
save('neuron-graph.png', await renderSvg(graphToDot(o)), 1)

// The lecture's f(x) = 3x² − 4x + 5 with its tangents at x = 3 and x = 2/3.
const f = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)
save(
  'tangent.png',
  functionPlotSvg(f, { from: -5, to: 5, at: [3, 2 / 3], title: 'f(x) = 3x² − 4x + 5' }),
  1.25,
)

// micrograd's demo: a 2-16-16-1 MLP on 100 moons, hinge loss, SGD with a decaying rate.
const moons = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 })
const data = { X: moons.X, y: toSignedLabels(moons.y) }
const model = new MLP(2, [16, 16, 1], { seed: 1337 })
const history = train(model, data, {
  loss: 'hinge',
  l2Alpha: 1e-4,
  steps: 100,
  optimizer: new SGD(model.parameters(), { learningRate: 1 }),
  schedule: linearDecay(),
  seed: 1337,
})
const last = history.steps.at(-1)!
console.log(`trained: loss ${last.loss.toFixed(4)}, accuracy ${last.accuracy}`)
save(
  'loss-curve.png',
  lossCurveSvg(history, { title: 'micrograd demo: 2-16-16-1 MLP on moons' }),
  1.25,
)
save(
  'decision-boundary.png',
  decisionBoundarySvg((a, c) => model.forward([a, c])[0]!, data, {
    title: 'Decision boundary after 100 steps',
  }),
  1.25,
)

// A narrower model keeps the weight picture readable (and its PNG small).
const small = new MLP(2, [8, 8, 1], { seed: 1337 })
train(small, data, {
  loss: 'hinge',
  l2Alpha: 1e-4,
  steps: 100,
  optimizer: new SGD(small.parameters(), { learningRate: 1 }),
  schedule: linearDecay(),
  seed: 1337,
})
save(
  'mlp.png',
  await renderSvg(modelToDot(small, { title: 'MLP 2 → 8 → 8 → 1 trained on moons' })),
  0.9,
)

// One whole training step (about 14,000 values), summarised.
const scores = data.X.map((row) => model.forward(row))
const loss = hingeLoss(
  scores.map((score) => score[0]!),
  data.y,
).add(l2Penalty(model.parameters(), 1e-4))
loss.backward()
save('training-step.png', await renderSvg(graphToDot(loss, { collapse: 'ops' })), 1)
