import { createRng, type Rng } from '@mg/common'

// nn's modules take the shared generator's pieces from here: RandomSource is what their `rng`
// option needs (only uniform()), resolveRandom reads `seed` and `rng`, and the trainer seeds its
// shuffle with checkSeed.
export {
  checkArray,
  checkOptionsObject,
  checkSeed,
  createRng,
  type RandomSource,
  type Rng,
  resolveRandom,
} from '@mg/common'

/**
 * The former name of {@link createRng} in `@mg/nn`: the same seeded generator (xoshiro128** seeded
 * by SplitMix64), so a seed gives the same numbers in every package and on every machine.
 *
 * @deprecated Call {@link createRng}, the name the generator has in every `@mg` package.
 * @param seed - an integer from 0 to 2³² − 1.
 * @example
 * ```ts
 * import { createRng, MLP } from '@mg/nn'
 * const rng = createRng(42) // was createSeededRandom(42)
 * const model = new MLP(2, [16, 16, 1], { rng }) // the same model as { seed: 42 }
 * ```
 */
export function createSeededRandom(seed: number): Rng {
  return createRng(seed)
}
