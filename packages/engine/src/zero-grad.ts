import { InvalidOptionError } from './errors.js'
import { Value } from './value.js'

/**
 * Sets the gradient of every given value to 0, before the next `backward()` accumulates into them.
 *
 * @throws {@link InvalidOptionError} if `values` is not iterable or holds something other than a
 * `Value`; no gradient is changed then.
 * @example
 * ```ts
 * import { Value, zeroGrad } from '@mg/engine'
 * const w = new Value(0.5)
 * w.mul(3).backward() // w.grad is 3
 * zeroGrad([w]) // w.grad is 0 again, ready for the next backward()
 * ```
 */
export function zeroGrad(values: Iterable<Value>): void {
  const iterable = values as Partial<Iterable<Value>> | null | undefined
  if (typeof iterable?.[Symbol.iterator] !== 'function')
    throw new InvalidOptionError('values', values, 'an array (or iterable) of Values', '', {
      functionName: 'zeroGrad',
    })
  const checked = [...values]
  for (let index = 0; index < checked.length; index++) {
    if (!(checked[index] instanceof Value))
      throw new InvalidOptionError(`values[${index}]`, checked[index], 'a Value', '', {
        functionName: 'zeroGrad',
      })
  }
  for (const value of checked) value.grad = 0
}
