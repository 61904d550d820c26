import { ModelFormatError } from './errors.js'
import type { OptimizerState } from './optimizer.js'

const TYPES = ['sgd', 'adam', 'adamw'] as const

/**
 * Checks a saved optimizer state in full for `parameterCount` parameters, or throws a
 * {@link ModelFormatError} naming the field that is wrong: every field of the right type and
 * range, and no state that no optimizer can reach (a negative second moment, buffers or moments
 * before the first step, a momentum buffer without momentum).
 */
export function parseOptimizerState(
  state: unknown,
  parameterCount: number,
  path = '',
): OptimizerState {
  const at = (field: string) => (path ? `${path}.${field}` : field)
  if (typeof state !== 'object' || state === null || Array.isArray(state))
    throw new ModelFormatError(path, 'expected an optimizer state object', state)
  const fields = state as Record<string, unknown>
  const type = fields.type
  if (!TYPES.includes(type as (typeof TYPES)[number]))
    throw new ModelFormatError(at('type'), "expected 'sgd', 'adam' or 'adamw'", type)
  const number = (field: string, check: (value: number) => boolean, allowed: string): number => {
    const value = fields[field]
    if (typeof value !== 'number' || !Number.isFinite(value) || !check(value))
      throw new ModelFormatError(at(field), `expected ${allowed}`, value)
    return value
  }
  const vector = (field: string, check = (_value: number) => true, allowed = ''): number[] => {
    const value = fields[field]
    if (!Array.isArray(value) || value.length !== parameterCount)
      throw new ModelFormatError(
        at(field),
        `expected an array of ${parameterCount} numbers, one per parameter`,
        value,
      )
    value.forEach((entry: unknown, index) => {
      if (typeof entry !== 'number' || !Number.isFinite(entry))
        throw new ModelFormatError(`${at(field)}[${index}]`, 'expected a finite number', entry)
      if (!check(entry))
        throw new ModelFormatError(`${at(field)}[${index}]`, `expected ${allowed}`, entry)
    })
    return value as number[]
  }
  // Before the first step every buffer is as the optimizer made it: absent, or all zeros.
  const untouched = (field: string, values: readonly number[]) => {
    const index = values.findIndex((entry) => entry !== 0)
    if (stepCount === 0 && index >= 0)
      throw new ModelFormatError(
        `${at(field)}[${index}]`,
        'expected 0 at step 0 (stepCount is 0, so no step has filled it)',
        values[index],
      )
  }
  const nonNegative = (value: number) => value >= 0
  const unit = (value: number) => value >= 0 && value < 1
  const learningRate = number('learningRate', nonNegative, 'a number ≥ 0')
  const weightDecay = number('weightDecay', nonNegative, 'a number ≥ 0')
  const stepCount = number(
    'stepCount',
    (value) => Number.isSafeInteger(value) && value >= 0,
    'a whole number ≥ 0',
  )
  if (type === 'sgd') {
    const momentum = number('momentum', nonNegative, 'a number ≥ 0')
    const momentumBuffer = fields.momentumBuffer === null ? null : vector('momentumBuffer')
    // SGD makes its buffer on its first step with momentum, and only then.
    const hasBuffer = momentum > 0 && stepCount > 0
    if ((momentumBuffer !== null) !== hasBuffer)
      throw new ModelFormatError(
        at('momentumBuffer'),
        hasBuffer
          ? 'expected an array, one entry per parameter (momentum is on and steps were taken)'
          : `expected null (${momentum === 0 ? 'momentum is 0' : 'stepCount is 0'})`,
        fields.momentumBuffer,
      )
    return { type, learningRate, momentum, weightDecay, stepCount, momentumBuffer }
  }
  const beta1 = number('beta1', unit, 'a number in [0, 1)')
  const beta2 = number('beta2', unit, 'a number in [0, 1)')
  const epsilon = number('epsilon', nonNegative, 'a number ≥ 0')
  const firstMoment = vector('firstMoment')
  // A running mean of squared gradients is never negative.
  const secondMoment = vector('secondMoment', nonNegative, 'a number ≥ 0 (a mean of squares)')
  untouched('firstMoment', firstMoment)
  untouched('secondMoment', secondMoment)
  return {
    type: type as 'adam' | 'adamw',
    learningRate,
    beta1,
    beta2,
    epsilon,
    weightDecay,
    stepCount,
    firstMoment,
    secondMoment,
  }
}
