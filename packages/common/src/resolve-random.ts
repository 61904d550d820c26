import { checkOptionsObject } from './check-arguments.js'
import { InvalidOptionError } from './invalid-option-error.js'
import { createRng, type RandomSource, type Rng } from './rng.js'
import { checkSeed } from './seed.js'

/**
 * How a function gets its randomness: a `seed` to make a generator, or a generator to draw from.
 * `Source` is what the function needs of a generator: a whole {@link Rng} by default, or just a
 * `RandomSource` (anything with `uniform()`) for one that only draws uniforms.
 */
export interface RandomOptions<Source extends RandomSource = Rng> {
  /** An integer from 0 to 2³² − 1; the same seed gives the same result everywhere. */
  seed?: number
  /** A generator to draw from instead (see {@link createRng}); give `seed` or `rng`, not both. */
  rng?: Source
}

/** What {@link resolveRandom} picked. */
export interface ResolvedRandom<Source extends RandomSource = Rng> {
  /** The generator to draw from: the given `rng`, or a new one. */
  rng: Source | Rng
  /** The seed of the new generator, to report back; `undefined` when an `rng` was given. */
  seed: number | undefined
}

/**
 * Picks the generator for a call from its {@link RandomOptions}: the given `rng`, else a new one
 * seeded with `seed`, else one seeded with a fresh seed. Returns the seed used (`undefined` when an
 * `rng` was given) so the caller can report it and the run can be repeated.
 *
 * @param functionName - the function whose options these are, to name in error messages.
 * @throws {@link InvalidOptionError} for options that are not an object, a bad `seed`, an `rng`
 * without a `uniform()` method, or both given.
 * @example
 * ```ts
 * import { type RandomOptions, resolveRandom } from '@mg/common'
 *
 * function noise(n: number, options: RandomOptions = {}) {
 *   const { rng, seed } = resolveRandom(options, 'noise')
 *   return { values: Array.from({ length: n }, () => rng.normal()), seed }
 * }
 * noise(3, { seed: 1 }).seed // 1
 * ```
 */
export function resolveRandom<Source extends RandomSource = Rng>(
  options: RandomOptions<Source>,
  functionName?: string,
): ResolvedRandom<Source> {
  const { seed, rng } = checkOptionsObject(options, functionName ?? 'resolveRandom')
  if (rng === undefined) {
    const created = createRng(
      seed === undefined ? undefined : checkSeed('seed', seed, functionName),
    )
    return { rng: created, seed: created.seed }
  }
  if (seed !== undefined) {
    throw new InvalidOptionError(
      'seed',
      seed,
      'no seed when rng is given',
      'Pass one of rng or seed: createRng(seed) makes the same generator the seed would.',
      { functionName },
    )
  }
  if (typeof (rng as Partial<RandomSource> | null)?.uniform !== 'function') {
    throw new InvalidOptionError(
      'rng',
      rng,
      'an object with a uniform() method, such as createRng(seed)',
      'Make one with createRng(seed), or pass a seed instead.',
      { functionName },
    )
  }
  return { rng, seed: undefined }
}
