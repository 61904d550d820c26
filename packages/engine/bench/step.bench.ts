/**
 * Times one step of micrograd's demo built with the engine alone: 100 points through a 2-16-16-1
 * ReLU network, hinge loss plus 1e-4 L2, forward and backward. Compares chained ops (micrograd's
 * way: 2·n nodes per neuron) with the fused `Value.dot`/`Value.sum`, and writes
 * bench/results/engine-step.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { topologicalSort, Value } from '../src/index.js'

const layerSizes = [2, 16, 16, 1]
const nPoints = 100

// Two interleaved half circles with a deterministic wobble: the demo's shape, no randomness needed.
const points = Array.from({ length: nPoints }, (_, i) => {
  const t = (Math.PI * (i >> 1)) / (nPoints / 2 - 1)
  const wobble = 0.1 * Math.sin(i * 12.9898)
  return i % 2 === 0
    ? { x: [Math.cos(t) + wobble, Math.sin(t) - wobble], y: -1 }
    : { x: [1 - Math.cos(t) - wobble, 0.5 - Math.sin(t) + wobble], y: 1 }
})

// Weights from a fixed hash in [-1, 1), bias 0, in micrograd's order.
const layers = layerSizes.slice(1).map((nout, l) =>
  Array.from({ length: nout }, (_, j) => ({
    weights: Array.from(
      { length: layerSizes[l]! },
      (_, k) => new Value(Math.sin(1000 * l + 37 * j + k + 1)),
    ),
    bias: new Value(0),
  })),
)
const parameters = layers.flat().flatMap((neuron) => [...neuron.weights, neuron.bias])

type Forward = (x: readonly Value[]) => Value
const chainedForward: Forward = (x) =>
  forwardWith(x, (inputs, neuron) =>
    neuron.weights.reduce((sum, w, k) => sum.add(w.mul(inputs[k]!)), neuron.bias),
  )
const fusedForward: Forward = (x) =>
  forwardWith(x, (inputs, neuron) => Value.dot(inputs, neuron.weights).add(neuron.bias))

function forwardWith(
  x: readonly Value[],
  preActivation: (inputs: readonly Value[], neuron: (typeof layers)[number][number]) => Value,
): Value {
  let activations = x
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1
    activations = layer.map((neuron) => {
      const z = preActivation(activations, neuron)
      return last ? z : z.relu()
    })
  })
  return activations[0]!
}

function step(forward: Forward, fused: boolean): Value {
  const margins = points.map(({ x, y }) =>
    forward(x.map((v) => new Value(v)))
      .mul(-y)
      .add(1)
      .relu(),
  )
  const squares = parameters.map((p) => p.mul(p))
  const dataLoss = fused
    ? Value.sum(margins).div(nPoints)
    : margins.reduce((a, b) => a.add(b)).div(nPoints)
  const regLoss = (fused ? Value.sum(squares) : squares.reduce((a, b) => a.add(b))).mul(1e-4)
  const loss = dataLoss.add(regLoss)
  for (const p of parameters) p.grad = 0
  loss.backward()
  return loss
}

function measure(name: string, forward: Forward, fused: boolean) {
  const first = step(forward, fused)
  const loss = first.data
  const nodes = topologicalSort(first).length
  for (let i = 0; i < 20; i++) step(forward, fused)
  const times: number[] = []
  for (let i = 0; i < 50; i++) {
    const start = performance.now()
    step(forward, fused)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { name, msPerStep: times[times.length >> 1]!, nodesPerStep: nodes, loss }
}

const results = [measure('chained', chainedForward, false), measure('fused', fusedForward, true)]
if (Math.abs(results[0]!.loss - results[1]!.loss) > 1e-12) {
  throw new Error(`chained and fused losses differ: ${results[0]!.loss} vs ${results[1]!.loss}`)
}
console.table(
  results.map(({ name, msPerStep, nodesPerStep }) => ({
    form: name,
    'ms/step': +msPerStep.toFixed(2),
    'nodes/step': nodesPerStep,
  })),
)
const target = 10
const fused = results[1]!
console.log(
  `fused target ≤ ${target} ms/step: ${fused.msPerStep <= target ? 'met' : 'NOT met'} (${fused.msPerStep.toFixed(2)} ms)`,
)
const folder = new URL('./results/', import.meta.url)
mkdirSync(folder, { recursive: true })
writeFileSync(
  new URL('engine-step.json', folder),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), targetMs: target, results }, null, 2)}\n`,
)
