import { InvalidOptionError } from './errors.js'

/**
 * Anything that yields uniform numbers in [0, 1): the `rng` option of every module. The result of
 * {@link createSeededRandom}, or of `@mg/datasets`' `createRng(seed)`, fits.
 */
export interface RandomSource {
  /** The next number, uniform in [0, 1). */
  uniform(): number
}

/**
 * A seeded generator: xoshiro128** 1.1 (Blackman & Vigna), its 128-bit state filled from the seed
 * by SplitMix64's first two outputs; `uniform()` joins the top 27 and 26 bits of two outputs into a
 * 53-bit fraction. This is the generator of `@mg/datasets`' `createRng`, so a seed gives the same
 * numbers in both packages, and on every machine.
 *
 * @param seed - an integer in [0, 2³² − 1].
 * @example
 * ```ts
 * const rng = createSeededRandom(42)
 * const model = new MLP(2, [16, 16, 1], { rng }) // the same model as { seed: 42 }
 * ```
 */
export function createSeededRandom(seed: number): RandomSource {
  const state = splitMix64Words(checkSeed('seed', seed))
  const next = (): number => {
    const s0 = state[0]!
    const s1 = state[1]!
    const s2 = state[2]! ^ s0
    const s3 = state[3]! ^ s1
    state[0] = s0 ^ s3
    state[1] = s1 ^ s2
    state[2] = s2 ^ (s1 << 9)
    state[3] = rotateLeft(s3, 11)
    return Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0
  }
  return { uniform: () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992 }
}

function rotateLeft(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits))
}

const MASK_64 = (1n << 64n) - 1n

/** The low and high 32-bit halves of SplitMix64's first two outputs from `seed` (never all zero). */
function splitMix64Words(seed: number): Uint32Array {
  let counter = BigInt(seed)
  const next = (): bigint => {
    counter = (counter + 0x9e3779b97f4a7c15n) & MASK_64
    let z = counter
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64
    return z ^ (z >> 31n)
  }
  const first = next()
  const second = next()
  return Uint32Array.of(
    Number(first & 0xffffffffn),
    Number(first >> 32n),
    Number(second & 0xffffffffn),
    Number(second >> 32n),
  )
}

/** A fresh 32-bit seed from the platform's cryptographic source, for runs given no seed. */
export function freshSeed(): number {
  const words = new Uint32Array(1)
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint32Array): Uint32Array } })
    .crypto
  if (crypto) crypto.getRandomValues(words)
  else words[0] = Math.floor(Math.random() * 4294967296)
  return words[0]!
}

/** Throws unless `seed` is an integer in [0, 2³² − 1]. */
export function checkSeed(option: string, seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 4294967295)
    throw new InvalidOptionError(option, seed, 'an integer from 0 to 4294967295, such as 1337')
  return seed
}

/**
 * Picks the generator for a module: the given `rng`, else one seeded with `seed`, else one seeded
 * with a fresh seed. Returns the seed used (undefined when an `rng` was given) so runs can be repeated.
 */
export function resolveRandom(options: { rng?: RandomSource; seed?: number }): {
  rng: RandomSource
  seed: number | undefined
} {
  if (options.rng !== undefined) {
    if (typeof options.rng?.uniform !== 'function')
      throw new InvalidOptionError('rng', options.rng, 'an object with a uniform() method')
    if (options.seed !== undefined)
      throw new InvalidOptionError(
        'seed',
        options.seed,
        'no seed when rng is given',
        'Pass one of rng or seed.',
      )
    return { rng: options.rng, seed: undefined }
  }
  const seed = options.seed === undefined ? freshSeed() : checkSeed('seed', options.seed)
  return { rng: createSeededRandom(seed), seed }
}
