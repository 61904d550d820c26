/**
 * Run as its own `node` process: records the demo graph of one workload through `@mg/nn` and times
 * `compileGraph` the first time (cold: nothing is compiled by V8 yet, as for a user's first call)
 * and then again, warm. Prints JSON.
 */
import { compileGraph } from '@mg/engine'
import { demoLossOfInputs } from './demo-loss.js'
import { median } from './measure.js'
import { makeProblem, problemModel, WORKLOADS } from './workloads.js'

const workload = WORKLOADS.find((candidate) => candidate.name === process.argv[2]) ?? WORKLOADS[0]!
const problem = makeProblem(workload)
const model = problemModel(problem)
const { loss, inputs } = demoLossOfInputs(model, problem)
const times: number[] = []
for (let run = 0; run < 6; run++) {
  const start = performance.now()
  compileGraph({ output: loss, parameters: model.parameters(), inputs })
  times.push(performance.now() - start)
}
console.log(
  JSON.stringify({ workload: workload.name, coldMs: times[0], warmMs: median(times.slice(1)) }),
)
