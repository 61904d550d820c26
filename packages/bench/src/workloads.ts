import { makeMoons, toSignedLabels } from '@mg/datasets'
import { loadDigits } from '@mg/datasets/digits'
import { MLP } from '@mg/nn'

/**
 * One benchmark workload: micrograd's moons demo step at some size (hinge loss), or one step on
 * scikit-learn's handwritten digits (softmax cross-entropy over ten classes).
 */
export interface Workload {
  readonly name: 'W1' | 'W2' | 'W3' | 'W4'
  readonly description: string
  readonly nSamples: number
  /** Layer sizes from input to output, e.g. `[2, 16, 16, 1]`. */
  readonly sizes: readonly number[]
  /** The loss, as `@mg/nn` names it: hinge on ±1 labels, or softmax cross-entropy on class indices. */
  readonly loss: 'hinge' | 'softmax-cross-entropy'
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
    loss: 'hinge',
  },
  {
    name: 'W2',
    description: '10,000 moons, 2-16-16-1',
    nSamples: 10_000,
    sizes: [2, 16, 16, 1],
    loss: 'hinge',
  },
  {
    name: 'W3',
    description: '100 moons, 2-256-256-1',
    nSamples: 100,
    sizes: [2, 256, 256, 1],
    loss: 'hinge',
  },
  {
    name: 'W4',
    description: 'all 1,797 digits, 64-32-10, softmax cross-entropy',
    nSamples: 1797,
    sizes: [64, 32, 10],
    loss: 'softmax-cross-entropy',
  },
]

/** The data every implementation trains on: points, labels and the initial parameters. */
export interface Problem {
  readonly workload: Workload
  /** Row-major `nSamples × sizes[0]` points: moons' coordinates, or digits' pixels / 16. */
  readonly points: Float64Array
  /** ±1 for hinge loss, class indices 0–9 for softmax cross-entropy. */
  readonly labels: Float64Array
  /** Parameters in micrograd order: layer by layer, neuron by neuron, weights then bias. */
  readonly initialParameters: Float64Array
}

/** One layer's parameters as matrices: `weights` row-major `nin × nout`, then `nout` biases. */
export interface LayerMatrices {
  readonly nin: number
  readonly nout: number
  readonly weights: readonly number[]
  readonly bias: readonly number[]
}

/**
 * Floating-point operations of one training step, counting the matrix products only: per sample
 * and layer of `nin` inputs and `nout` outputs, 2·nin·nout forward and 4·nin·nout backward (the
 * weights' gradient and the inputs' gradient), less the first layer's inputs' gradient, which no
 * implementation computes: `nSamples · (Σ 6·nin·nout − 2·sizes[0]·sizes[1])`. Biases,
 * activations, the loss and the update are left out.
 */
export function flopsPerStep(workload: Workload): number {
  const { sizes, nSamples } = workload
  let perSample = -2 * sizes[0]! * sizes[1]!
  for (let layer = 0; layer + 1 < sizes.length; layer++)
    perSample += 6 * sizes[layer]! * sizes[layer + 1]!
  return nSamples * perSample
}

/**
 * The problem's initial parameters as tensor libraries take them, one weight matrix and one bias
 * vector per layer, from micrograd's order (neuron by neuron, its weights then its bias).
 */
export function layerMatrices(problem: Problem): LayerMatrices[] {
  const { sizes } = problem.workload
  const flat = problem.initialParameters
  let at = 0
  return sizes.slice(1).map((nout, layer) => {
    const nin = sizes[layer]!
    const weights: number[] = new Array(nin * nout)
    const bias: number[] = new Array(nout)
    for (let neuron = 0; neuron < nout; neuron++) {
      for (let input = 0; input < nin; input++) weights[input * nout + neuron] = flat[at++]!
      bias[neuron] = flat[at++]!
    }
    return { nin, nout, weights, bias }
  })
}

/** The problem of a workload, identical for every implementation. */
export function makeProblem(workload: Workload, seed = 1337): Problem {
  const { points, labels } = workload.loss === 'hinge' ? moonsData(workload, seed) : digitsData()
  const model = createModel(workload, seed)
  return { workload, points, labels, initialParameters: model.getParameterValues() }
}

function moonsData(workload: Workload, seed: number) {
  const moons = makeMoons({ nSamples: workload.nSamples, noise: 0.1, seed })
  return {
    points: Float64Array.from(moons.X.flat()),
    labels: Float64Array.from(toSignedLabels(moons.y)),
  }
}

/** Every digit in scikit-learn's order, pixels scaled to [0, 1] as a network trains on them. */
function digitsData() {
  const digits = loadDigits({ scale: true })
  return { points: Float64Array.from(digits.X.flat()), labels: Float64Array.from(digits.y) }
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
