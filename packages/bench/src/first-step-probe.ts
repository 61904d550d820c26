/**
 * Run as its own `node` process: times `createTrainer`'s first compiled step on one workload
 * (default W3), which records the step's graph and compiles it, against the median of the next
 * steps, in a process where V8 has compiled none of it yet, as for a user. Prints JSON.
 */
import { createDemoTrainer } from './implementations/create-trainer.js'
import { median } from './measure.js'
import { makeProblem, WORKLOADS } from './workloads.js'

const workload = WORKLOADS.find((candidate) => candidate.name === (process.argv[2] ?? 'W3'))!
const trainer = createDemoTrainer(makeProblem(workload))
const times: number[] = []
for (let step = 0; step < 6; step++) {
  const start = performance.now()
  trainer.step()
  times.push(performance.now() - start)
}
const firstStepMs = times[0]!
const stepMs = median(times.slice(1))
console.log(
  JSON.stringify({
    workload: workload.name,
    firstStepMs,
    stepMs,
    recordAndCompileMs: firstStepMs - stepMs,
  }),
)
