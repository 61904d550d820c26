import { compileGraph, Value } from '@mg/engine'
import { hingeLoss, l2Penalty } from '@mg/nn'
import { createModel, L2_ALPHA, LEARNING_RATE } from '../workloads.js'
import type { Implementation } from './trainer.js'

/** The same `@mg/nn` graph, recorded once with `compileGraph` and replayed every step. */
export const compiledImplementation: Implementation = {
  name: 'compiled',
  description: 'the @mg/nn graph recorded once by compileGraph, replayed over Float64Arrays',
  async create(problem) {
    const model = createModel(problem.workload)
    model.setParameterValues(problem.initialParameters)
    const start = performance.now()
    const inputs = Array.from(problem.points, (data) => new Value(data))
    const scores = Array.from(
      { length: problem.workload.nSamples },
      (_, sample) => model.forward([inputs[2 * sample]!, inputs[2 * sample + 1]!])[0]!,
    )
    const loss = hingeLoss(scores, Array.from(problem.labels)).add(
      l2Penalty(model.parameters(), L2_ALPHA),
    )
    const recordMs = performance.now() - start
    const graph = compileGraph({ output: loss, parameters: model.parameters(), inputs })
    const compileMs = performance.now() - start - recordMs
    const { parameterData, parameterGrad } = graph
    return {
      recordMs,
      compileMs,
      nodeCount: graph.nodeCount,
      step() {
        const value = graph.forward()
        graph.backward()
        for (let index = 0; index < parameterData.length; index++)
          parameterData[index]! -= LEARNING_RATE * parameterGrad[index]!
        return value
      },
    }
  },
}
