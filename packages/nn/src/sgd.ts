import type { Value } from '@mg/engine'
import { ModelFormatError } from './errors.js'
import { nonNegative, Optimizer, type SgdState } from './optimizer.js'
import { parseOptimizerState } from './optimizer-state.js'
import { checkOptionsObject } from './random-source.js'

/** Options for {@link SGD}. */
export interface SgdOptions {
  /** The step size. */
  learningRate: number
  /** Momentum factor; 0 (the default) is plain gradient descent. */
  momentum?: number
  /** L2 weight decay added to each gradient (`g + weightDecay · p`). Default 0. */
  weightDecay?: number
}

/**
 * Stochastic gradient descent with PyTorch's semantics: `g = grad + weightDecay · p`; with momentum,
 * `buffer = momentum · buffer + g` (the first step sets `buffer = g`) and `g = buffer`; then
 * `p −= learningRate · g`. With no momentum and no decay this is micrograd's `p.data -= lr * p.grad`.
 *
 * @example
 * ```ts
 * import { MLP, mseLoss, SGD } from '@mg/nn'
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const optimizer = new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 })
 * const loss = mseLoss(model.forward([0.5, -1]), [1])
 * optimizer.zeroGrad(); loss.backward(); optimizer.step()
 * ```
 */
export class SGD extends Optimizer {
  private momentumFactor: number
  private decay: number
  private buffer: Float64Array | undefined

  constructor(parameters: readonly Value[], options: SgdOptions) {
    const {
      learningRate,
      momentum = 0,
      weightDecay = 0,
    } = checkOptionsObject(options, 'SGD', ['learningRate', 'momentum', 'weightDecay'])
    super(parameters, learningRate as number)
    this.momentumFactor = nonNegative('momentum', momentum)
    this.decay = nonNegative('weightDecay', weightDecay)
  }

  /** The momentum factor. */
  get momentum(): number {
    return this.momentumFactor
  }

  /** The L2 weight decay. */
  get weightDecay(): number {
    return this.decay
  }

  protected update(data: Float64Array | Float32Array, grad: Float64Array | Float32Array): void {
    const { learningRate, momentum, weightDecay } = this
    const first = momentum !== 0 && this.buffer === undefined
    if (first) this.buffer = new Float64Array(data.length)
    const buffer = this.buffer
    for (let index = 0; index < data.length; index++) {
      const parameter = data[index]!
      let gradient = grad[index]!
      if (weightDecay !== 0) gradient += weightDecay * parameter
      if (momentum !== 0 && buffer) {
        buffer[index] = first ? gradient : momentum * buffer[index]! + gradient
        gradient = buffer[index]!
      }
      data[index] = parameter - learningRate * gradient
    }
    this.stepCount++
  }

  state(): SgdState {
    return {
      type: 'sgd',
      learningRate: this.learningRate,
      momentum: this.momentum,
      weightDecay: this.weightDecay,
      stepCount: this.stepCount,
      momentumBuffer: this.buffer ? Array.from(this.buffer) : null,
    }
  }

  loadState(state: unknown): void {
    const parsed = parseOptimizerState(state, this.parameters.length)
    if (parsed.type !== 'sgd')
      throw new ModelFormatError('type', "expected an 'sgd' optimizer state", parsed.type)
    this.learningRate = parsed.learningRate
    this.momentumFactor = parsed.momentum
    this.decay = parsed.weightDecay
    this.stepCount = parsed.stepCount
    this.buffer = parsed.momentumBuffer ? Float64Array.from(parsed.momentumBuffer) : undefined
  }
}
