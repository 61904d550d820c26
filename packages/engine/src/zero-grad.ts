import type { Value } from './value.js'

/**
 * Sets the gradient of every given value to 0, before the next `backward()` accumulates into them.
 *
 * @example
 * ```ts
 * import { Value, zeroGrad } from '@mg/engine'
 * const w = new Value(0.5)
 * w.mul(3).backward() // w.grad is 3
 * zeroGrad([w]) // w.grad is 0 again, ready for the next backward()
 * ```
 */
export function zeroGrad(values: Iterable<Value>): void {
  for (const value of values) value.grad = 0
}
