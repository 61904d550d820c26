import type { Value } from './value.js'

/**
 * Sets the gradient of every given value to 0, before the next `backward()` accumulates into them.
 *
 * @example
 * ```ts
 * zeroGrad(model.parameters())
 * ```
 */
export function zeroGrad(values: Iterable<Value>): void {
  for (const value of values) value.grad = 0
}
