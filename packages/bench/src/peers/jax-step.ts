/**
 * Run under Deno by the `jax-js` implementation (jax-js needs `Float16Array`, which Node 20 lacks):
 * the demo's training step in jax-js, float32 on its `wasm` device, forward, loss, gradient and
 * SGD update in one `jit`-compiled function. Reads {@link PeerRequest}s from stdin, one JSON line
 * each, and answers each with one {@link PeerReply} line on stdout.
 *
 * Each step reads its loss synchronously (`item()`), which runs jax-js's kernels on this thread.
 * Its asynchronous path (`await data()`, kernels on a pool of workers) was 2–8× slower per step
 * on the benchmark machine's two busy cores, so the benchmark times jax-js the faster way.
 */
import process from 'node:process'
import { createInterface } from 'node:readline'
import { defaultDevice, init, jit, nn, numpy as np, tree, valueAndGrad } from '@jax-js/jax'
import type { PeerProblem, PeerReply, PeerRequest } from './protocol.js'

type Layer = { weights: np.Array; bias: np.Array }

/** Takes one step and returns its loss, once the update has been computed. */
type Step = () => number

/**
 * The demo's loss, as the TF.js implementation writes it: ReLU hidden layers, a linear output,
 * mean hinge loss (or mean softmax cross-entropy against one-hot `targets`) plus
 * `l2Alpha · Σ p²`. Takes ownership of every argument, as jax-js functions do.
 */
function demoLoss(
  problem: PeerProblem,
  layers: Layer[],
  points: np.Array,
  targets: np.Array,
): np.Array {
  let activations = points
  layers.forEach(({ weights, bias }, index) => {
    const total = np.matmul(activations, weights.ref).add(bias.ref)
    activations = index + 1 < layers.length ? nn.relu(total) : total
  })
  const dataLoss =
    problem.loss === 'hinge'
      ? nn.relu(np.subtract(1, targets.mul(activations))).mean()
      : targets.mul(nn.logSoftmax(activations)).sum(1).mean().neg()
  const squares = layers
    .map(({ weights, bias }) => np.square(weights).sum().add(np.square(bias).sum()))
    .reduce((total, layer) => total.add(layer))
  return dataLoss.add(squares.mul(problem.l2Alpha))
}

/** The problem's data and initial weights as float32 arrays, and a step that trains them. */
function createStep(problem: PeerProblem): Step {
  const nSamples = problem.labels.length
  const classes = problem.layers.at(-1)!.nout
  const points = np
    .array(Float32Array.from(problem.points))
    .reshape([nSamples, problem.layers[0]!.nin])
  const targets =
    problem.loss === 'hinge'
      ? np.array(Float32Array.from(problem.labels)).reshape([nSamples, 1])
      : nn.oneHot(np.array(Int32Array.from(problem.labels), { dtype: np.int32 }), classes)
  let layers: Layer[] = problem.layers.map(({ nin, nout, weights, bias }) => ({
    weights: np.array(Float32Array.from(weights)).reshape([nin, nout]),
    bias: np.array(Float32Array.from(bias)),
  }))
  const train = jit((current: Layer[], batchPoints: np.Array, batchTargets: np.Array) => {
    const [loss, grads] = valueAndGrad((parameters: Layer[]) =>
      demoLoss(problem, parameters, batchPoints, batchTargets),
    )(tree.ref(current))
    const updated = current.map(({ weights, bias }, index) => ({
      weights: weights.sub(grads[index]!.weights.mul(problem.learningRate)),
      bias: bias.sub(grads[index]!.bias.mul(problem.learningRate)),
    }))
    return [loss, updated] as [np.Array, Layer[]]
  })
  return () => {
    const [loss, updated] = train(layers, points.ref, targets.ref)
    layers = updated
    // Reading the loss runs the whole jitted step, the update included.
    return loss.item()
  }
}

/** Takes at least `count` steps, and more until `milliseconds` have passed; their losses and times. */
function takeSteps(step: Step, count: number, milliseconds: number): PeerReply {
  const losses: number[] = []
  const times: number[] = []
  const end = performance.now() + milliseconds
  do {
    const start = performance.now()
    losses.push(step())
    times.push(performance.now() - start)
  } while (losses.length < count || performance.now() < end)
  return { kind: 'steps', losses, times }
}

let step: Step | undefined
async function answer(request: PeerRequest): Promise<PeerReply> {
  if (request.kind === 'start') {
    await init('wasm')
    defaultDevice('wasm')
    step = createStep(request.problem)
    return { kind: 'ready' }
  }
  if (step === undefined) throw new Error(`'${request.kind}' before 'start'`)
  return takeSteps(step, request.count, request.milliseconds)
}

for await (const line of createInterface({ input: process.stdin })) {
  let reply: PeerReply
  try {
    reply = await answer(JSON.parse(line) as PeerRequest)
  } catch (error) {
    reply = { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`)
}
// jax-js's idle workers would keep the process alive.
process.exit(0)
