import { MLP, SGD } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import type { LossChoice } from '../src/state/settings.js'
import { batchLoss } from '../src/training/batch-loss.js'
import { CompiledSteps } from '../src/training/compiled-steps.js'

const data = {
  X: [
    [0.5, -1],
    [-0.3, 0.8],
  ],
  y: [1, 0],
}
const learningRate = 0.1

/** Parameters after plain SGD steps on the samples in `order`, one sample per step, with the Value API. */
function dynamicSteps(outputs: number, loss: LossChoice, order: number[]): number[] {
  const model = new MLP(2, [3, outputs], { activation: 'tanh', seed: 4 })
  const optimizer = new SGD(model.parameters(), { learningRate })
  for (const sample of order) {
    model.zeroGrad()
    batchLoss([model.forward(data.X[sample]!)], [data.y[sample]!], loss).backward()
    optimizer.step()
  }
  return [...model.getParameterValues()]
}

describe('compiled steps', () => {
  for (const [loss, outputs] of [
    ['hinge', 1],
    ['bce', 1],
    ['softmax-cross-entropy', 2],
    ['mse', 2],
  ] as const) {
    it(`replay each new batch's features and targets, not the recorded ones (${loss})`, () => {
      const model = new MLP(2, [3, outputs], { activation: 'tanh', seed: 4 })
      const steps = new CompiledSteps(model, data, { loss, l2: 0, batchSize: 1, seed: 9 })
      // One epoch of two one-sample batches: the second replays the graph recorded on the first.
      steps.train(2, new SGD(model.parameters(), { learningRate }))
      const compiled = [...model.getParameterValues()]
      const candidates = [dynamicSteps(outputs, loss, [0, 1]), dynamicSteps(outputs, loss, [1, 0])]
      const matches = candidates.filter((expected) =>
        expected.every((value, index) => Math.abs(value - compiled[index]!) < 1e-12),
      )
      expect(matches).toHaveLength(1)
      // Reusing the first sample twice would give neither order's numbers.
      expect(compiled).not.toEqual(dynamicSteps(outputs, loss, [0, 0]))
    })
  }
})
