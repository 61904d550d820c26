import type { Precision } from '@mg/engine'
import { createTrainer, type Trainer as NnTrainer, SGD, type TrainerOptions } from '@mg/nn'
import { L2_ALPHA, LEARNING_RATE, type Problem, problemModel } from '../workloads.js'
import { type Implementation, rows } from './trainer.js'

/** Compiled training as users call it: `createTrainer(…, { compiled: true })`, then `step()`. */
export const trainerImplementation = createTrainerImplementation('float64')

/** The same with `precision: 'float32'`. */
export const trainerFloat32Implementation = createTrainerImplementation('float32')

/**
 * `@mg/nn`'s `createTrainer` on the problem with micrograd's demo options (full batch, SGD at the
 * fixed learning rate, L2 1e-4), compiled and keeping no history, as a page that trains until
 * closed would. Each step's record has the loss `compiled` and `dynamic` compute: mean hinge
 * (W4: softmax cross-entropy) + 1e-4·Σp².
 */
export function createDemoTrainer(problem: Problem, precision: Precision = 'float64'): NnTrainer {
  const model = problemModel(problem)
  const { sizes, loss } = problem.workload
  const data = { X: rows(problem.points, sizes[0]), y: Array.from(problem.labels) }
  const options = {
    loss,
    optimizer: new SGD(model.parameters(), { learningRate: LEARNING_RATE }),
    l2Alpha: L2_ALPHA,
    compiled: true,
    historyLimit: 0,
    precision,
  } satisfies TrainerOptions
  return createTrainer(model, data, options)
}

function createTrainerImplementation(precision: Precision): Implementation {
  const float32 = precision === 'float32'
  return {
    name: float32 ? 'trainer-f32' : 'trainer',
    description: `@mg/nn createTrainer(model, { X, y }, { loss, optimizer: new SGD(…), l2Alpha: 1e-4, compiled: true, historyLimit: 0${float32 ? ", precision: 'float32'" : ''} }), then trainer.step()`,
    float32,
    async create(problem) {
      const trainer = createDemoTrainer(problem, precision)
      return { step: () => trainer.step()[0]!.loss }
    },
  }
}
