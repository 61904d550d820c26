import { InvalidParameterError } from './errors.js'
import { createRng, type Rng } from './rng.js'

/** How a function gets its randomness: a `seed` to make a generator, or a generator to draw from. */
export interface RandomOptions {
  /** An integer in `[0, 2^32 - 1]`; the same seed gives the same result everywhere. */
  seed?: number
  /** A generator to draw from instead (see {@link createRng}); give `seed` or `rng`, not both. */
  rng?: Rng
}

/** The generator to use, and the seed to report back (undefined when the caller passed an rng). */
export function resolveRng(
  functionName: string,
  options: RandomOptions,
): { rng: Rng; seed: number | undefined } {
  const { seed, rng } = options
  if (rng !== undefined) {
    if (seed !== undefined) {
      throw new InvalidParameterError(
        functionName,
        'seed',
        seed,
        'left out when rng is given',
        'Pass either seed or rng: createRng(seed) makes the same generator the seed would.',
      )
    }
    if (typeof rng !== 'object' || rng === null || typeof rng.uniform !== 'function') {
      throw new InvalidParameterError(
        functionName,
        'rng',
        rng,
        'a generator from createRng (or an object with the same methods)',
        'Make one with createRng(seed).',
      )
    }
    return { rng, seed: undefined }
  }
  try {
    const created = createRng(seed)
    return { rng: created, seed: created.seed }
  } catch (error) {
    if (!(error instanceof InvalidParameterError)) throw error
    throw new InvalidParameterError(functionName, 'seed', seed, error.allowed, 'e.g. seed: 1337.', {
      cause: error,
    })
  }
}
