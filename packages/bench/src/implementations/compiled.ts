import { compileGraph } from '@mg/engine'
import { demoLossOfInputs } from '../demo-loss.js'
import { LEARNING_RATE, problemModel } from '../workloads.js'
import type { Implementation } from './trainer.js'

/** The same `@mg/nn` graph, recorded once with `compileGraph` and replayed every step. */
export const compiledImplementation: Implementation = {
  name: 'compiled',
  description: 'the @mg/nn graph recorded once by compileGraph, replayed over Float64Arrays',
  async create(problem) {
    const model = problemModel(problem)
    const start = performance.now()
    const { loss, inputs } = demoLossOfInputs(model, problem)
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
        graph.zeroGrad()
        graph.backward()
        for (let index = 0; index < parameterData.length; index++)
          parameterData[index]! -= LEARNING_RATE * parameterGrad[index]!
        return value
      },
    }
  },
}
