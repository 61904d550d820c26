import { makeMoons, toSignedLabels } from '@mg/datasets'
import { MLP } from '@mg/nn'

/** One benchmark workload: micrograd's moons demo step at some size. */
export interface Workload {
  readonly name: 'W1' | 'W2' | 'W3'
  readonly description: string
  readonly nSamples: number
  /** Layer sizes from input to output, e.g. `[2, 16, 16, 1]`. */
  readonly sizes: readonly number[]
}

/** Full-batch hinge loss plus this much L2, as in micrograd's demo notebook. */
export const L2_ALPHA = 1e-4
/** Fixed SGD learning rate: timing runs hundreds of steps, past micrograd's 100-step schedule. */
export const LEARNING_RATE = 0.05

export const WORKLOADS: readonly Workload[] = [
  {
    name: 'W1',
    description: 'micrograd demo: 100 moons, 2-16-16-1',
    nSamples: 100,
    sizes: [2, 16, 16, 1],
  },
  { name: 'W2', description: '10,000 moons, 2-16-16-1', nSamples: 10_000, sizes: [2, 16, 16, 1] },
  { name: 'W3', description: '100 moons, 2-256-256-1', nSamples: 100, sizes: [2, 256, 256, 1] },
]

/** The data every implementation trains on: points, ±1 labels and the initial parameters. */
export interface Problem {
  readonly workload: Workload
  /** Row-major `nSamples × 2` points. */
  readonly points: Float64Array
  readonly labels: Float64Array
  /** Parameters in micrograd order: layer by layer, neuron by neuron, weights then bias. */
  readonly initialParameters: Float64Array
}

/** The problem of a workload, identical for every implementation. */
export function makeProblem(workload: Workload, seed = 1337): Problem {
  const moons = makeMoons({ nSamples: workload.nSamples, noise: 0.1, seed })
  const points = Float64Array.from(moons.X.flat())
  const labels = Float64Array.from(toSignedLabels(moons.y))
  const model = createModel(workload, seed)
  return { workload, points, labels, initialParameters: model.getParameterValues() }
}

/** The model every `@mg/nn` implementation trains: {@link createModel}'s, from the problem's parameters. */
export function problemModel(problem: Problem): MLP {
  const model = createModel(problem.workload)
  model.setParameterValues(problem.initialParameters)
  return model
}

/** micrograd's model through `@mg/nn`: ReLU hidden layers, a linear output, uniform weights. */
function createModel(workload: Workload, seed = 1337): MLP {
  const [nin, ...nouts] = workload.sizes
  return new MLP(nin!, nouts, { seed, activation: 'relu', outputActivation: 'linear' })
}
