import { allFinite } from '@mg/common'
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
 * Base class of the optimizers: holds the parameters, the learning rate and the per-parameter
 * state, and updates the parameters from their gradients on each step, as PyTorch's `torch.optim`
 * does. A subclass writes its update rule once, in {@link Optimizer.update}, over flat arrays;
 * `step()` runs it on the parameter `Value`s and `stepArrays()` on arrays such as a compiled
 * graph's, with the same state.
 */
export abstract class Optimizer {
  /** The parameters this optimizer updates. */
  readonly parameters: readonly Value[]
  /** How many steps (`step()` or `stepArrays()` calls) have been made. */
  stepCount = 0
  private rate = 0
  /** The Values' numbers gathered for `step()`, so that it allocates nothing per call. */
  private readonly gathered: { data: Float64Array; grad: Float64Array }

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
    this.gathered = {
      data: new Float64Array(parameters.length),
      grad: new Float64Array(parameters.length),
    }
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

  /**
   * Updates every parameter's `data` from its `grad`.
   *
   * @throws {@link NonFiniteValueError} naming the parameter if the update made it overflow or NaN.
   */
  step(): void {
    const { parameters, gathered } = this
    const { data, grad } = gathered
    for (let index = 0; index < parameters.length; index++) {
      data[index] = parameters[index]!.data
      grad[index] = parameters[index]!.grad
    }
    try {
      this.stepArrays(data, grad)
    } finally {
      // Written back even when a parameter overflowed, so the model shows what the update did.
      for (let index = 0; index < parameters.length; index++) parameters[index]!.data = data[index]!
    }
  }

  /**
   * Takes one step on flat arrays instead of the parameter `Value`s: `data[i]` and `grad[i]` are
   * the number and gradient of `parameters[i]`, and `data` is updated in place by the same rule,
   * state and step count as {@link Optimizer.step}. For training on a compiled graph whose
   * parameters are this optimizer's, in the same order, without copying into the `Value`s each step.
   *
   * @throws {@link InvalidOptionError} unless `data` and `grad` are `Float64Array`s or
   * `Float32Array`s of one entry per parameter.
   * @throws {@link NonFiniteValueError} naming the parameter if the update made it overflow or NaN.
   * @example
   * ```ts
   * import { compileGraph } from '@mg/engine'
   * import { MLP, mseLoss, SGD } from '@mg/nn'
   * const model = new MLP(2, [4, 1], { seed: 1 })
   * const optimizer = new SGD(model.parameters(), { learningRate: 0.1 })
   * const loss = mseLoss(model.forward([0.5, -1]), [1])
   * const graph = compileGraph({ output: loss, parameters: optimizer.parameters })
   * for (let step = 0; step < 100; step++) {
   *   graph.forward()
   *   graph.zeroGrad()
   *   graph.backward()
   *   optimizer.stepArrays(graph.parameterData, graph.parameterGrad)
   * }
   * graph.pushParameters() // the model's Values take the trained numbers
   * ```
   */
  stepArrays(data: Float64Array | Float32Array, grad: Float64Array | Float32Array): void {
    checkParameterArray('data', data, this.parameters.length)
    checkParameterArray('grad', grad, this.parameters.length)
    this.update(data, grad)
    checkFinite(data)
  }

  /**
   * The update rule, the one definition both {@link Optimizer.step} and
   * {@link Optimizer.stepArrays} run: updates `data` in place from `grad` (one entry per
   * parameter, checked by the caller), advances {@link Optimizer.stepCount} and the per-parameter
   * state. A subclass implements it.
   */
  protected abstract update(
    data: Float64Array | Float32Array,
    grad: Float64Array | Float32Array,
  ): void

  /** A JSON copy of the hyperparameters and per-parameter buffers. */
  abstract state(): OptimizerState

  /**
   * Restores what {@link Optimizer.state} returned, for the same number of parameters.
   *
   * @throws {@link ModelFormatError} if the state is of another optimizer, the wrong size, or corrupt.
   */
  abstract loadState(state: unknown): void
}

/** Throws unless `array`, the argument `name` of `stepArrays`, holds one number per parameter. */
function checkParameterArray(name: string, array: unknown, parameterCount: number): void {
  if (
    !(array instanceof Float64Array || array instanceof Float32Array) ||
    array.length !== parameterCount
  )
    throw new InvalidOptionError(
      name,
      array,
      `a Float64Array or Float32Array of ${parameterCount} numbers, one per parameter`,
      '',
      { functionName: 'stepArrays' },
    )
}

/** Throws if an update has made a parameter overflow or become NaN. */
function checkFinite(data: Float64Array | Float32Array): void {
  if (allFinite(data)) return
  for (let index = 0; index < data.length; index++)
    if (!Number.isFinite(data[index]))
      throw new NonFiniteValueError(
        'parameter',
        index,
        data[index],
        'The update overflowed: lower the learning rate.',
      )
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
