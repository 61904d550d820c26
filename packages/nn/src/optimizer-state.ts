import { ModelFormatError } from './errors.js'
import type { OptimizerState } from './optimizer.js'

const TYPES = ['sgd', 'adam', 'adamw'] as const

/**
 * Checks a saved optimizer state in full for `parameterCount` parameters, or throws a
 * {@link ModelFormatError} naming the field that is wrong.
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
  const vector = (field: string): number[] => {
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
    })
    return value as number[]
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
    return { type, learningRate, momentum, weightDecay, stepCount, momentumBuffer }
  }
  return {
    type: type as 'adam' | 'adamw',
    learningRate,
    beta1: number('beta1', unit, 'a number in [0, 1)'),
    beta2: number('beta2', unit, 'a number in [0, 1)'),
    epsilon: number('epsilon', nonNegative, 'a number ≥ 0'),
    weightDecay,
    stepCount,
    firstMoment: vector('firstMoment'),
    secondMoment: vector('secondMoment'),
  }
}
