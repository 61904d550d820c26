import { InvalidOptionError } from './invalid-option-error.js'
import { UnknownOptionError } from './unknown-option-error.js'

/**
 * Returns a function's options object, or `{}` when none was given, and throws
 * {@link InvalidOptionError} naming `options` for anything else (`null`, a number, an array): the
 * check every function that takes an options object makes before it reads one. Given the names of
 * the options the function takes, `known`, it also throws {@link UnknownOptionError} for any other
 * key, so that a typo is not silently ignored (a key whose value is `undefined` is let through, as
 * an option left out).
 *
 * @param functionName - the function that was given the options, to name in the message.
 * @example
 * ```ts
 * import { checkOptionsObject } from '@mg/common'
 *
 * function scale(x: number, options?: { factor?: number }) {
 *   const { factor = 2 } = checkOptionsObject(options, 'scale', ['factor'])
 *   return x * factor
 * }
 * scale(3) // 6
 * scale(3, null as never) // throws: scale: options: expected an object or nothing, received null. …
 * scale(3, { factr: 3 } as never) // throws: scale: unknown option "factr". Did you mean "factor"? …
 * ```
 */
export function checkOptionsObject<T extends object>(
  options: T | undefined,
  functionName: string,
  known?: readonly string[],
): Partial<T> {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError(
      'options',
      options,
      'an object or nothing',
      'Pass the options as an object literal, e.g. { seed: 1 }, or leave them out.',
      { functionName },
    )
  }
  if (known !== undefined)
    for (const [name, value] of Object.entries(options))
      if (value !== undefined && !known.includes(name))
        throw new UnknownOptionError(functionName, name, known)
  return options
}

/**
 * Returns `value` if it is an array, and throws {@link InvalidOptionError} naming `option`
 * otherwise: the shape check of an argument that must be a list.
 *
 * @param allowed - what the array must hold, in words that follow "expected", e.g.
 *   `'an array of Values'`.
 * @param functionName - the function that was given the argument, to name in the message.
 * @example
 * ```ts
 * import { checkArray } from '@mg/common'
 *
 * checkArray('values', [1, 2], 'an array of numbers', 'total') // [1, 2]
 * checkArray('values', 5, 'an array of numbers', 'total') // throws: total: values: expected an array of numbers, received 5.
 * ```
 */
export function checkArray(
  option: string,
  value: unknown,
  allowed: string,
  functionName: string,
): readonly unknown[] {
  if (!Array.isArray(value))
    throw new InvalidOptionError(option, value, allowed, '', { functionName })
  return value
}

/**
 * Returns `value` if it is a function, and throws {@link InvalidOptionError} naming `option`
 * otherwise: the check of a callback argument, made before the callback is called.
 *
 * @param allowed - what the function must be, in words that follow "expected", e.g.
 *   `'a function of the inputs that returns a Value'`.
 * @param functionName - the function that was given the callback, to name in the message.
 * @example
 * ```ts
 * import { checkFunction } from '@mg/common'
 *
 * const square = checkFunction('f', (x: number) => x * x, 'a function', 'apply')
 * checkFunction('f', 'x * x', 'a function', 'apply') // throws: apply: f: expected a function, received "x * x".
 * ```
 */
export function checkFunction<T>(
  option: string,
  value: T,
  allowed: string,
  functionName: string,
): T & ((...args: never[]) => unknown) {
  if (typeof value !== 'function')
    throw new InvalidOptionError(option, value, allowed, '', { functionName })
  return value as T & ((...args: never[]) => unknown)
}
