import {
  type Dataset,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
  trainTestSplit,
} from '@mg/datasets'
import type { DatasetKind, Settings } from '../state/settings.js'

/** The datasets drawn from a generator (the rest come from a file). */
export type GeneratedKind = Exclude<DatasetKind, 'csv'>

/** The square of the plane the boundary is drawn over: the data's extent plus a margin. */
export interface Domain {
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

/** Two-feature data split for training, with class labels `0 … classCount − 1`. */
export interface PreparedData {
  train: Dataset
  test: Dataset
  classCount: number
  domain: Domain
  /** Where the data came from, for captions: `'moons'`, or a file name. */
  source: string
}

/** Samples with two features and class labels, before the split. */
export interface LabelledPoints extends Dataset {
  classCount: number
}

/** Draws the generated dataset the settings describe; the same settings always give the same points. */
export function generatePoints(settings: Settings & { dataset: GeneratedKind }): LabelledPoints {
  const { samples: nSamples, noise, seed } = settings
  switch (settings.dataset) {
    case 'moons':
      return { ...makeMoons({ nSamples, noise, seed }), classCount: 2 }
    case 'circles':
      return { ...makeCircles({ nSamples, noise, factor: 0.5, seed }), classCount: 2 }
    case 'blobs': {
      // Centres inside ±2 and a spread that grows with the noise slider keep the blobs on the same
      // scale as the other datasets, so one learning rate suits them all.
      const clusterStd = 0.15 + 1.5 * noise
      return {
        ...makeBlobs({ nSamples, centers: 3, centerBox: [-2, 2], clusterStd, seed }),
        classCount: 3,
      }
    }
    case 'spiral':
      return { ...makeSpiral({ nSamples, nClasses: 3, noise, seed }), classCount: 3 }
    case 'xor':
      return { ...makeXor({ nSamples, noise, seed }), classCount: 2 }
  }
}

/** Splits points into train and test parts (stratified, seeded) and finds the domain to draw. */
export function prepareData(
  points: LabelledPoints,
  settings: Settings,
  source: string,
): PreparedData {
  const { train, test } = trainTestSplit(points, {
    testSize: settings.testFraction,
    seed: settings.seed,
    stratify: canStratify(points, settings.testFraction),
  })
  return { train, test, classCount: points.classCount, domain: domainOf(points.X), source }
}

/** The square around the points with a 10 % margin, so no point sits on the edge. */
export function domainOf(X: readonly (readonly number[])[]): Domain {
  let xMin = Number.POSITIVE_INFINITY
  let xMax = Number.NEGATIVE_INFINITY
  let yMin = Number.POSITIVE_INFINITY
  let yMax = Number.NEGATIVE_INFINITY
  for (const [x = 0, y = 0] of X) {
    xMin = Math.min(xMin, x)
    xMax = Math.max(xMax, x)
    yMin = Math.min(yMin, y)
    yMax = Math.max(yMax, y)
  }
  const half = Math.max(xMax - xMin, yMax - yMin, 1e-6) * 0.55
  const xCentre = (xMin + xMax) / 2
  const yCentre = (yMin + yMax) / 2
  return { xMin: xCentre - half, xMax: xCentre + half, yMin: yCentre - half, yMax: yCentre + half }
}

/** Stratifying needs every class to have a sample in both parts. */
function canStratify(points: LabelledPoints, testFraction: number): boolean {
  const counts = new Map<number, number>()
  for (const label of points.y) counts.set(label, (counts.get(label) ?? 0) + 1)
  return [...counts.values()].every(
    (count) => count * testFraction >= 1 && count * (1 - testFraction) >= 1,
  )
}
