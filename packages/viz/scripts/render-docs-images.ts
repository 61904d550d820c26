/**
 * Renders the pictures shown in the README into docs/, from the built packages, as a user would.
 * Run with `pnpm docs:images` after building @mg/engine, @mg/nn and @mg/datasets.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { trainTestSplit } from '@mg/datasets'
import { loadDigits } from '@mg/datasets/digits'
import type { Value } from '@mg/engine'
import { Adam, hingeLoss, l2Penalty, MLP, train } from '@mg/nn'
import {
  confusionMatrixSvg,
  decisionBoundarySvg,
  functionPlotSvg,
  graphToDot,
  imageGridSvg,
  lossCurveSvg,
  modelToDot,
  renderSvg,
} from '../src/index.js'
import { renderPng } from '../src/png.js'
import { signedMoons, trainLikeMicrograd } from '../test/support/micrograd-demo.js'
import { microgradNeuron } from '../test/support/neuron.js'

const docs = (file: string) => fileURLToPath(new URL(`../docs/${file}`, import.meta.url))
function save(file: string, svg: string, scale: number): void {
  const png = renderPng(svg, { scale })
  writeFileSync(docs(file), png)
  console.log(`${file}: ${(png.length / 1024).toFixed(1)} KB`)
}

// micrograd's neuron, labelled as in the lecture.
save('neuron-graph.png', await renderSvg(graphToDot(microgradNeuron().o)), 1)

// The lecture's f(x) = 3x² − 4x + 5 with its tangents at x = 3 and x = 2/3.
const f = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)
save(
  'tangent.png',
  functionPlotSvg(f, { from: -5, to: 5, at: [3, 2 / 3], title: 'f(x) = 3x² − 4x + 5' }),
  1.25,
)

// micrograd's demo: a 2-16-16-1 MLP on 100 moons, hinge loss, SGD with a decaying rate.
const data = signedMoons(100, 1337)
const model = new MLP(2, [16, 16, 1], { seed: 1337 })
const history = trainLikeMicrograd(model, data, 100)
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
trainLikeMicrograd(small, data, 100)
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

// The handwritten digits: a 64-32-10 network, a few seconds on a compiled graph, then held-out
// digits with their predictions and the confusion matrix.
const digits = trainTestSplit(loadDigits({ scale: true }), { stratify: true, seed: 1337 })
const digitsModel = new MLP(64, [32, 10], { seed: 1337 })
train(digitsModel, digits.train, {
  loss: 'softmax-cross-entropy',
  optimizer: new Adam(digitsModel.parameters(), { learningRate: 0.02 }),
  batchSize: 64,
  steps: 1000,
  seed: 1337,
  compiled: true,
})
const predicted = digits.test.X.map((x) => {
  const logits = digitsModel.predict(x)
  return logits.indexOf(Math.max(...logits))
})
const shown = 30
save(
  'digits-grid.png',
  imageGridSvg(digits.test.X.slice(0, shown), {
    captions: predicted.slice(0, shown).map((digit, index) => `${digits.test.y[index]} → ${digit}`),
    highlight: predicted.slice(0, shown).map((digit, index) => digit !== digits.test.y[index]),
    title: 'Held-out digits: label → prediction',
  }),
  1,
)
save(
  'confusion-matrix.png',
  confusionMatrixSvg(digits.test.y, predicted, { title: 'Held-out digits', cellSize: 30 }),
  1,
)
