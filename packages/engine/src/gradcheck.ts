import { checkOptionsObject } from '@mg/common'
import { InvalidOptionError } from './errors.js'
import {
  callScalarFunction,
  checkScalarFunction,
  estimateGradient,
  type NumericalGradientOptions,
  type ScalarFunction,
} from './numerical-gradient.js'
import { Value } from './value.js'

/** Options for {@link gradcheck}. */
export interface GradcheckOptions extends NumericalGradientOptions {
  /** Largest accepted error, relative to `max(1, |backprop|, |numeric|)`. Default `1e-4`. */
  tolerance?: number
}

/** How backprop and the numeric estimate compare for one input. */
export interface GradcheckEntry {
  /** Position of the input. */
  readonly index: number
  /** The input's value. */
  readonly at: number
  /** The derivative from `backward()`. */
  readonly backprop: number
  /** The finite-difference estimate. */
  readonly numeric: number
  /** `|backprop − numeric| / max(1, |backprop|, |numeric|)`. */
  readonly error: number
  /** Whether `error` is within the tolerance. */
  readonly ok: boolean
}

/** The result of {@link gradcheck}: one entry per input. */
export interface GradcheckReport {
  /** True when every entry is within the tolerance. */
  readonly ok: boolean
  /** The largest error of any entry. */
  readonly maxError: number
  /** One comparison per input, in the order of `at`. */
  readonly entries: readonly GradcheckEntry[]
}

/**
 * Checks backprop against finite differences: runs `f` at `at`, calls `backward()`, and compares
 * each input's `grad` with {@link numericalGradient}.
 *
 * @throws {@link InvalidOptionError} if `f` is not a function or does not return a `Value`, `at`
 * is not an array, or an option is bad; {@link InvalidOperandError} for a point that is not a
 * finite number.
 * @example
 * ```ts
 * import { gradcheck } from '@mg/engine'
 * const report = gradcheck(([a, b, c]) => a!.mul(b!).add(c!), [2, -3, 10])
 * report.ok // true; report.entries[0].backprop === -3
 * ```
 */
export function gradcheck(
  f: ScalarFunction,
  at: readonly number[],
  options?: GradcheckOptions,
): GradcheckReport {
  checkScalarFunction(f, at, 'gradcheck')
  const { tolerance = 1e-4, ...numericOptions } = checkOptionsObject(options, 'gradcheck', [
    'tolerance',
    'h',
    'method',
  ])
  if (typeof tolerance !== 'number' || !(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new InvalidOptionError(
      'tolerance',
      tolerance,
      'a finite number greater than 0, such as 1e-4',
    )
  }
  const numeric = estimateGradient(f, at, numericOptions, 'gradcheck')
  const inputs = at.map((x) => new Value(x))
  callScalarFunction(f, inputs, 'gradcheck').backward()
  const entries = inputs.map((input, index): GradcheckEntry => {
    const estimate = numeric[index]!
    const error =
      Math.abs(input.grad - estimate) / Math.max(1, Math.abs(input.grad), Math.abs(estimate))
    return {
      index,
      at: input.data,
      backprop: input.grad,
      numeric: estimate,
      error,
      ok: error <= tolerance,
    }
  })
  return {
    ok: entries.every((entry) => entry.ok),
    maxError: Math.max(0, ...entries.map((entry) => entry.error)),
    entries,
  }
}
