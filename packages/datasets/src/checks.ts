import { InvalidParameterError } from './errors.js'

/*
 * Guards for options at the public boundary. Each returns the value it checked, typed, or throws an
 * InvalidParameterError naming the function, the option, what came in and what is allowed.
 */

/** An options object, or `undefined` for none: anything else (`null`, a number) is refused. */
export function checkOptions(functionName: string, options: unknown): void {
  if (
    options !== undefined &&
    (typeof options !== 'object' || options === null || Array.isArray(options))
  ) {
    const fix = 'Pass the options as an object literal, e.g. { seed: 1 }, or leave them out.'
    throw new InvalidParameterError(functionName, 'options', options, 'an object or nothing', fix)
  }
}

/** An array, such as a list of labels. */
export function checkList(
  functionName: string,
  parameter: string,
  value: unknown,
  allowed: string,
): void {
  if (!Array.isArray(value))
    throw new InvalidParameterError(functionName, parameter, value, allowed, 'Pass a plain array.')
}

/** A whole number `>= minimum`. */
export function checkInteger(
  functionName: string,
  parameter: string,
  value: unknown,
  minimum: number,
  example: string,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    const allowed = minimum === 1 ? 'a positive integer' : `an integer >= ${minimum}`
    throw new InvalidParameterError(functionName, parameter, value, allowed, `e.g. ${example}.`)
  }
  return value
}

/** A finite number `>= 0`, such as a noise level or a standard deviation. */
export function checkNonNegative(
  functionName: string,
  parameter: string,
  value: unknown,
  example: string,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    const fix = `Use 0 for none, or a standard deviation such as ${example}.`
    throw new InvalidParameterError(functionName, parameter, value, 'a finite number >= 0', fix)
  }
  return value
}

/** `true` or `false`. */
export function checkBoolean(functionName: string, parameter: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    const fix = `Pass ${parameter}: true or ${parameter}: false.`
    throw new InvalidParameterError(functionName, parameter, value, 'true or false', fix)
  }
  return value
}

/**
 * The two class sizes of a two-class curve: a total `n` splits as `[floor(n / 2), n - floor(n / 2)]`
 * (the second class gets the odd sample, as in scikit-learn), or a pair gives them directly.
 */
export function checkSampleCounts(functionName: string, nSamples: unknown): [number, number] {
  if (typeof nSamples === 'number' && Number.isSafeInteger(nSamples) && nSamples >= 1) {
    const first = Math.floor(nSamples / 2)
    return [first, nSamples - first]
  }
  if (
    Array.isArray(nSamples) &&
    nSamples.length === 2 &&
    nSamples.every((count) => Number.isSafeInteger(count) && count >= 0) &&
    nSamples[0] + nSamples[1] >= 1
  ) {
    return [nSamples[0], nSamples[1]]
  }
  throw new InvalidParameterError(
    functionName,
    'nSamples',
    nSamples,
    'a positive integer, or a pair [nOuter, nInner] of non-negative integers with a positive sum',
    `e.g. ${functionName}({ nSamples: 100 }) or ${functionName}({ nSamples: [60, 40] }).`,
  )
}
