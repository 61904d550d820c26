import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliResult, runCli, temporaryFolder } from './run-cli.js'

let root: string
beforeAll(async () => {
  root = await temporaryFolder()
  await writeFile(join(root, 'a-file'), 'not a folder')
  await writeFile(
    join(root, 'truncated.json'),
    '{"format":"@mg/nn MLP","version":1,"nin":2,"layers":[{"act',
  )
  await writeFile(
    join(root, 'wrong-shape.json'),
    JSON.stringify({
      format: '@mg/nn MLP',
      version: 1,
      nin: 2,
      layers: [{ activation: 'relu', weights: [[1]], biases: [0] }],
    }),
  )
  await mkdir(join(root, 'a-folder.json'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** One clear line on stderr starting `error: `, no stack trace, nothing on stdout. */
function expectOneLineError(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code)
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/)
  expect(result.stderr).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

describe.concurrent('bad input: one line on stderr, exit code 2, no files', () => {
  it.each([
    [['--sed', '7'], /^error: unknown option '--sed' \(Did you mean --seed\?\)/],
    [
      ['--hidden', '16,,16'],
      /^error: --hidden: expected a comma-separated list of layer widths .*received "16,,16"/,
    ],
    [['--hidden', 'big'], /^error: --hidden: /],
    [
      ['--samples', '-5'],
      /^error: --samples: expected a whole number from 4 to 100000, received "-5"/,
    ],
    [['--samples', 'many'], /^error: --samples: /],
    [['--lr', '-1'], /^error: --lr: expected a number greater than 0, received "-1"/],
    [
      ['--dataset', 'mnist'],
      /^error: option '--dataset <name>' argument 'mnist' is invalid.*moons, circles/,
    ],
    [
      ['--dataset', 'spiral', '--loss', 'hinge'],
      /^error: --loss: expected mse or softmax-cross-entropy, as --dataset spiral has 3 classes/,
    ],
    [['--batch-size', '500'], /^error: --batch-size: expected a whole number from 1 to 100/],
    [['--steps'], /^error: option '--steps <n>' argument missing/],
    [['moons'], /^error: too many arguments for 'train'/],
  ])('%j', async (args, pattern) => {
    const out = join(root, `out-${args.join('_').replace(/[^\w-]/g, '')}`)
    const result = await runCli(['--out', out, ...args], root)
    expectOneLineError(result, 2, pattern)
    expect(result.stdout).toBe('')
    await expect(readdir(out)).rejects.toThrow(/ENOENT/)
  })

  it('an --out below a file', async () => {
    const result = await runCli(['--out', join('a-file', 'out')], root)
    expectOneLineError(
      result,
      2,
      /^error: --out a-file\/out: cannot create the folder \(a part of the path is a file, not a folder\)/,
    )
  })

  // Node 20's own recursive mkdir never returns here; the demo must still answer in one line.
  it.runIf(existsSync('/proc/self'))(
    'an --out on a file system that allows no folders',
    async () => {
      const result = await runCli(['--out', '/proc/mg-demo/out'], root)
      expectOneLineError(
        result,
        2,
        /^error: --out \/proc\/mg-demo\/out: cannot create the folder \(the file system does not allow a folder there\)/,
      )
    },
  )

  it.each([
    ['missing.json', /^error: --model missing\.json: no such file\. Train a model first/],
    [
      'truncated.json',
      /^error: --model truncated\.json is not a saved model: expected complete JSON text/,
    ],
    [
      'wrong-shape.json',
      /^error: --model wrong-shape\.json is not a saved model: layers\[0\]\.weights\[0\]: expected an array of 2 numbers/,
    ],
    ['a-folder.json', /^error: --model a-folder\.json: is a folder, not a model file/],
  ])('predict --model %s', async (model, pattern) => {
    const result = await runCli(['predict', '--model', model, '--x', '0.5,-0.2'], root)
    expectOneLineError(result, 2, pattern)
  })

  it('predict with a malformed --x', async () => {
    const result = await runCli(['predict', '--model', 'missing.json', '--x', '0.5;-0.2'], root)
    expectOneLineError(
      result,
      2,
      /^error: --x: expected a comma-separated list of numbers, received "0.5;-0.2"/,
    )
  })
})

describe.concurrent('training that diverges', () => {
  it('stops with exit code 1, names the step, and leaves earlier outputs alone', async () => {
    const out = join(root, 'existing')
    await mkdir(out)
    await writeFile(join(out, 'keep.txt'), 'from an earlier run')
    const result = await runCli(['--lr', '1e6', '--json', '--out', out], root)
    expectOneLineError(
      result,
      1,
      /^error: training diverged at step \d+: .*--lr 1000000 is too large/,
    )
    expect(result.stdout).toBe('')
    expect(await readdir(out)).toEqual(['keep.txt'])
  })

  it('removes the output folder it created', async () => {
    const out = join(root, 'fresh', 'out')
    const result = await runCli(['--lr', '1e6', '--quiet', '--out', out], root)
    expect(result.code).toBe(1)
    await expect(readdir(join(root, 'fresh'))).rejects.toThrow(/ENOENT/)
  })
})
