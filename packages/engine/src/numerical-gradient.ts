import { InvalidOperandError, InvalidOptionError } from './errors.js'
import { noGrad } from './grad-mode.js'
import { Value } from './value.js'

/** A scalar function of several inputs, written with `Value` ops so backprop can run through it. */
export type ScalarFunction = (inputs: Value[]) => Value

/** How {@link numericalGradient} estimates a slope. */
export interface NumericalGradientOptions {
  /** Step size. Default `1e-5`; too small and floating-point cancellation swamps the estimate. */
  h?: number
  /** `'forward'`: `(f(x+h) − f(x)) / h`, error of order h. `'central'` (default): `(f(x+h) − f(x−h)) / 2h`, error of order h². */
  method?: 'forward' | 'central'
}

/**
 * Estimates every partial derivative of `f` at `at` by finite differences, the way the micrograd
 * lecture does before it introduces backprop. Runs `f` without recording graphs.
 *
 * @example
 * ```ts
 * import { numericalGradient, type Value } from '@mg/engine'
 * const f = ([x]: Value[]) => x!.pow(2).mul(3).sub(x!.mul(4)).add(5)
 * numericalGradient(f, [3], { h: 0.0001, method: 'forward' }) // [14.0003]
 * ```
 */
export function numericalGradient(
  f: ScalarFunction,
  at: readonly number[],
  options: NumericalGradientOptions = {},
): number[] {
  const { h = 1e-5, method = 'central' } = options
  if (typeof h !== 'number' || !(h > 0) || !Number.isFinite(h)) {
    throw new InvalidOptionError('h', h, 'a finite number greater than 0, such as 1e-5')
  }
  if (method !== 'forward' && method !== 'central') {
    throw new InvalidOptionError('method', method, "'forward' or 'central'")
  }
  at.forEach((x, index) => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new InvalidOperandError(`numericalGradient input ${index}`, x)
  })
  const evaluate = (point: readonly number[]) =>
    noGrad(() => f(point.map((x) => new Value(x))).data)
  const shifted = (index: number, step: number) => at.map((x, i) => (i === index ? x + step : x))
  const base = method === 'forward' ? evaluate(at) : Number.NaN
  return at.map((_, index) =>
    method === 'forward'
      ? (evaluate(shifted(index, h)) - base) / h
      : (evaluate(shifted(index, h)) - evaluate(shifted(index, -h))) / (2 * h),
  )
}
