import { InvalidParameterError } from './errors.js'
import { log } from './portable-math.js'

/**
 * A seeded source of random numbers; every dataset function takes one as `rng` (or a `seed` to make
 * one), so you can share a stream between calls or plug in your own generator.
 */
export interface Rng {
  /** The seed the generator started from: `createRng(rng.seed)` replays the same numbers. */
  readonly seed: number
  /** The next raw output, an integer in `[0, 2^32)`. */
  uint32(): number
  /** A float in `[0, 1)` with 53 random bits. */
  uniform(): number
  /** A sample from the normal distribution with this mean and standard deviation (default 0, 1). */
  normal(mean?: number, std?: number): number
  /** An integer in `[0, n)`, each equally likely, for a positive integer `n <= 2^32`. */
  int(n: number): number
  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T>(array: T[]): T[]
}

const MAX_SEED = 2 ** 32 - 1

/**
 * Makes a seeded random number generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), a fast 32-bit
 * generator with 128 bits of state that passes BigCrush and PractRand, whose state is filled from
 * the seed by SplitMix64 as its authors recommend. Normal samples use Marsaglia's polar method.
 *
 * Every number comes from integer and `+ - * /` arithmetic (no engine-approximated `Math.log`), so
 * a seed gives the same numbers on every machine, in Node and in every browser. Without a seed a
 * fresh one is drawn (from `crypto.getRandomValues` where available) and kept in `rng.seed`.
 *
 * @param seed - an integer in `[0, 2^32 - 1]`.
 * @throws {@link InvalidParameterError} if `seed` is not such an integer.
 * @example
 * ```ts
 * const rng = createRng(1337)
 * rng.uniform() // same value on every machine
 * const fresh = createRng()
 * console.log(`seed ${fresh.seed} reproduces this run`)
 * ```
 */
export function createRng(seed?: number): Rng {
  if (seed === undefined) return new Xoshiro128StarStar(freshSeed())
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InvalidParameterError(
      'createRng',
      'seed',
      seed,
      `an integer from 0 to ${MAX_SEED}`,
      'Pass a whole number such as 1337, or no seed for a fresh random one.',
    )
  }
  return new Xoshiro128StarStar(seed)
}

class Xoshiro128StarStar implements Rng {
  readonly seed: number
  // A typed array keeps the 32-bit words unboxed; plain number fields would allocate on each step.
  private readonly state: Uint32Array
  // The polar method makes normals in pairs; the second waits here. A flag rather than
  // `undefined` keeps the field a plain double, which V8 updates without allocating.
  private spareNormal = 0
  private hasSpareNormal = false

  constructor(seed: number) {
    this.seed = seed
    this.state = splitMix64Words(seed)
  }

  uint32(): number {
    // The reference C, step for step: s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    // s[2] ^= s[1] << 9; s[3] = rotl(s[3], 11), with the output scrambled from s[1] (version 1.1).
    const s = this.state
    const s0 = s[0]!
    const s1 = s[1]!
    const s2 = s[2]! ^ s0
    const s3 = s[3]! ^ s1
    s[0] = s0 ^ s3
    s[1] = s1 ^ s2
    s[2] = s2 ^ (s1 << 9)
    s[3] = rotateLeft(s3, 11)
    return Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0
  }

  uniform(): number {
    // 27 + 26 high bits of two outputs make a 53-bit integer, then scale by 2^-53.
    return ((this.uint32() >>> 5) * 67108864 + (this.uint32() >>> 6)) / 9007199254740992
  }

  normal(mean = 0, std = 1): number {
    if (!Number.isFinite(mean) || !Number.isFinite(std) || std < 0) {
      const [parameter, value] = Number.isFinite(mean) ? ['std', std] : ['mean', mean]
      const allowed = parameter === 'std' ? 'a finite number >= 0' : 'a finite number'
      throw new InvalidParameterError('normal', parameter, value, allowed, 'e.g. rng.normal(0, 1).')
    }
    return mean + std * this.standardNormal()
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
      throw new InvalidParameterError(
        'int',
        'n',
        n,
        'an integer from 1 to 2^32',
        'rng.int(n) returns an integer in [0, n), e.g. rng.int(6) for a die.',
      )
    }
    // Reject the top partial block of 2^32 so every residue is equally likely (no modulo bias).
    const limit = 2 ** 32 - (2 ** 32 % n)
    let draw = this.uint32()
    while (draw >= limit) draw = this.uint32()
    return draw % n
  }

  shuffle<T>(array: T[]): T[] {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const held = array[i] as T
      array[i] = array[j] as T
      array[j] = held
    }
    return array
  }

  private standardNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false
      return this.spareNormal
    }
    // Marsaglia's polar method: a uniform point in the unit disc gives two independent normals.
    let u: number
    let v: number
    let radiusSquared: number
    do {
      u = 2 * this.uniform() - 1
      v = 2 * this.uniform() - 1
      radiusSquared = u * u + v * v
    } while (radiusSquared >= 1 || radiusSquared === 0)
    const scale = Math.sqrt((-2 * log(radiusSquared)) / radiusSquared)
    this.spareNormal = v * scale
    this.hasSpareNormal = true
    return u * scale
  }
}

function rotateLeft(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits))
}

const MASK_64 = (1n << 64n) - 1n

/**
 * The low and high halves of SplitMix64's first two outputs from `seed`. They are never all zero
 * (the one state xoshiro must avoid): SplitMix64's mix is a bijection fixing only 0, and its first
 * input, seed + 0x9e3779b97f4a7c15, is never 0 for a seed below 2^32.
 */
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

function freshSeed(): number {
  const webCrypto = (
    globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }
  ).crypto
  if (webCrypto?.getRandomValues) return webCrypto.getRandomValues(new Uint32Array(1))[0]!
  return Math.floor(Math.random() * 2 ** 32)
}
