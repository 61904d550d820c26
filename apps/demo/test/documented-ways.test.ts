/*
 * Every documented way to run the demo prints what --json and --quiet promise: JSON alone on
 * stdout, or nothing at all. `pnpm demo` (the repository's way, which builds first) is run for
 * real, so pnpm's and turbo's own output would show here; `node dist/cli.js` is run.
 */
import { readdir, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand, temporaryFolder } from './run-cli.js'

const repository = fileURLToPath(new URL('../../../', import.meta.url))
const shim = fileURLToPath(new URL('../bin/micrograd-demo.mjs', import.meta.url))

const ways = {
  'pnpm demo': (args: readonly string[], cwd: string) => runCommand('pnpm', ['demo', ...args], cwd),
  'micrograd-demo': (args: readonly string[], cwd: string) =>
    runCommand(process.execPath, [shim, ...args], cwd),
}

let folder: string

beforeAll(async () => {
  folder = await temporaryFolder()
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe.each(Object.entries(ways))('%s', (way, demo) => {
  const out = (name: string) => join(folder, way.replace(/\W/g, '-'), name)

  it('with --json prints one JSON document on stdout and nothing else', async () => {
    const result = await demo(['--json', '--steps', '3', '--out', out('train')], repository)
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
    expect(JSON.parse(result.stdout).results).toBeDefined()
  })

  it('with --quiet prints nothing at all', async () => {
    const result = await demo(['--quiet', '--steps', '3', '--out', out('quiet')], repository)
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('prints only JSON for predict --json and derivatives --json', async () => {
    await demo(['--quiet', '--steps', '3', '--out', out('model')], repository)
    const model = join(out('model'), 'model.json')
    const predict = await demo(
      ['predict', '--model', model, '--x', '0.5,-0.2', '--json'],
      repository,
    )
    expect(predict.stderr).toBe('')
    expect(JSON.parse(predict.stdout).outputs).toHaveLength(1)
    const derivatives = await demo(
      ['derivatives', '--json', '--out', out('derivatives')],
      repository,
    )
    expect(derivatives.stderr).toBe('')
    expect(JSON.parse(derivatives.stdout).valueAtThree).toBe(20)
  })

  it('runs in the folder it is started from, so relative paths are the caller’s', async () => {
    // A folder inside the repository, where pnpm finds the workspace's bins.
    const start = fileURLToPath(new URL('.', import.meta.url))
    const here = relative(start, out('here'))
    const result = await demo(['--json', '--steps', '2', '--out', here], start)
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
    expect(JSON.parse(result.stdout).outputs[0]).toBe(join(here, 'decision-boundary.svg'))
    expect((await readdir(out('here'))).length).toBeGreaterThan(0)
  })
})

describe('pnpm demo without --json or --quiet', () => {
  it('keeps the build’s output off stdout', async () => {
    const result = await ways['pnpm demo'](
      ['--steps', '2', '--out', join(folder, 'human')],
      repository,
    )
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 })
    expect(result.stdout).toMatch(/^moons \(100 points/)
    expect(result.stdout).not.toMatch(/turbo|Tasks:|micrograd-ts@/)
  })
})
