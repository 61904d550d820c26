import * as common from '@mg/common'
import { describe, expect, it } from 'vitest'
import {
  createRng,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
  trainTestSplit,
} from '../src/index.js'
import { expectParameterError } from './helpers.js'

// The generator itself is tested in @mg/common; here, how the dataset functions take it.

const dataset = makeMoons({ nSamples: 8, seed: 1 })
const drawers: [string, (options: { seed?: number; rng?: never }) => unknown][] = [
  ['makeMoons', (options) => makeMoons({ noise: 0.1, ...options })],
  ['makeCircles', (options) => makeCircles({ noise: 0.1, ...options })],
  ['makeBlobs', (options) => makeBlobs(options)],
  ['makeSpiral', (options) => makeSpiral(options)],
  ['makeXor', (options) => makeXor({ noise: 0.1, ...options })],
  ['trainTestSplit', (options) => trainTestSplit(dataset, options)],
]

describe('the seed and rng options of every dataset function', () => {
  it('createRng is the one generator of @mg/common', () => {
    expect(createRng).toBe(common.createRng)
  })

  it.each(drawers)('%s draws from an rng exactly as from the same seed', (_, draw) => {
    expect(draw({ rng: createRng(7) as never })).toEqual({
      ...(draw({ seed: 7 }) as object),
      seed: undefined,
    })
  })

  it.each(drawers)('%s refuses an rng that cannot draw normals or shuffle', (name, draw) => {
    const uniformOnly = { uniform: () => 0.5 }
    const error = expectParameterError(
      () => draw({ rng: uniformOnly as never }),
      'rng',
      uniformOnly,
    )
    expect(error.message).toMatch(
      new RegExp(`^${name}: rng: expected a generator with uniform\\(\\)`),
    )
  })

  it.each(drawers)('%s names itself for a bad seed', (name, draw) => {
    const error = expectParameterError(() => draw({ seed: -1 }), 'seed', -1)
    expect(error.message).toMatch(
      new RegExp(`^${name}: seed: expected an integer from 0 to 4294967295`),
    )
  })
})
