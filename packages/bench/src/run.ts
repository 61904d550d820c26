/**
 * `pnpm bench`: times micrograd's demo step (W1), the same on 10,000 points (W2) and with
 * 256-wide layers (W3), and a step on all 1,797 digits with softmax cross-entropy (W4), for every
 * implementation in one run, after checking that they agree on the losses of the first steps;
 * then probes the dynamic engine's memory, the compile time and `createTrainer`'s first step and
 * memory over 100,000 steps in fresh child processes. Writes `results/*.json`, prints the tables
 * and refreshes BENCHMARKS.md.
 *
 * `pnpm --filter @mg/bench bench W4` times only the workloads named, prints their tables and
 * writes nothing.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compiledImplementation } from './implementations/compiled.js'
import {
  trainerFloat32Implementation,
  trainerImplementation,
} from './implementations/create-trainer.js'
import { denseImplementation } from './implementations/dense-implementation.js'
import { dynamicImplementation } from './implementations/dynamic.js'
import { jaxJsImplementation } from './implementations/jax-js.js'
import { tfjsCpuImplementation, tfjsWasmImplementation } from './implementations/tfjs.js'
import {
  type Implementation,
  type PeerTrainer,
  skipReason,
  type Trainer,
} from './implementations/trainer.js'
import { currentLoad, describeMachine } from './machine.js'
import {
  type Measurement,
  measure,
  median,
  relativeDifference,
  type Started,
  type TimingPlan,
  takeSteps,
} from './measure.js'
import { type RunReport, runMarkdown, skippedSentence, workloadTable } from './report.js'
import { evaluateTargets, type FirstStep, type TrainerMemory } from './targets.js'
import { makeProblem, type Problem, WORKLOADS } from './workloads.js'

/** `dense` first: every other implementation's losses are checked against it. */
const IMPLEMENTATIONS: readonly Implementation[] = [
  denseImplementation,
  compiledImplementation,
  trainerImplementation,
  trainerFloat32Implementation,
  dynamicImplementation,
  tfjsCpuImplementation,
  tfjsWasmImplementation,
  jaxJsImplementation,
]
/** Steps whose losses must agree before anything is timed. */
const FIRST_STEPS = 3
/** Agreement required of the first losses: float64 implementations, and float32 ones. */
const TOLERANCE = { float64: 1e-9, float32: 1e-4 }
const PLANS: Readonly<Record<string, TimingPlan>> = {
  W1: { warmupMs: 1500, rounds: 5, roundMs: 400 },
  W2: { warmupMs: 0, rounds: 3, roundMs: 1500 },
  W3: { warmupMs: 500, rounds: 3, roundMs: 1500 },
  // The dynamic engine takes about a second a step here: each of its turns is one or two steps.
  W4: { warmupMs: 500, rounds: 3, roundMs: 1500 },
}
const RESULTS = new URL('../results/', import.meta.url)
const BENCHMARKS_MD = new URL('../../../BENCHMARKS.md', import.meta.url)
const START_MARKER = '<!-- bench:start -->'
const END_MARKER = '<!-- bench:end -->'

const named = process.argv.slice(2).filter((argument) => /^W\d+$/.test(argument))
const workloads =
  named.length > 0 ? WORKLOADS.filter(({ name }) => named.includes(name)) : WORKLOADS
const machine = describeMachine()
const measurements: Record<string, Measurement[]> = {}
const agreement: Record<string, Record<string, number>> = {}
const skipped: Record<string, Record<string, string>> = {}
console.log(
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.start}`,
)

/**
 * Creates each implementation's trainer and takes its first steps. One that cannot run here (see
 * {@link skipReason}) is left out, and why is kept in `skippedHere`; any other error stops the run.
 */
async function startTrainers(
  problem: Problem,
  skippedHere: Record<string, string>,
): Promise<Started[]> {
  const started: Started[] = []
  for (const implementation of IMPLEMENTATIONS) {
    let trainer: Trainer | PeerTrainer | undefined
    try {
      trainer = await implementation.create(problem)
      started.push({ implementation, trainer, first: await takeSteps(trainer, FIRST_STEPS) })
    } catch (error) {
      const reason = skipReason(error)
      if (reason === undefined) throw error
      trainer?.dispose?.()
      skippedHere[implementation.name] = reason
      console.log(`  ${implementation.name} skipped: ${reason}`)
    }
  }
  return started
}

for (const workload of workloads) {
  console.log(`\n${workload.name}: ${workload.description}`)
  skipped[workload.name] = {}
  const started = await startTrainers(makeProblem(workload), skipped[workload.name]!)
  const reference = started.find((entry) => entry.implementation === denseImplementation)!.first
  agreement[workload.name] = {}
  for (const { implementation, first } of started) {
    const difference = relativeDifference(first.losses, reference.losses)
    console.log(`  ${implementation.name.padEnd(11)} losses ${first.losses.join(', ')}`)
    const tolerance = implementation.float32 ? TOLERANCE.float32 : TOLERANCE.float64
    if (!(difference <= tolerance))
      throw new Error(
        `${workload.name}: ${implementation.name} disagrees with dense on the first losses ` +
          `(relative difference ${difference}, allowed ${tolerance}); nothing is timed.`,
      )
    agreement[workload.name]![implementation.name] = difference
  }
  measurements[workload.name] = await measure(started, PLANS[workload.name]!)
  for (const { trainer } of started) trainer.dispose?.()
  console.log(`\n${workloadTable(workload, measurements[workload.name]!)}`)
  const skippedHere = skippedSentence(skipped[workload.name])
  if (skippedHere) console.log(`\n${skippedHere}`)
}

if (named.length > 0) {
  console.log(`\nTimed ${workloads.map(({ name }) => name).join(', ')} only; nothing written.`)
  process.exit(0)
}

console.log('\nProbing memory and compile time in fresh processes…')
/** Runs one of this package's probe scripts in a fresh `node` and parses its last line of JSON. */
const probe = <T>(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): T => {
  const path = fileURLToPath(new URL(script, import.meta.url))
  const output = execFileSync(
    process.execPath,
    [...nodeFlags, ...process.execArgv, path, ...args],
    { encoding: 'utf8' },
  )
  return JSON.parse(output.trim().split('\n').at(-1)!) as T
}
type MemoryProbe = {
  nodeCount: number
  bytesPerNode: number
  peakRssBytes: number
  stepsMs: number[]
}
const memoryProbes = Object.fromEntries(
  ['W1', 'W2'].map((name) => [name, probe<MemoryProbe>('./memory-probe.ts', [name, '2'])]),
)
/** Fresh processes for the compile time: one cold call each is at the mercy of the machine's load. */
const COMPILE_PROBES = 5
const compileProbes = Array.from({ length: COMPILE_PROBES }, () =>
  probe<{ coldMs: number; warmMs: number }>('./compile-probe.ts', ['W1']),
)
const compile = {
  coldMs: median(compileProbes.map((entry) => entry.coldMs)),
  warmMs: median(compileProbes.map((entry) => entry.warmMs)),
}
const FIRST_STEP_PROBES = 3
const firstStepProbes = Array.from({ length: FIRST_STEP_PROBES }, () =>
  probe<FirstStep>('./first-step-probe.ts', ['W3']),
)
const medianOf = (key: 'firstStepMs' | 'stepMs' | 'recordAndCompileMs') =>
  median(firstStepProbes.map((entry) => entry[key]))
const firstStep: FirstStep = {
  workload: 'W3',
  firstStepMs: medianOf('firstStepMs'),
  stepMs: medianOf('stepMs'),
  recordAndCompileMs: medianOf('recordAndCompileMs'),
}
console.log('Training W1 for 100,000 steps through createTrainer…')
const trainerMemory = probe<TrainerMemory>('./trainer-memory-probe.ts', ['100000'], ['--expose-gc'])

const figures = {
  measurements,
  skipped,
  memory: Object.fromEntries(
    Object.entries(memoryProbes).map(([name, { peakRssBytes, stepsMs }]) => [
      name,
      { peakRssBytes, stepsMs },
    ]),
  ),
  compile,
  firstStep,
  trainerMemory,
}
const report: RunReport = {
  date: new Date().toISOString(),
  machine: { ...machine, loadAverage: { ...machine.loadAverage, end: currentLoad() } },
  workloads: WORKLOADS,
  descriptions: Object.fromEntries(IMPLEMENTATIONS.map((entry) => [entry.name, entry.description])),
  agreement,
  memoryNodes: Object.fromEntries(
    Object.entries(memoryProbes).map(([name, { nodeCount, bytesPerNode }]) => [
      name,
      { nodeCount, bytesPerNode },
    ]),
  ),
  ...figures,
  targets: evaluateTargets(figures),
}

mkdirSync(RESULTS, { recursive: true })
const json = `${JSON.stringify(report, null, 2)}\n`
writeFileSync(new URL(`${report.date.replaceAll(':', '-')}.json`, RESULTS), json)
writeFileSync(new URL('latest.json', RESULTS), json)
const markdown = runMarkdown(report)
const current = readFileSync(BENCHMARKS_MD, 'utf8')
const start = current.indexOf(START_MARKER)
const end = current.indexOf(END_MARKER)
if (start >= 0 && end > start) {
  const updated = `${current.slice(0, start + START_MARKER.length)}\n${markdown}\n${current.slice(end)}`
  writeFileSync(BENCHMARKS_MD, updated)
}
console.log(`\n${markdown}\n\nWrote packages/bench/results/latest.json and BENCHMARKS.md.`)
