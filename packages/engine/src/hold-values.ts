import { checkFunction } from '@mg/common'
import { checkValues } from './check-values.js'
import type { Value } from './value.js'

/** What {@link holdValues} returns: the hold on the values' numbers. */
export interface ValueHold {
  /** Whether the numbers have been handed back (someone touched a value, or `release()` ran). */
  readonly released: boolean
  /** Hands the numbers back now: frees the values, then calls `handBack`; once only. */
  release(): void
}

/**
 * Marks `values` as held: their current numbers live somewhere else, such as a compiled trainer's
 * flat arrays, and their own `data` and `grad` are out of date. The first read or write of `data`
 * or `grad` of any of them (a `backward()` through one, an op on one, `console.log`) releases the
 * hold: every value is freed, then `handBack` runs, which writes the current numbers into them,
 * and the access goes on with those. A training loop can so skip copying thousands of parameters
 * into their `Value`s after every step when nobody looks at them between steps.
 *
 * A value that another hold holds is released from it first, so its numbers come back before this
 * hold takes it.
 *
 * @throws {@link InvalidOptionError} if `values` is not an array of `Value`s or `handBack` not a
 * function.
 * @group Compiled graphs
 * @example
 * ```ts
 * import { holdValues, Value } from '@mg/engine'
 * const w = new Value(1)
 * const numbers = Float64Array.of(w.data)
 * const hold = holdValues([w], () => {
 *   w.data = numbers[0]!
 * })
 * numbers[0] = 2 // a training step updates the array, not the Value
 * w.data // 2: reading it handed the number back
 * hold.released // true
 * ```
 */
export function holdValues(values: readonly Value[], handBack: () => void): ValueHold {
  checkValues('values', values, 'holdValues')
  checkFunction('handBack', handBack, 'a function that writes the numbers back', 'holdValues')
  // Every earlier hold gives its numbers back before this one takes any value, so that their
  // hand-back cannot touch a value this hold already has.
  for (const value of values) value._holder?.release()
  const hold = new Hold(values, handBack)
  for (const value of values) value._holder = hold
  return hold
}

class Hold implements ValueHold {
  released = false

  constructor(
    private readonly values: readonly Value[],
    private readonly handBack: () => void,
  ) {}

  release(): void {
    if (this.released) return
    this.released = true
    for (const value of this.values) if (value._holder === this) value._holder = undefined
    this.handBack()
  }
}
