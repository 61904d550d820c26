/**
 * W1: one step of micrograd's demo through the public API — moons(100, noise 0.1), MLP(2, [16, 16, 1])
 * (337 parameters), hinge loss + 1e-4 L2, SGD with micrograd's linear decay, full batch: forward,
 * backward and update. Python micrograd takes about 1,900 ms for this step.
 *
 * Measures both ways `train()` can run the step: building the graph anew each step (the default)
 * and replaying a graph recorded once (`compiled: true`). For each, runs `train()` for 100 steps
 * WARMUP_RUNS times to let the JIT settle, then MEASURED_RUNS more, each from micrograd's own
 * initial weights, and reports the median (and mean, p90) of the per-step times `train()` records.
 * A compiled run's first step includes the recording, reported apart. It also reports the
 * process's CPU time per step, which on a shared machine stays near the uncontended cost while
 * wall-clock times stretch (it counts the garbage collector's and compiler's threads too, so it
 * errs high). Writes bench/results/nn-w1.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { linearDecay, MLP, SGD, train } from '../src/index.js'
import { microgradDemoData, pythonRandom } from '../test/fixtures/micrograd-demo.js'

const WARMUP_RUNS = 3
const MEASURED_RUNS = 10
const STEPS = 100
const TARGET_MS = 10
const PYTHON_MICROGRAD_MS = 1900

const data = microgradDemoData()

function run(compiled: boolean) {
  const model = new MLP(2, [16, 16, 1], { rng: pythonRandom(1337) })
  const history = train(model, data, {
    loss: 'hinge',
    l2Alpha: 1e-4,
    optimizer: new SGD(model.parameters(), { learningRate: 1 }),
    schedule: linearDecay(),
    steps: STEPS,
    compiled,
  })
  const last = history.steps.at(-1)!
  return {
    msPerStep: history.steps.map((record) => record.msPerStep),
    finalLoss: last.loss,
    finalAccuracy: last.accuracy,
  }
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const round = (value: number) => Number(value.toFixed(3))

function measure(compiled: boolean) {
  for (let index = 0; index < WARMUP_RUNS; index++) run(compiled)
  const times: number[] = []
  const firstSteps: number[] = []
  const cpuBefore = process.cpuUsage()
  let last = run(compiled)
  for (let index = 0; index < MEASURED_RUNS; index++) {
    if (index > 0) last = run(compiled)
    firstSteps.push(last.msPerStep[0]!)
    times.push(...last.msPerStep)
  }
  const cpu = process.cpuUsage(cpuBefore)
  times.sort((a, b) => a - b)
  firstSteps.sort((a, b) => a - b)
  const median = quantile(times, 0.5)
  return {
    medianMsPerStep: round(median),
    meanMsPerStep: round(times.reduce((total, time) => total + time, 0) / times.length),
    p90MsPerStep: round(quantile(times, 0.9)),
    minMsPerStep: round(times[0]!),
    cpuMsPerStep: round((cpu.user + cpu.system) / 1000 / times.length),
    medianFirstStepMs: round(quantile(firstSteps, 0.5)),
    speedupOverPythonMicrograd: Math.round(PYTHON_MICROGRAD_MS / median),
    finalLoss: last.finalLoss,
    finalAccuracy: last.finalAccuracy,
  }
}

const dynamic = measure(false)
const compiled = measure(true)
const result = {
  benchmark:
    'W1: micrograd demo step (100 points, MLP 2-16-16-1, hinge + L2, SGD), forward + backward + update, through train()',
  dynamic,
  compiled,
  compiledSpeedup: Number((dynamic.medianMsPerStep / compiled.medianMsPerStep).toFixed(1)),
  loadAverage: os.loadavg()[0] ?? 0,
  measuredStepsPerMode: MEASURED_RUNS * STEPS,
  warmupStepsPerMode: WARMUP_RUNS * STEPS,
  targetMs: TARGET_MS,
  node: process.version,
  date: new Date().toISOString(),
}

const output = join(dirname(fileURLToPath(import.meta.url)), 'results', 'nn-w1.json')
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`)
for (const [name, figures] of [
  ['dynamic ', dynamic],
  ['compiled', compiled],
] as const) {
  console.log(
    `W1 step, ${name}: ${figures.medianMsPerStep} ms median (mean ${figures.meanMsPerStep}, ` +
      `p90 ${figures.p90MsPerStep}, first step ${figures.medianFirstStepMs}) over ` +
      `${result.measuredStepsPerMode} steps; CPU ${figures.cpuMsPerStep} ms/step; ` +
      `~${figures.speedupOverPythonMicrograd}× Python micrograd; final loss ${figures.finalLoss}, ` +
      `accuracy ${figures.finalAccuracy * 100}%`,
  )
}
console.log(
  `compiled: ${result.compiledSpeedup}× faster per step; target ≤ ${TARGET_MS} ms ` +
    `(load average ${result.loadAverage.toFixed(1)})  →  ${output}`,
)
