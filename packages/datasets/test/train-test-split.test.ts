import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidDatasetError, makeMoons, trainTestSplit } from '../src/index.js'
import { expectParameterError } from './helpers.js'

/** A dataset whose rows record their own index, so every sample can be traced. */
function indexed(labels: number[]) {
  return { X: labels.map((label, i) => [i, label * 10]), y: labels }
}

const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 })
// A size n >= 2 and a test fraction leaving at least one sample in each part.
const sizedFraction = fc
  .integer({ min: 2, max: 300 })
  .chain((n) => fc.tuple(fc.constant(n), fc.double({ min: 1 / n, max: (n - 1) / n, noNaN: true })))
  .filter(([n, testSize]) => testSize > 0 && testSize < 1 && Math.ceil(testSize * n) < n)

describe('trainTestSplit', () => {
  it('makes disjoint parts that together hold every sample once, with ceil(testSize * n) for testing', () => {
    fc.assert(
      fc.property(sizedFraction, seeds, fc.boolean(), ([n, testSize], seed, shuffle) => {
        const dataset = indexed(Array.from({ length: n }, (_, i) => i % 3))
        const split = trainTestSplit(dataset, { testSize, seed, shuffle })
        expect(split.test.y).toHaveLength(Math.ceil(testSize * n))
        expect(split.train.y).toHaveLength(n - Math.ceil(testSize * n))
        const all = [...split.trainIndices, ...split.testIndices].sort((a, b) => a - b)
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i))
        // Each part's rows and labels are the original samples at the reported indices.
        expect(split.train.X.map((row) => row[0])).toEqual(split.trainIndices)
        expect(split.test.X.map((row) => row[0])).toEqual(split.testIndices)
        expect(split.test.y).toEqual(split.testIndices.map((i) => dataset.y[i]))
      }),
      { numRuns: 200 },
    )
  })

  it('keeps each class’s share: every class gets floor or ceil of its share of the test part', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        seeds,
        (classSizes, testSize, seed) => {
          const labels = classSizes.flatMap((size, label) => Array(size).fill(label) as number[])
          const n = labels.length
          const nTest = Math.ceil(testSize * n)
          fc.pre(nTest >= classSizes.length && n - nTest >= classSizes.length)
          const split = trainTestSplit(indexed(labels), { testSize, seed, stratify: true })
          expect(split.test.y).toHaveLength(nTest)
          classSizes.forEach((size, label) => {
            const inTest = split.test.y.filter((value) => value === label).length
            const inTrain = split.train.y.filter((value) => value === label).length
            expect(inTest + inTrain).toBe(size)
            expect(Math.abs(inTest - (size * nTest) / n)).toBeLessThan(1)
          })
        },
      ),
      { numRuns: 200 },
    )
  })

  it('without shuffling, tests on the last samples in their original order', () => {
    const split = trainTestSplit(indexed([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]), {
      testSize: 0.3,
      shuffle: false,
    })
    expect(split.trainIndices).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(split.testIndices).toEqual([7, 8, 9])
  })

  it('is reproducible from its seed, and copies rows', () => {
    const data = makeMoons({ nSamples: 50, noise: 0.1, seed: 1 })
    const first = trainTestSplit(data, { testSize: 0.2, seed: 1, stratify: true })
    expect(trainTestSplit(data, { testSize: 0.2, seed: 1, stratify: true })).toEqual(first)
    expect(
      trainTestSplit(data, { testSize: 0.2, seed: 2, stratify: true }).testIndices,
    ).not.toEqual(first.testIndices)
    first.train.X[0]![0] = 1000
    expect(data.X.some((row) => row[0] === 1000)).toBe(false)
  })

  it('defaults to a quarter of the samples for testing, as scikit-learn', () => {
    expect(trainTestSplit(indexed(Array(100).fill(0)), { seed: 0 }).test.y).toHaveLength(25)
  })
})

describe('trainTestSplit bad input', () => {
  const dataset = indexed([0, 1, 0, 1, 0, 1, 0, 1, 0, 1])

  it.each([0, 1, -0.2, 1.5, Number.NaN, '0.2'])('rejects testSize %j', (testSize) => {
    const error = expectParameterError(
      () => trainTestSplit(dataset, { testSize: testSize as number }),
      'testSize',
      testSize,
    )
    expect(error.message).toContain('(0, 1)')
  })

  it('rejects a testSize that leaves a part empty', () => {
    // ceil(0.95 * 10) = 10 leaves no training samples; one sample cannot be split at all.
    expectParameterError(() => trainTestSplit(dataset, { testSize: 0.95 }), 'testSize', 0.95)
    expectParameterError(() => trainTestSplit(indexed([0]), { testSize: 0.5 }), 'testSize', 0.5)
  })

  it('rejects stratifying a class with one sample, too few test places, or without shuffling', () => {
    const error = expectParameterError(
      () => trainTestSplit(indexed([0, 0, 0, 1]), { testSize: 0.5, stratify: true }),
      'stratify',
      true,
    )
    expect(error.message).toContain('class 1 has a single sample')
    expectParameterError(
      () => trainTestSplit(indexed([0, 0, 1, 1, 2, 2, 3, 3]), { testSize: 0.25, stratify: true }),
      'stratify',
      true,
    )
    expectParameterError(
      () => trainTestSplit(dataset, { stratify: true, shuffle: false }),
      'shuffle',
      false,
    )
    expectParameterError(
      () => trainTestSplit(dataset, { stratify: 1 as unknown as boolean }),
      'stratify',
      1,
    )
  })

  it.each([
    ['a missing X', { y: [0] }, undefined],
    ['labels of another length', { X: [[1], [2]], y: [0] }, undefined],
    ['a ragged row', { X: [[1, 2], [3]], y: [0, 1] }, 1],
    ['a NaN feature', { X: [[1], [Number.NaN]], y: [0, 1] }, 1],
    ['a non-numeric label', { X: [[1], [2]], y: [0, 'b'] }, 1],
  ])('rejects a dataset with %s', (_, bad, index) => {
    let caught: unknown
    try {
      trainTestSplit(bad as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidDatasetError)
    expect((caught as InvalidDatasetError).index).toBe(index)
    expect((caught as Error).message).toContain('trainTestSplit')
  })
})
