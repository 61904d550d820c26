/* Shared assertions and statistics for the tests. */

import { expect } from 'vitest'
import { InvalidParameterError } from '../src/index.js'

/** Asserts that `run` throws an InvalidParameterError naming `parameter` and showing `received`. */
export function expectParameterError(run: () => unknown, parameter: string, received: unknown) {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(InvalidParameterError)
  const error = caught as InvalidParameterError
  expect(error.parameter).toBe(parameter)
  expect(error.received).toEqual(received)
  expect(error.message).toContain(parameter)
  expect(error.message).toContain('must be')
  expect(error.message).toContain('received')
  return error
}

/** Sample standard deviation. */
export function standardDeviation(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0)
  return Math.sqrt(squares / (values.length - 1))
}

/** The spacing between `x` and the next double away from zero: one unit in the last place. */
export function ulp(x: number): number {
  const magnitude = Math.abs(x)
  if (magnitude < 2 ** -1022) return 2 ** -1074
  return 2 ** (Math.floor(Math.log2(magnitude)) - 52)
}
