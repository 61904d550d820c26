import { checkOptionsObject } from '@mg/common'
import { InvalidInputError } from './errors.js'

/**
 * Checks that `options` is an object naming only `allowed` keys, so a typo such as `colapse` fails
 * loudly instead of being ignored.
 */
export function checkOptionNames(
  functionName: string,
  options: unknown,
  allowed: readonly string[],
): void {
  if (options === undefined) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError(functionName, 'options', options, 'an object or undefined')
  }
  checkOptionsObject(options, functionName, allowed)
}

/** Reads an integer option in `[min, max]`, or returns `fallback` when it is undefined. */
export function integerOption(
  functionName: string,
  name: string,
  value: unknown,
  range: { min: number; max: number; fallback: number },
): number {
  if (value === undefined) return range.fallback
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  )
    throw new InvalidInputError(
      functionName,
      name,
      value,
      `an integer from ${range.min} to ${range.max}`,
    )
  return value
}

/** Reads a `precision` option: the decimals a picture shows, a whole number from 0 to 12. */
export function precisionOption(functionName: string, value: unknown, fallback: number): number {
  return integerOption(functionName, 'precision', value, { min: 0, max: 12, fallback })
}

/** Reads a finite number option, optionally requiring it to be positive. */
export function numberOption(
  functionName: string,
  name: string,
  value: unknown,
  rule: { fallback: number; positive?: boolean },
): number {
  if (value === undefined) return rule.fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || (rule.positive && value <= 0)) {
    throw new InvalidInputError(
      functionName,
      name,
      value,
      rule.positive ? 'a finite number greater than 0' : 'a finite number',
    )
  }
  return value
}

/** Reads a boolean option. */
export function booleanOption(
  functionName: string,
  name: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean')
    throw new InvalidInputError(functionName, name, value, 'true or false')
  return value
}

/** Reads a string option. */
export function stringOption(
  functionName: string,
  name: string,
  value: unknown,
  fallback: string,
): string {
  if (value === undefined) return fallback
  if (typeof value !== 'string') throw new InvalidInputError(functionName, name, value, 'a string')
  return value
}

/** Reads an option that must be one of a few strings. */
export function choiceOption<T extends string>(
  functionName: string,
  name: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    const listed = choices.map((choice) => `'${choice}'`).join(' | ')
    throw new InvalidInputError(functionName, name, value, `one of ${listed}`)
  }
  return value as T
}

/** Reads an `[min, max]` range option with finite ends and `min < max`. */
export function rangeOption(
  functionName: string,
  name: string,
  value: unknown,
): readonly [number, number] | undefined {
  if (value === undefined) return undefined
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((end) => typeof end === 'number' && Number.isFinite(end)) &&
    value[0] < value[1]
  if (!ok)
    throw new InvalidInputError(functionName, name, value, 'a pair [min, max] with min < max')
  return value as [number, number]
}

/**
 * Checks that `value` is a list with at least one entry; if not, throws {@link InvalidInputError}
 * naming `argument`, what was `expected`, and `received` (by default `value` itself).
 */
export function checkNonEmptyList(
  functionName: string,
  argument: string,
  value: unknown,
  expected: string,
  received: unknown = value,
): asserts value is readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidInputError(functionName, argument, received, expected)
}
