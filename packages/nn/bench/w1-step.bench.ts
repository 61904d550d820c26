/**
 * W1: one step of micrograd's demo through the public API — moons(100, noise 0.1), MLP(2, [16, 16, 1])
 * (337 parameters), hinge loss + 1e-4 L2, SGD with micrograd's linear decay, full batch: forward,
 * backward and update. Python micrograd takes about 1,900 ms for this step.
 *
 * Runs `train()` for 100 steps WARMUP_RUNS times to let the JIT settle, then MEASURED_RUNS more,
 * each from micrograd's own initial weights, and reports the median (and mean, p90) of the
 * per-step times `train()` records. It also reports the process's CPU time per step, which on a
 * shared machine stays near the uncontended cost while wall-clock times stretch (it counts the
 * garbage collector's and compiler's threads too, so it errs high). Writes bench/results/nn-w1.json.
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

function run(): { msPerStep: number[]; finalLoss: number; finalAccuracy: number } {
  const model = new MLP(2, [16, 16, 1], { rng: pythonRandom(1337) })
  const history = train(model, data, {
    loss: 'hinge',
    l2Alpha: 1e-4,
    optimizer: new SGD(model.parameters(), { learningRate: 1 }),
    schedule: linearDecay(),
    steps: STEPS,
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

for (let index = 0; index < WARMUP_RUNS; index++) run()
const times: number[] = []
const cpuBefore = process.cpuUsage()
let last = run()
times.push(...last.msPerStep)
for (let index = 1; index < MEASURED_RUNS; index++) {
  last = run()
  times.push(...last.msPerStep)
}
const cpu = process.cpuUsage(cpuBefore)
const cpuMsPerStep = (cpu.user + cpu.system) / 1000 / times.length
times.sort((a, b) => a - b)
const median = quantile(times, 0.5)
const mean = times.reduce((total, time) => total + time, 0) / times.length
const result = {
  benchmark:
    'W1: micrograd demo step (100 points, MLP 2-16-16-1, hinge + L2, SGD), forward + backward + update',
  medianMsPerStep: Number(median.toFixed(3)),
  meanMsPerStep: Number(mean.toFixed(3)),
  p90MsPerStep: Number(quantile(times, 0.9).toFixed(3)),
  minMsPerStep: Number(times[0]!.toFixed(3)),
  cpuMsPerStep: Number(cpuMsPerStep.toFixed(3)),
  loadAverage: os.loadavg()[0] ?? 0,
  measuredSteps: times.length,
  warmupSteps: WARMUP_RUNS * STEPS,
  targetMs: TARGET_MS,
  speedupOverPythonMicrograd: Math.round(PYTHON_MICROGRAD_MS / median),
  finalLoss: last.finalLoss,
  finalAccuracy: last.finalAccuracy,
  node: process.version,
  date: new Date().toISOString(),
}

const output = join(dirname(fileURLToPath(import.meta.url)), 'results', 'nn-w1.json')
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`)
console.log(
  `W1 step: ${result.medianMsPerStep} ms median (mean ${result.meanMsPerStep}, p90 ${result.p90MsPerStep}) ` +
    `over ${result.measuredSteps} steps; CPU ${result.cpuMsPerStep} ms/step; target ≤ ${TARGET_MS} ms; ` +
    `~${result.speedupOverPythonMicrograd}× Python micrograd (load average ${result.loadAverage.toFixed(1)})`,
)
console.log(`final loss ${result.finalLoss}, accuracy ${result.finalAccuracy * 100}%  →  ${output}`)
