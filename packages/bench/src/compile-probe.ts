/**
 * Run as its own `node` process: records the demo graph of one workload through `@mg/nn` and times
 * `compileGraph` the first time (cold: nothing is compiled by V8 yet, as for a user's first call)
 * and then again, warm. Prints JSON.
 */
import { compileGraph, Value } from '@mg/engine'
import { hingeLoss, l2Penalty } from '@mg/nn'
import { median } from './measure.js'
import { createModel, L2_ALPHA, makeProblem, WORKLOADS } from './workloads.js'

const workload = WORKLOADS.find((candidate) => candidate.name === process.argv[2]) ?? WORKLOADS[0]!
const problem = makeProblem(workload)
const model = createModel(workload)
const inputs = Array.from(problem.points, (data) => new Value(data))
const scores = Array.from(
  { length: workload.nSamples },
  (_, sample) => model.forward([inputs[2 * sample]!, inputs[2 * sample + 1]!])[0]!,
)
const loss = hingeLoss(scores, Array.from(problem.labels)).add(
  l2Penalty(model.parameters(), L2_ALPHA),
)
const times: number[] = []
for (let run = 0; run < 6; run++) {
  const start = performance.now()
  compileGraph({ output: loss, parameters: model.parameters(), inputs })
  times.push(performance.now() - start)
}
console.log(
  JSON.stringify({ workload: workload.name, coldMs: times[0], warmMs: median(times.slice(1)) }),
)
