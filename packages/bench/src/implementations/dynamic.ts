import { SGD } from '@mg/nn'
import { demoLoss } from '../demo-loss.js'
import { LEARNING_RATE, problemModel } from '../workloads.js'
import { type Implementation, rows } from './trainer.js'

/** The `Value` API as a user writes it with `@mg/nn`: a new graph every step. */
export const dynamicImplementation: Implementation = {
  name: 'dynamic',
  description:
    '@mg/nn MLP, hingeLoss (softmaxCrossEntropy on W4), l2Penalty and SGD over the dynamic Value graph',
  async create(problem) {
    const model = problemModel(problem)
    const optimizer = new SGD(model.parameters(), { learningRate: LEARNING_RATE })
    const { sizes, loss: lossName } = problem.workload
    const points = rows(problem.points, sizes[0])
    const labels = Array.from(problem.labels)
    return {
      step() {
        const loss = demoLoss(model, points, labels, lossName)
        optimizer.zeroGrad()
        loss.backward()
        optimizer.step()
        return loss.data
      },
    }
  },
}
