import { InvalidOptionError } from './invalid-option-error.js'
import { log } from './portable-log.js'
import { checkSeed, freshSeed } from './seed.js'

/**
 * Anything that yields uniform numbers in [0, 1): all a function needs when it only draws uniforms
 * (such as `@mg/nn`'s weight initialisation). An {@link Rng} is one.
 */
export interface RandomSource {
  /** The next number, uniform in [0, 1). */
  uniform(): number
}

/**
 * A seeded source of random numbers, from {@link createRng}. Every function of the `@mg` packages
 * that draws random numbers takes one as its `rng` option (or a `seed` to make one), so a stream
 * can be shared between calls or replaced by your own generator.
 */
export interface Rng extends RandomSource {
  /** The seed the generator started from: `createRng(rng.seed)` replays the same numbers. */
  readonly seed: number
  /** The next raw output, an integer in [0, 2³²). */
  uint32(): number
  /** A float in [0, 1) with 53 random bits, made from two raw outputs. */
  uniform(): number
  /** A sample from the normal distribution with this mean and standard deviation (default 0, 1). */
  normal(mean?: number, std?: number): number
  /** An integer in [0, n), each equally likely, for an integer `n` from 1 to 2³². */
  integer(n: number): number
  /** Shuffles `array` in place (Fisher–Yates, drawing with {@link Rng.integer}) and returns it. */
  shuffle<T>(array: T[]): T[]
}

/**
 * Makes a seeded random number generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), a fast 32-bit
 * generator with 128 bits of state that passes BigCrush and PractRand, whose state is filled from
 * the seed by SplitMix64 as its authors recommend. Normal samples use Marsaglia's polar method.
 *
 * Every number comes from integer and `+ - * /` arithmetic (no engine-approximated `Math.log`), so
 * a seed gives the same numbers on every machine, in Node and in every browser, and in every
 * package: `@mg/datasets` and `@mg/nn` draw from this one generator. Without a seed a fresh one is
 * drawn (from `crypto.getRandomValues`) and kept in `rng.seed`.
 *
 * @param seed - an integer from 0 to 2³² − 1.
 * @throws {@link InvalidOptionError} if `seed` is not such an integer.
 * @example
 * ```ts
 * import { createRng } from '@mg/common'
 *
 * const rng = createRng(1337)
 * rng.uniform() // 0.8238867582722316, on every machine
 * rng.shuffle([1, 2, 3, 4])
 * const fresh = createRng()
 * console.log(`seed ${fresh.seed} reproduces this run`)
 * ```
 */
export function createRng(seed?: number): Rng {
  return new Xoshiro128StarStar(
    seed === undefined ? freshSeed() : checkSeed('seed', seed, 'createRng'),
  )
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
      const [option, value] = Number.isFinite(mean) ? ['std', std] : ['mean', mean]
      const allowed = option === 'std' ? 'a finite number >= 0' : 'a finite number'
      throw new InvalidOptionError(option, value, allowed, 'e.g. rng.normal(0, 1).', {
        functionName: 'normal',
      })
    }
    return mean + std * this.standardNormal()
  }

  integer(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
      throw new InvalidOptionError(
        'n',
        n,
        'an integer from 1 to 2^32',
        'rng.integer(n) returns an integer in [0, n), e.g. rng.integer(6) for a die.',
        { functionName: 'integer' },
      )
    }
    // Reject the top partial block of 2^32 so every residue is equally likely (no modulo bias).
    const limit = 2 ** 32 - (2 ** 32 % n)
    let draw = this.uint32()
    while (draw >= limit) draw = this.uint32()
    return draw % n
  }

  shuffle<T>(array: T[]): T[] {
    if (!Array.isArray(array))
      throw new InvalidOptionError('array', array, 'an array to shuffle in place', '', {
        functionName: 'shuffle',
      })
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.integer(i + 1)
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
