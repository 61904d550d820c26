import { checkArray, checkFunction, checkOptionsObject } from '@mg/common'
import { InvalidOperandError, InvalidOptionError, NonFiniteResultError } from './errors.js'
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
 * @throws {@link InvalidOptionError} if `f` is not a function or does not return a `Value`, `at`
 * is not an array, or an option is bad.
 * @throws {@link InvalidOperandError} if a point of `at` is not a finite number.
 * @throws {@link NonFiniteResultError} if an estimate overflows.
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
  options?: NumericalGradientOptions,
): number[] {
  return estimateGradient(f, at, options, 'numericalGradient')
}

/** {@link numericalGradient}, naming `functionName` (the public function called) in its errors. */
export function estimateGradient(
  f: ScalarFunction,
  at: readonly number[],
  options: NumericalGradientOptions | undefined,
  functionName: string,
): number[] {
  const { h = 1e-5, method = 'central' } = checkOptionsObject(options, functionName, [
    'h',
    'method',
  ])
  checkScalarFunction(f, at, functionName)
  if (typeof h !== 'number' || !(h > 0) || !Number.isFinite(h)) {
    throw new InvalidOptionError('h', h, 'a finite number greater than 0, such as 1e-5')
  }
  if (method !== 'forward' && method !== 'central') {
    throw new InvalidOptionError('method', method, "'forward' or 'central'")
  }
  const evaluate = (point: readonly number[]) =>
    noGrad(
      () =>
        callScalarFunction(
          f,
          point.map((x) => new Value(x)),
          functionName,
        ).data,
    )
  const shifted = (index: number, step: number) => at.map((x, i) => (i === index ? x + step : x))
  const base = method === 'forward' ? evaluate(at) : Number.NaN
  return at.map((x, index) => {
    const estimate =
      method === 'forward'
        ? (evaluate(shifted(index, h)) - base) / h
        : (evaluate(shifted(index, h)) - evaluate(shifted(index, -h))) / (2 * h)
    if (!Number.isFinite(estimate)) throw new NonFiniteResultError(functionName, [x, h], estimate)
    return estimate
  })
}

/** Throws unless `f` is a function and `at` an array of finite numbers. */
export function checkScalarFunction(f: unknown, at: readonly number[], functionName: string): void {
  checkFunction('f', f, 'a function of an array of Values that returns a Value', functionName)
  checkArray('at', at, 'an array of finite numbers, one per input of f', functionName)
  at.forEach((x, index) => {
    if (!Number.isFinite(x)) throw new InvalidOperandError(`${functionName} input ${index}`, x)
  })
}

/** Calls `f` on `inputs` and checks that it returned a `Value`. */
export function callScalarFunction(
  f: ScalarFunction,
  inputs: Value[],
  functionName: string,
): Value {
  const result: unknown = f(inputs)
  if (!(result instanceof Value))
    throw new InvalidOptionError(
      'f',
      result,
      'a function that returns a Value',
      'Build the result with Value ops, e.g. ([x]) => x.mul(x), not from .data.',
      { functionName },
    )
  return result
}
