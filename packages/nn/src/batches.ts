import type { RandomSource } from './random-source.js'

/**
 * The sample indices of each training step. Full batch (no `batchSize`, or one ≥ n): every step
 * uses all samples in their given order, as micrograd's demo. Mini-batches: each epoch visits the
 * samples in a fresh seeded shuffle (Fisher–Yates), cut into batches of `batchSize`; the last batch
 * of an epoch may be smaller.
 */
export function* batchIndices(
  sampleCount: number,
  batchSize: number | undefined,
  rng: RandomSource,
): Generator<number[], never> {
  const all = Array.from({ length: sampleCount }, (_, index) => index)
  if (batchSize === undefined || batchSize >= sampleCount) {
    for (;;) yield all
  }
  for (;;) {
    const order = [...all]
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(rng.uniform() * (index + 1))
      const item = order[index]!
      order[index] = order[swap]!
      order[swap] = item
    }
    for (let start = 0; start < sampleCount; start += batchSize)
      yield order.slice(start, start + batchSize)
  }
}

/** Steps per epoch: the number of batches that cover the data once. */
export function stepsPerEpoch(sampleCount: number, batchSize: number | undefined): number {
  return batchSize === undefined || batchSize >= sampleCount
    ? 1
    : Math.ceil(sampleCount / batchSize)
}
