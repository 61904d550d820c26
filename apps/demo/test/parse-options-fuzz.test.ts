/*
 * Arbitrary command-line input ends in a checked run or the demo's own usage error, never in
 * anything else and never in a hang: each property runs a bounded number of bounded inputs, and
 * the tests' timeouts bound the time.
 */

import { lossNames, optimizerNames } from '@mg/nn'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/cli-error.js'
import { DATASET_NAMES } from '../src/dataset-choices.js'
import { ACTIVATION_NAMES, parseTrainOptions, type RawTrainOptions } from '../src/parse-options.js'
import { decimal, integer, integerList, numberList } from '../src/parse-text.js'
import { runCli, temporaryFolder } from './run-cli.js'

/** Text a user might type for an option: names, numbers, near-numbers and noise. */
const typed = fc.oneof(
  fc.constantFrom(...DATASET_NAMES, ...lossNames, ...optimizerNames, ...ACTIVATION_NAMES),
  fc.constantFrom(
    '0',
    '1',
    '2',
    '3',
    '-1',
    '1e3',
    '1e400',
    '0.5',
    '.5',
    '5.',
    'NaN',
    '0x10',
    '',
    ' ',
    '16,16',
    '16,,16',
    '4,a',
  ),
  fc.integer({ min: -10, max: 200_000 }).map(String),
  fc.double().map(String),
  fc.string({ maxLength: 12 }),
)

const TEXT_OPTIONS = [
  'dataset',
  'samples',
  'noise',
  'classes',
  'hidden',
  'activation',
  'loss',
  'optimizer',
  'lr',
  'l2',
  'steps',
  'batchSize',
  'seed',
  'out',
] as const
const raw: fc.Arbitrary<RawTrainOptions> = fc.record(
  {
    ...Object.fromEntries(TEXT_OPTIONS.map((name) => [name, typed])),
    compiled: fc.boolean(),
    json: fc.boolean(),
    quiet: fc.boolean(),
  },
  { requiredKeys: [] },
)

/** Calls `parse`, and checks its result with `check` or that it refused with a UsageError. */
function parseOrRefuse<T>(parse: () => T, check: (value: T) => void): void {
  let value: T
  try {
    value = parse()
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(UsageError)
    return
  }
  check(value)
}

const wholeInRange = (value: number, min: number, max: number) =>
  Number.isSafeInteger(value) && value >= min && value <= max

describe('the demo’s option parsing on arbitrary input', () => {
  it('gives a checked run or a UsageError for any train options', () => {
    fc.assert(
      fc.property(raw, (options) =>
        parseOrRefuse(
          () => parseTrainOptions(options),
          (run) => {
            expect(DATASET_NAMES).toContain(run.dataset)
            expect(lossNames).toContain(run.loss)
            expect(optimizerNames).toContain(run.optimizer)
            expect(ACTIVATION_NAMES).toContain(run.activation)
            expect(wholeInRange(run.samples, 1, 100_000)).toBe(true)
            expect(wholeInRange(run.steps, 1, 1_000_000)).toBe(true)
            expect(wholeInRange(run.batchSize, 1, run.samples)).toBe(true)
            expect(wholeInRange(run.seed, 0, 2 ** 32 - 1)).toBe(true)
            expect(wholeInRange(run.classes, 2, 10)).toBe(true)
            for (const width of run.hidden) expect(wholeInRange(width, 1, 1024)).toBe(true)
            for (const number of [run.noise, run.learningRate, run.l2])
              expect(Number.isFinite(number) && number >= 0).toBe(true)
            expect(run.learningRate).toBeGreaterThan(0)
            expect(run.out.trim()).not.toBe('')
          },
        ),
      ),
      { numRuns: 5000 },
    )
  })

  it('reads numbers and lists of them, or gives a UsageError, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        parseOrRefuse(
          () => numberList('--x', text),
          (numbers) => expect(numbers.every(Number.isFinite)).toBe(true),
        )
        parseOrRefuse(
          () => integer('--steps', text, 1, 100),
          (value) => expect(wholeInRange(value, 1, 100)).toBe(true),
        )
        parseOrRefuse(
          () => decimal('--lr', text, Number.MIN_VALUE, Number.MAX_VALUE, 'a number'),
          (value) => expect(Number.isFinite(value) && value > 0).toBe(true),
        )
        const sizes = { min: 1, max: 1024, what: 'widths', example: '16' }
        parseOrRefuse(
          () => integerList('--hidden', text, sizes),
          (values) => expect(values.every((value) => wholeInRange(value, 1, 1024))).toBe(true),
        )
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses a long malformed number in linear time', () => {
    for (const tail of ['x', 'e', '.x', 'e+']) {
      expect(() => decimal('--lr', `${'1'.repeat(500_000)}${tail}`, 0, 1, 'a number')).toThrow(
        UsageError,
      )
      expect(() => numberList('--x', `${'1'.repeat(500_000)}${tail}`)).toThrow(UsageError)
    }
  }, 10_000)

  it('ends every command line in a run or one line of error, exit code 2, never a stack trace', async () => {
    const folder = await temporaryFolder()
    const words = fc.array(
      fc.oneof(
        fc.constantFrom(
          'train',
          'predict',
          'derivatives',
          '--dataset',
          '--samples',
          '--hidden',
          '--loss',
          '--lr',
          '--x',
          '--model',
          '--json',
          '--quiet',
          '--nope',
          '-x',
          '--',
          '--steps=',
          '--help',
        ),
        typed,
      ),
      { maxLength: 6 },
    )
    const lines = fc.sample(words, { numRuns: 16, seed: 17 })
    for (const line of lines) {
      // Appended options win (the last one counts), so every run that starts is short and writes
      // into a temporary folder.
      const args = [...line, '--steps', '1', '--samples', '8', '--hidden', '2', '--out', folder]
      const result = await runCli(args, folder)
      expect([0, 2], `${args.join(' ')}\n${result.stderr}`).toContain(result.code)
      if (result.code === 2) expect(result.stderr).toMatch(/^error: [^\n]+\n$/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  }, 120_000)
})
