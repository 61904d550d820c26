/* Shared assertions and statistics for the tests. */

import { expect } from 'vitest'
import { InvalidOptionError } from '../src/index.js'

/** Asserts that `run` throws an InvalidOptionError naming `parameter` and showing `received`. */
export function expectParameterError(run: () => unknown, parameter: string, received: unknown) {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(InvalidOptionError)
  const error = caught as InvalidOptionError
  expect(error.option).toBe(parameter)
  expect(error.received).toEqual(received)
  expect(error.message).toContain(`${parameter}: expected`)
  expect(error.message).toContain('received')
  return error
}

/**
 * Asserts the layout makeMoons and makeCircles share, unshuffled: one point labelled 0 on the unit
 * circle for each of `angles` (within one unit in the last place of the engine's own cos and sin,
 * an independent libm), then `nInner` points labelled 1.
 */
export function expectOuterCircle(
  dataset: { X: number[][]; y: number[] },
  angles: number[],
  nInner: number,
) {
  const { X, y } = dataset
  expect(X).toHaveLength(angles.length + nInner)
  expect(y).toEqual([...Array(angles.length).fill(0), ...Array(nInner).fill(1)])
  angles.forEach((t, i) => {
    const [x0, x1] = X[i]!
    expect(Math.abs(x0! - Math.cos(t))).toBeLessThanOrEqual(ulp(Math.cos(t)))
    expect(Math.abs(x1! - Math.sin(t))).toBeLessThanOrEqual(ulp(Math.sin(t)))
    expect(Math.abs(Math.hypot(x0!, x1!) - 1)).toBeLessThan(4e-16)
  })
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
