import { InvalidOptionError, type RandomOptions, type Rng, resolveRandom } from '@mg/common'

export type { RandomOptions }

/**
 * The generator a dataset function draws from, and the seed to report back (`undefined` when the
 * caller passed an `rng`). Datasets draw normals and shuffle as well as uniforms, so an `rng` must
 * be a whole {@link Rng}; anything less is refused here rather than failing deep inside.
 */
export function resolveRng(
  functionName: string,
  options: RandomOptions,
): { rng: Rng; seed: number | undefined } {
  const resolved = resolveRandom(options, functionName)
  const { rng } = resolved
  if (typeof rng.normal !== 'function' || typeof rng.shuffle !== 'function') {
    throw new InvalidOptionError(
      'rng',
      rng,
      'a generator with uniform(), normal() and shuffle(), such as createRng(seed)',
      'Make one with createRng(seed), or pass a seed instead.',
      { functionName },
    )
  }
  return resolved
}
