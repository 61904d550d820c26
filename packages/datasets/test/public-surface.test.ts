import { describe, expect, it } from 'vitest'
import {
  describePublicSurface,
  fourPoints,
  type SurfaceEntry,
} from '../../common/test/support/public-surface.js'
import * as datasets from '../src/index.js'
import {
  createRng,
  formatCsv,
  InvalidOptionError,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
  oneHot,
  parseCsv,
  toSignedLabels,
  trainTestSplit,
} from '../src/index.js'

const dataset = fourPoints([1, 0, 1, 0])
const generators = { makeBlobs, makeCircles, makeMoons, makeSpiral, makeXor }

const ENTRIES: SurfaceEntry[] = [
  ...Object.entries(generators).map(
    ([name, generate]): SurfaceEntry => ({
      name,
      args: [{ nSamples: 20, seed: 1 }],
      run: (options: never) => generate(options),
    }),
  ),
  {
    name: 'trainTestSplit',
    args: [dataset, { seed: 1 }],
    run: (given: never, options: never) => trainTestSplit(given, options),
  },
  {
    name: 'formatCsv',
    args: [dataset, { header: true }],
    run: (given: never, options: never) => formatCsv(given, options),
  },
  { name: 'parseCsv', args: ['x0,label\n1,0\n'], run: (text: string) => parseCsv(text) },
  {
    name: 'oneHot',
    args: [[0, 2, 1], 3],
    run: (y: number[], classes: number) => oneHot(y, classes),
  },
  { name: 'toSignedLabels', args: [[0, 1]], run: (y: number[]) => toSignedLabels(y) },
  { name: 'createRng', args: [1], run: (seed: number) => createRng(seed) },
]

describePublicSurface(datasets, ENTRIES)

describe('wrong arguments, each refused naming the argument', () => {
  const namedRefusals: [string, () => unknown, string][] = [
    ...Object.entries(generators).map(([name, generate]): [string, () => unknown, string] => [
      `${name}(null)`,
      () => generate(null as never),
      'options',
    ]),
    ['trainTestSplit(dataset, null)', () => trainTestSplit(dataset, null as never), 'options'],
    ['formatCsv(dataset, 5)', () => formatCsv(dataset, 5 as never), 'options'],
    ['parseCsv(undefined)', () => parseCsv(undefined as never), 'text'],
    ['oneHot(null)', () => oneHot(null as never), 'y'],
    ["toSignedLabels('01')", () => toSignedLabels('01' as never), 'y'],
  ]
  it.each(namedRefusals)('%s names the argument', (_, run, option) => {
    expect(run).toThrow(InvalidOptionError)
    expect(() => run()).toThrow(new RegExp(`: ${option}: expected`))
  })
})
