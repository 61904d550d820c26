import { L2_ALPHA, LEARNING_RATE, type Problem } from '../workloads.js'

/**
 * The yardstick: the same training step written by hand over dense `Float64Array`s, one matrix-vector
 * product per sample and layer, with parameters in micrograd order (each neuron's weights then its
 * bias). No graph, no allocation per step.
 */
export class DenseBaseline {
  readonly parameters: Float64Array
  private readonly grads: Float64Array
  private readonly sizes: readonly number[]
  private readonly offsets: number[] = []
  /** Activations and their gradients per layer, `nSamples × width`; layer 0 holds the points. */
  private readonly activations: Float64Array[] = []
  private readonly activationGrads: Float64Array[] = []

  constructor(private readonly problem: Problem) {
    this.sizes = problem.workload.sizes
    this.parameters = Float64Array.from(problem.initialParameters)
    this.grads = new Float64Array(this.parameters.length)
    const n = problem.workload.nSamples
    let offset = 0
    for (let layer = 0; layer < this.sizes.length; layer++) {
      const width = this.sizes[layer]!
      this.activations.push(layer === 0 ? problem.points : new Float64Array(n * width))
      this.activationGrads.push(new Float64Array(n * width))
      if (layer + 1 < this.sizes.length) {
        this.offsets.push(offset)
        offset += this.sizes[layer + 1]! * (width + 1)
      }
    }
  }

  /**
   * One full-batch step: forward, hinge (or, for W4, softmax cross-entropy) + L2 loss, backward,
   * SGD update. Returns the loss.
   */
  step(): number {
    const loss = this.forwardBackward()
    const { parameters, grads } = this
    for (let index = 0; index < parameters.length; index++)
      parameters[index]! -= LEARNING_RATE * grads[index]!
    return loss
  }

  /** Loss at the current parameters, with their gradients left in `grads`. */
  forwardBackward(): number {
    const { sizes, parameters, grads, activations, activationGrads, offsets } = this
    const n = this.problem.workload.nSamples
    const layers = sizes.length - 1
    for (let layer = 0; layer < layers; layer++) {
      const nin = sizes[layer]!
      const nout = sizes[layer + 1]!
      const input = activations[layer]!
      const output = activations[layer + 1]!
      const relu = layer + 1 < layers
      for (let sample = 0; sample < n; sample++) {
        const x = sample * nin
        for (let neuron = 0; neuron < nout; neuron++) {
          const row = offsets[layer]! + neuron * (nin + 1)
          let total = 0
          for (let k = 0; k < nin; k++) total += input[x + k]! * parameters[row + k]!
          total += parameters[row + nin]!
          output[sample * nout + neuron] = relu ? Math.max(0, total) : total
        }
      }
    }
    const scores = activations[layers]!
    const scoreGrads = activationGrads[layers]!
    const dataLoss =
      this.problem.workload.loss === 'hinge'
        ? this.hinge(scores, scoreGrads)
        : this.softmaxCrossEntropy(scores, scoreGrads)
    let squares = 0
    for (let index = 0; index < parameters.length; index++) {
      const parameter = parameters[index]!
      squares += parameter * parameter
      grads[index] = 2 * L2_ALPHA * parameter
    }
    for (let layer = layers - 1; layer >= 0; layer--) {
      const nin = sizes[layer]!
      const nout = sizes[layer + 1]!
      const input = activations[layer]!
      const output = activations[layer + 1]!
      const outputGrads = activationGrads[layer + 1]!
      const inputGrads = activationGrads[layer]!
      // The points need no gradient.
      const needsInputGrads = layer > 0
      if (needsInputGrads) inputGrads.fill(0)
      const relu = layer + 1 < layers
      for (let sample = 0; sample < n; sample++) {
        const x = sample * nin
        for (let neuron = 0; neuron < nout; neuron++) {
          const at = sample * nout + neuron
          if (relu && output[at]! <= 0) continue
          const g = outputGrads[at]!
          if (g === 0) continue
          const row = offsets[layer]! + neuron * (nin + 1)
          if (needsInputGrads) {
            for (let k = 0; k < nin; k++) {
              inputGrads[x + k]! += parameters[row + k]! * g
              grads[row + k]! += input[x + k]! * g
            }
          } else {
            for (let k = 0; k < nin; k++) grads[row + k]! += input[x + k]! * g
          }
          grads[row + nin]! += g
        }
      }
    }
    return dataLoss / n + L2_ALPHA * squares
  }

  /** Summed hinge loss of ±1 labels against one score per sample; d(mean)/d(score) into `grads`. */
  private hinge(scores: Float64Array, grads: Float64Array): number {
    const { labels, workload } = this.problem
    const n = workload.nSamples
    let total = 0
    for (let sample = 0; sample < n; sample++) {
      const margin = 1 - labels[sample]! * scores[sample]!
      total += Math.max(0, margin)
      grads[sample] = margin > 0 ? -labels[sample]! / n : 0
    }
    return total
  }

  /**
   * Summed cross-entropy of the softmax of each sample's logits against its class index, as
   * `log Σ e^(z − m) − (z_c − m)` with `m` the largest logit; d(mean)/d(logit) =
   * `(softmax − [j = c]) / n` into `grads`.
   */
  private softmaxCrossEntropy(logits: Float64Array, grads: Float64Array): number {
    const { labels, workload } = this.problem
    const n = workload.nSamples
    const classes = this.sizes.at(-1)!
    let total = 0
    for (let sample = 0; sample < n; sample++) {
      const row = sample * classes
      let largest = Number.NEGATIVE_INFINITY
      for (let j = 0; j < classes; j++) largest = Math.max(largest, logits[row + j]!)
      let sum = 0
      for (let j = 0; j < classes; j++) sum += Math.exp(logits[row + j]! - largest)
      const label = labels[sample]!
      total += Math.log(sum) - (logits[row + label]! - largest)
      for (let j = 0; j < classes; j++)
        grads[row + j] = (Math.exp(logits[row + j]! - largest) / sum - (j === label ? 1 : 0)) / n
    }
    return total
  }
}
