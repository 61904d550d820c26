import { InvalidOptionError } from './errors.js'
import { nonNegative } from './optimizer.js'
import { checkOptionsObject } from './random-source.js'

/**
 * A learning rate for each step (0-based); {@link train} sets the optimizer's rate from it. The
 * schedules of this package throw {@link InvalidOptionError} for a step that is not a whole number
 * ≥ 0, rather than return NaN.
 */
export type LearningRateSchedule = (step: number) => number

/**
 * The same rate at every step.
 *
 * @example
 * ```ts
 * import { constantSchedule } from '@mg/nn'
 * const schedule = constantSchedule(0.05)
 * ```
 */
export function constantSchedule(learningRate: number): LearningRateSchedule {
  nonNegative('learningRate', learningRate)
  return (step) => {
    checkStep(step)
    return learningRate
  }
}

/**
 * micrograd's schedule, `initial − decay · step / steps`, held at its last value after `steps`.
 * The defaults give the demo's `1.0 − 0.9·k/100`, computed in the same order so it matches bit for bit.
 *
 * @example
 * ```ts
 * import { linearDecay } from '@mg/nn'
 * const schedule = linearDecay() // 1.0 at step 0, 0.109 at step 99
 * ```
 */
export function linearDecay(options?: {
  initial?: number
  decay?: number
  steps?: number
}): LearningRateSchedule {
  const given = checkOptionsObject(options, 'linearDecay', ['initial', 'decay', 'steps'])
  const initial = nonNegative('initial', given.initial ?? 1.0)
  const decay = nonNegative('decay', given.decay ?? 0.9)
  const steps = positiveInteger('steps', given.steps ?? 100)
  if (decay > initial)
    throw new InvalidOptionError(
      'decay',
      decay,
      `at most initial (${initial}), so the rate never goes negative`,
    )
  return (step) => initial - (decay * Math.min(checkStep(step), steps)) / steps
}

/**
 * Cosine annealing, PyTorch's `CosineAnnealingLR` in closed form:
 * `final + (initial − final) · (1 + cos(π · step / steps)) / 2`, held at `final` after `steps`.
 *
 * @example
 * ```ts
 * import { cosineSchedule } from '@mg/nn'
 * const schedule = cosineSchedule({ initial: 0.01, steps: 500 })
 * ```
 */
export function cosineSchedule(options: {
  initial: number
  final?: number
  steps: number
}): LearningRateSchedule {
  const given = requiredOptions(options, 'cosineSchedule', '{ initial: 0.01, steps: 500 }', [
    'initial',
    'final',
    'steps',
  ])
  const initial = nonNegative('initial', given.initial)
  const final = nonNegative('final', given.final ?? 0)
  const steps = positiveInteger('steps', given.steps)
  return (step) =>
    final +
    ((initial - final) * (1 + Math.cos((Math.PI * Math.min(checkStep(step), steps)) / steps))) / 2
}

/**
 * Step decay, PyTorch's `StepLR`: `initial · gamma^⌊step / stepSize⌋`.
 *
 * @example
 * ```ts
 * import { stepSchedule } from '@mg/nn'
 * const schedule = stepSchedule({ initial: 0.1, stepSize: 30, gamma: 0.1 }) // 0.1, then 0.01 from step 30
 * ```
 */
export function stepSchedule(options: {
  initial: number
  stepSize: number
  gamma?: number
}): LearningRateSchedule {
  const given = requiredOptions(options, 'stepSchedule', '{ initial: 0.1, stepSize: 30 }', [
    'initial',
    'stepSize',
    'gamma',
  ])
  const initial = nonNegative('initial', given.initial)
  const stepSize = positiveInteger('stepSize', given.stepSize)
  const gamma = nonNegative('gamma', given.gamma ?? 0.1)
  return (step) => initial * gamma ** Math.floor(checkStep(step) / stepSize)
}

function positiveInteger(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a whole number of at least 1')
  return value
}

/** The options object a schedule cannot do without, checked to name only the `known` options. */
function requiredOptions<T extends object>(
  options: T,
  functionName: string,
  example: string,
  known: readonly (keyof T & string)[],
): T {
  if (options === undefined)
    throw new InvalidOptionError('options', options, `an object such as ${example}`, '', {
      functionName,
    })
  return checkOptionsObject(options, functionName, known) as T
}

/** Throws unless `step`, given to a schedule, is a whole number ≥ 0. */
function checkStep(step: unknown): number {
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0)
    throw new InvalidOptionError('step', step, 'a whole number ≥ 0, the step from 0')
  return step
}
