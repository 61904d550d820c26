import { Value } from '@mg/engine'
import { InvalidOptionError, NonFiniteValueError } from './errors.js'

/** The state of an {@link SGD} optimizer, as {@link Optimizer.state} returns it: plain JSON. */
export interface SgdState {
  /** Always `'sgd'`: tells a saved state's optimizer apart, so it is rebuilt as an {@link SGD}. */
  type: 'sgd'
  /** The step size when the state was taken (after any schedule), a number ≥ 0. */
  learningRate: number
  /** The momentum factor, a number ≥ 0; 0 is plain gradient descent. */
  momentum: number
  /** The L2 weight decay added to each gradient, a number ≥ 0. */
  weightDecay: number
  /** How many `step()` calls have been made. */
  stepCount: number
  /** PyTorch's `momentum_buffer`, one entry per parameter; `null` until the first step with momentum. */
  momentumBuffer: number[] | null
}

/** The state of an {@link Adam} or {@link AdamW} optimizer: plain JSON. */
export interface AdamState {
  /** `'adam'` or `'adamw'`: which of the two wrote the state, so it is rebuilt as that class. */
  type: 'adam' | 'adamw'
  /** The step size when the state was taken (after any schedule), a number ≥ 0. */
  learningRate: number
  /** β₁, the decay of the first-moment (mean) estimate, in [0, 1). */
  beta1: number
  /** β₂, the decay of the second-moment (uncentred variance) estimate, in [0, 1). */
  beta2: number
  /** ε, added to the denominator for numerical stability, a number ≥ 0. */
  epsilon: number
  /** The weight decay, a number ≥ 0: L2 added to the gradient for Adam, decoupled for AdamW. */
  weightDecay: number
  /** How many `step()` calls have been made (the `t` of the bias corrections). */
  stepCount: number
  /** PyTorch's `exp_avg` (m), one entry per parameter. */
  firstMoment: number[]
  /** PyTorch's `exp_avg_sq` (v), one entry per parameter. */
  secondMoment: number[]
}

/** Any optimizer's saved state; `type` tells which. */
export type OptimizerState = SgdState | AdamState

/**
 * Base class of the optimizers: holds the parameters and the learning rate, and updates the
 * parameters' `data` from their `grad` on each `step()`, as PyTorch's `torch.optim` does.
 */
export abstract class Optimizer {
  /** The parameters this optimizer updates. */
  readonly parameters: readonly Value[]
  /** How many `step()` calls have been made. */
  stepCount = 0
  private rate = 0

  constructor(parameters: readonly Value[], learningRate: number) {
    if (!Array.isArray(parameters))
      throw new InvalidOptionError(
        'parameters',
        parameters,
        'an array of Values, such as model.parameters()',
      )
    const seen = new Set<Value>()
    parameters.forEach((parameter, index) => {
      if (!(parameter instanceof Value))
        throw new InvalidOptionError(`parameters[${index}]`, parameter, 'a Value')
      if (seen.has(parameter))
        throw new InvalidOptionError(
          `parameters[${index}]`,
          'a repeated Value',
          'each parameter once',
          'A repeated parameter would be updated twice per step.',
        )
      seen.add(parameter)
    })
    this.parameters = Object.freeze([...parameters])
    this.learningRate = learningRate
  }

  /** The step size; a schedule may change it between steps. */
  get learningRate(): number {
    return this.rate
  }

  /** Sets the step size, a finite number ≥ 0; the next `step()` uses it. */
  set learningRate(value: number) {
    this.rate = nonNegative('learningRate', value)
  }

  /** Sets the gradient of every parameter to 0. */
  zeroGrad(): void {
    for (const parameter of this.parameters) parameter.grad = 0
  }

  /** Updates every parameter's `data` from its `grad`. */
  abstract step(): void

  /** A JSON copy of the hyperparameters and per-parameter buffers. */
  abstract state(): OptimizerState

  /**
   * Restores what {@link Optimizer.state} returned, for the same number of parameters.
   *
   * @throws {@link ModelFormatError} if the state is of another optimizer, the wrong size, or corrupt.
   */
  abstract loadState(state: unknown): void

  /** Throws if an update has made a parameter overflow or become NaN. */
  protected checkFinite(): void {
    this.parameters.forEach((parameter, index) => {
      if (!Number.isFinite(parameter.data))
        throw new NonFiniteValueError(
          'parameter',
          index,
          parameter.data,
          'The update overflowed: lower the learning rate.',
        )
    })
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function nonNegative(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new InvalidOptionError(option, value, 'a finite number ≥ 0')
  return value
}

/** Throws unless `value` is a number in [0, 1). */
export function unitInterval(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1))
    throw new InvalidOptionError(option, value, 'a number in [0, 1), such as 0.9')
  return value
}
