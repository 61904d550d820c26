import { describe, expect, it } from 'vitest'
import { makeBlobs } from '../src/index.js'
import { expectParameterError, standardDeviation } from './helpers.js'

function column(X: number[][], labels: number[], label: number, feature: number): number[] {
  return X.filter((_, i) => labels[i] === label).map((row) => row[feature]!)
}

describe('makeBlobs', () => {
  it('draws each blob around its center with the requested deviation', () => {
    const centers = [
      [-5, 0, 3],
      [4, 4, -1],
    ]
    const { X, y } = makeBlobs({ nSamples: 8000, centers, clusterStd: [0.5, 2], seed: 1 })
    expect(X[0]).toHaveLength(3)
    centers.forEach((center, label) => {
      center.forEach((coordinate, feature) => {
        const values = column(X, y, label, feature)
        expect(values).toHaveLength(4000)
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length
        const std = label === 0 ? 0.5 : 2
        // Standard error of the mean is std / sqrt(4000) ≈ 0.016 std; allow 4 of them.
        expect(Math.abs(mean - coordinate)).toBeLessThan((4 * std) / Math.sqrt(4000))
        expect(Math.abs(standardDeviation(values) - std)).toBeLessThan(0.05 * std)
      })
    })
  })

  it('shares a total between blobs like scikit-learn (earlier blobs take the remainder)', () => {
    const { y } = makeBlobs({ nSamples: 100, shuffle: false, seed: 0 })
    expect([0, 1, 2].map((c) => y.filter((label) => label === c).length)).toEqual([34, 33, 33])
  })

  it('takes one count per blob, and as many random centers when none are given', () => {
    const { y, centers } = makeBlobs({ nSamples: [2, 0, 5], shuffle: false, seed: 0 })
    expect(y).toEqual([0, 0, 2, 2, 2, 2, 2])
    expect(centers).toHaveLength(3)
  })

  it('places random centers inside centerBox, with nFeatures coordinates', () => {
    const { centers, X } = makeBlobs({ centers: 50, nFeatures: 4, centerBox: [2, 3], seed: 7 })
    expect(centers).toHaveLength(50)
    for (const center of centers) {
      expect(center).toHaveLength(4)
      for (const coordinate of center) {
        expect(coordinate).toBeGreaterThanOrEqual(2)
        expect(coordinate).toBeLessThan(3)
      }
    }
    expect(X[0]).toHaveLength(4)
  })

  it('gives points exactly at their centers for clusterStd 0, and copies the centers', () => {
    const given = [[1, 2]]
    const { X, centers } = makeBlobs({ nSamples: 3, centers: given, clusterStd: 0, seed: 0 })
    expect(X).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ])
    centers[0]![0] = 99
    expect(given[0]![0]).toBe(1)
  })

  it('is reproducible from its seed and shuffles rows with their labels', () => {
    const first = makeBlobs({ seed: 5, clusterStd: 0.1 })
    expect(makeBlobs({ seed: 5, clusterStd: 0.1 })).toEqual(first)
    expect(makeBlobs({ seed: 6, clusterStd: 0.1 }).X).not.toEqual(first.X)
    first.X.forEach((row, i) => {
      const center = first.centers[first.y[i]!]!
      expect(Math.hypot(row[0]! - center[0]!, row[1]! - center[1]!)).toBeLessThan(1)
    })
  })

  it('rejects bad input, naming the option', () => {
    expectParameterError(() => makeBlobs({ nSamples: 0 }), 'nSamples', 0)
    expectParameterError(() => makeBlobs({ nSamples: [1, 2], centers: 3 }), 'nSamples', [1, 2])
    expectParameterError(() => makeBlobs({ nSamples: [0, 0] }), 'nSamples', [0, 0])
    expectParameterError(() => makeBlobs({ nSamples: [1, -1] }), 'nSamples', [1, -1])
    expectParameterError(() => makeBlobs({ centers: 0 }), 'centers', 0)
    expectParameterError(() => makeBlobs({ centers: [] }), 'centers', [])
    expectParameterError(() => makeBlobs({ centers: [[0, 0], [1]] }), 'centers[1]', [1])
    expectParameterError(() => makeBlobs({ centers: [[0, Number.NaN]] }), 'centers[0]', [
      0,
      Number.NaN,
    ])
    expectParameterError(() => makeBlobs({ centers: [[0, 0]], nFeatures: 3 }), 'centers[0]', [0, 0])
    expectParameterError(() => makeBlobs({ nFeatures: 0 }), 'nFeatures', 0)
    expectParameterError(() => makeBlobs({ clusterStd: -1 }), 'clusterStd', -1)
    expectParameterError(() => makeBlobs({ clusterStd: [1, 1] }), 'clusterStd', [1, 1])
    expectParameterError(() => makeBlobs({ centerBox: [10, -10] }), 'centerBox', [10, -10])
    expectParameterError(() => makeBlobs({ centerBox: [0, Infinity] }), 'centerBox', [0, Infinity])
  })
})
