import { makeMoons } from '@mg/datasets'
import { describe, expect, it } from 'vitest'
import { domainOf, generatePoints, prepareData } from '../src/data/prepared-data.js'
import { DATASET_KINDS, defaultSettings } from '../src/state/settings.js'

describe('prepared data', () => {
  it('draws the same points as @mg/datasets for the same settings', () => {
    const settings = { ...defaultSettings(), samples: 120, noise: 0.2, seed: 9 }
    const points = generatePoints({ ...settings, dataset: 'moons' })
    const { X, y } = makeMoons({ nSamples: 120, noise: 0.2, seed: 9 })
    expect(points).toEqual({ X, y, seed: 9, classCount: 2 })
  })

  it('gives every generated dataset the class count its labels use', () => {
    for (const dataset of DATASET_KINDS.filter((kind) => kind !== 'csv')) {
      const points = generatePoints({ ...defaultSettings(), dataset })
      expect(points.X).toHaveLength(200)
      expect(new Set(points.y).size, dataset).toBe(points.classCount)
    }
  })

  it('holds out the asked share, every class on both sides', () => {
    const settings = {
      ...defaultSettings(),
      dataset: 'spiral' as const,
      samples: 300,
      testFraction: 0.2,
    }
    const data = prepareData(generatePoints(settings), settings, 'spiral')
    expect(data.test.y).toHaveLength(60)
    expect(data.train.y).toHaveLength(240)
    for (const part of [data.train, data.test]) expect(new Set(part.y)).toEqual(new Set([0, 1, 2]))
  })

  it('draws a square around every point with a margin', () => {
    const X = [
      [0, 0],
      [4, 1],
      [2, -1],
    ]
    const domain = domainOf(X)
    expect(domain.xMax - domain.xMin).toBeCloseTo(4.4, 12)
    expect(domain.yMax - domain.yMin).toBeCloseTo(4.4, 12)
    for (const [x = 0, y = 0] of X) {
      expect(x).toBeGreaterThan(domain.xMin)
      expect(x).toBeLessThan(domain.xMax)
      expect(y).toBeGreaterThan(domain.yMin)
      expect(y).toBeLessThan(domain.yMax)
    }
  })
})
