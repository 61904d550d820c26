/**
 * Run as its own `node --expose-gc` process: trains W1 through `createTrainer` (compiled,
 * `historyLimit: 0`, as a page that trains until closed) for 100,000 steps and prints, as JSON,
 * the heap in use after a full GC at step 10,000, once everything is compiled and warm, and at
 * the last step.
 */
import { createDemoTrainer } from './implementations/create-trainer.js'
import { makeProblem, WORKLOADS } from './workloads.js'

const steps = Number(process.argv[2] ?? 100_000)
const settledAt = steps / 10
const collectGarbage = globalThis.gc
if (collectGarbage === undefined) throw new Error('Run this probe with node --expose-gc.')

const trainer = createDemoTrainer(makeProblem(WORKLOADS[0]!))
/** Heap bytes still reachable: after a full collection, only what the trainer keeps. */
const liveHeap = () => {
  collectGarbage()
  return process.memoryUsage().heapUsed
}
let heapAtSettledBytes = 0
const start = performance.now()
for (let step = 1; step <= steps; step++) {
  trainer.step()
  if (step === settledAt) heapAtSettledBytes = liveHeap()
}
const msPerStep = (performance.now() - start) / steps
console.log(
  JSON.stringify({ steps, settledAt, heapAtSettledBytes, heapAtEndBytes: liveHeap(), msPerStep }),
)
