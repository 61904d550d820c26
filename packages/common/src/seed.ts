import { InvalidOptionError } from './invalid-option-error.js'

/** The largest seed: seeds are the integers from 0 to 2³² − 1. */
const MAX_SEED = 4294967295

/**
 * Returns `seed` if it is an integer from 0 to 2³² − 1, and throws {@link InvalidOptionError}
 * naming `option` otherwise: the check every function that takes a `seed` makes.
 *
 * @param option - the name to report, usually `'seed'`.
 * @param functionName - the function that was given the seed, to name in the message.
 * @example
 * ```ts
 * import { checkSeed } from '@mg/common'
 *
 * checkSeed('seed', 1337) // 1337
 * checkSeed('seed', 1.5) // throws: seed: expected an integer from 0 to 4294967295, received 1.5. …
 * ```
 */
export function checkSeed(option: string, seed: unknown, functionName?: string): number {
  if (typeof option !== 'string')
    throw new InvalidOptionError(
      'option',
      option,
      'the name of the seed option, such as "seed"',
      '',
      {
        functionName: 'checkSeed',
      },
    )
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InvalidOptionError(
      option,
      seed,
      `an integer from 0 to ${MAX_SEED}`,
      'Pass a whole number such as 1337, or no seed for a fresh random one.',
      { functionName },
    )
  }
  return seed
}

/**
 * A fresh seed from the platform's cryptographic source (`crypto.getRandomValues`, in Node and in
 * browsers), for runs given no seed: report it, and the run can be repeated.
 *
 * @example
 * ```ts
 * import { createRng, freshSeed } from '@mg/common'
 *
 * const seed = freshSeed()
 * console.log(`seed ${seed}`) // createRng(seed) replays this run
 * ```
 */
export function freshSeed(): number {
  const webCrypto = (
    globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }
  ).crypto
  if (webCrypto?.getRandomValues) return webCrypto.getRandomValues(new Uint32Array(1))[0]!
  return Math.floor(Math.random() * 2 ** 32)
}
