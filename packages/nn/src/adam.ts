import type { Value } from '@mg/engine'
import { ModelFormatError } from './errors.js'
import { type AdamState, nonNegative, Optimizer, unitInterval } from './optimizer.js'
import { parseOptimizerState } from './optimizer-state.js'
import { checkOptionsObject } from './random-source.js'

/** Options for {@link Adam} and {@link AdamW}. */
export interface AdamOptions {
  /** The step size. Default `0.001`, as PyTorch. */
  learningRate?: number
  /** Decay of the first-moment (mean) estimate. Default `0.9`. */
  beta1?: number
  /** Decay of the second-moment (uncentred variance) estimate. Default `0.999`. */
  beta2?: number
  /** Added to the denominator, outside the square root. Default `1e-8`. */
  epsilon?: number
  /** Adam: L2 decay added to the gradient. AdamW: decoupled decay. Default 0 (Adam), 0.01 (AdamW). */
  weightDecay?: number
}

/**
 * Adam (Kingma & Ba) with PyTorch's semantics: with `t` the step count,
 * `g = grad + weightDecay · p`, `m = β₁m + (1 − β₁)g`, `v = β₂v + (1 − β₂)g²`, then
 * `p −= (learningRate / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)`.
 *
 * @example
 * ```ts
 * import { Adam, MLP } from '@mg/nn'
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const optimizer = new Adam(model.parameters(), { learningRate: 0.01 })
 * ```
 */
export class Adam extends Optimizer {
  private readonly decoupled: boolean
  private betas: [number, number]
  private eps: number
  private decay: number
  private firstMoment: Float64Array
  private secondMoment: Float64Array

  constructor(parameters: readonly Value[], options?: AdamOptions) {
    const given = checkOptionsObject(options, new.target.name, [
      'learningRate',
      'beta1',
      'beta2',
      'epsilon',
      'weightDecay',
    ])
    super(parameters, given.learningRate ?? 0.001)
    this.decoupled = this instanceof AdamW
    this.betas = [
      unitInterval('beta1', given.beta1 ?? 0.9),
      unitInterval('beta2', given.beta2 ?? 0.999),
    ]
    this.eps = nonNegative('epsilon', given.epsilon ?? 1e-8)
    this.decay = nonNegative('weightDecay', given.weightDecay ?? (this.decoupled ? 0.01 : 0))
    this.firstMoment = new Float64Array(this.parameters.length)
    this.secondMoment = new Float64Array(this.parameters.length)
  }

  /** β₁. */
  get beta1(): number {
    return this.betas[0]
  }

  /** β₂. */
  get beta2(): number {
    return this.betas[1]
  }

  /** ε. */
  get epsilon(): number {
    return this.eps
  }

  /** The weight decay (L2 for Adam, decoupled for AdamW). */
  get weightDecay(): number {
    return this.decay
  }

  protected update(data: Float64Array | Float32Array, grad: Float64Array | Float32Array): void {
    const { learningRate, firstMoment, secondMoment, decoupled } = this
    const [beta1, beta2] = this.betas
    const weightDecay = this.decay
    const t = ++this.stepCount
    const stepSize = learningRate / (1 - beta1 ** t)
    const correction2Sqrt = Math.sqrt(1 - beta2 ** t)
    for (let index = 0; index < data.length; index++) {
      // One read and one write of data[index], so a Float32Array rounds once per step.
      let parameter = data[index]!
      let gradient = grad[index]!
      if (weightDecay !== 0) {
        if (decoupled) parameter *= 1 - learningRate * weightDecay
        else gradient += weightDecay * parameter
      }
      const m = beta1 * firstMoment[index]! + (1 - beta1) * gradient
      const v = beta2 * secondMoment[index]! + (1 - beta2) * gradient * gradient
      firstMoment[index] = m
      secondMoment[index] = v
      data[index] = parameter - (stepSize * m) / (Math.sqrt(v) / correction2Sqrt + this.eps)
    }
  }

  state(): AdamState {
    return {
      type: this.decoupled ? 'adamw' : 'adam',
      learningRate: this.learningRate,
      beta1: this.betas[0],
      beta2: this.betas[1],
      epsilon: this.eps,
      weightDecay: this.decay,
      stepCount: this.stepCount,
      firstMoment: Array.from(this.firstMoment),
      secondMoment: Array.from(this.secondMoment),
    }
  }

  loadState(state: unknown): void {
    const parsed = parseOptimizerState(state, this.parameters.length)
    const expected = this.decoupled ? 'adamw' : 'adam'
    if (parsed.type !== expected)
      throw new ModelFormatError('type', `expected an '${expected}' optimizer state`, parsed.type)
    this.learningRate = parsed.learningRate
    this.betas = [parsed.beta1, parsed.beta2]
    this.eps = parsed.epsilon
    this.decay = parsed.weightDecay
    this.stepCount = parsed.stepCount
    this.firstMoment = Float64Array.from(parsed.firstMoment)
    this.secondMoment = Float64Array.from(parsed.secondMoment)
  }
}

/**
 * AdamW (Loshchilov & Hutter) with PyTorch's semantics: Adam whose weight decay is decoupled from
 * the gradient, `p −= learningRate · weightDecay · p` before the Adam update. Default decay `0.01`.
 *
 * @example
 * ```ts
 * import { AdamW, MLP } from '@mg/nn'
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const optimizer = new AdamW(model.parameters(), { learningRate: 0.01, weightDecay: 0.01 })
 * ```
 */
export class AdamW extends Adam {}
