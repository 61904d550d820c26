import type { Value } from '@mg/engine'
import { hingeLoss, l2Penalty, type MLP, SGD } from '@mg/nn'
import { createModel, L2_ALPHA, LEARNING_RATE } from '../workloads.js'
import { type Implementation, rows } from './trainer.js'

/** The demo's loss as micrograd computes it: scores of every point, hinge loss, L2 penalty. */
export function demoLoss(
  model: MLP,
  points: readonly number[][],
  labels: readonly number[],
): Value {
  const scores = points.map((point) => model.forward(point)[0]!)
  return hingeLoss(scores, labels).add(l2Penalty(model.parameters(), L2_ALPHA))
}

/** The `Value` API as a user writes it with `@mg/nn`: a new graph every step. */
export const dynamicImplementation: Implementation = {
  name: 'dynamic',
  description: '@mg/nn MLP, hingeLoss, l2Penalty and SGD over the dynamic Value graph',
  async create(problem) {
    const model = createModel(problem.workload)
    model.setParameterValues(problem.initialParameters)
    const optimizer = new SGD(model.parameters(), { learningRate: LEARNING_RATE })
    const points = rows(problem)
    const labels = Array.from(problem.labels)
    return {
      step() {
        const loss = demoLoss(model, points, labels)
        optimizer.zeroGrad()
        loss.backward()
        optimizer.step()
        return loss.data
      },
    }
  },
}
