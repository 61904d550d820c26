import { type Operand, Value } from '@mg/engine'
import { hingeLoss, l2Penalty, type MLP, softmaxCrossEntropy } from '@mg/nn'
import { rows } from './implementations/trainer.js'
import { L2_ALPHA, type Problem, type Workload } from './workloads.js'

/**
 * The demo's loss as micrograd computes it: scores of every point, hinge loss, L2 penalty; for
 * the digits (W4) the logits of every image and softmax cross-entropy instead of hinge loss.
 */
export function demoLoss(
  model: MLP,
  points: readonly (readonly Operand[])[],
  labels: readonly number[],
  loss: Workload['loss'] = 'hinge',
): Value {
  const penalty = l2Penalty(model.parameters(), L2_ALPHA)
  if (loss === 'softmax-cross-entropy')
    return softmaxCrossEntropy(
      points.map((point) => model.forward(point)),
      labels,
    ).add(penalty)
  const scores = points.map((point) => model.forward(point)[0]!)
  return hingeLoss(scores, labels).add(penalty)
}

/**
 * The demo's loss with every coordinate of the problem's points an input `Value`, the graph that
 * `compileGraph` records once and replays.
 */
export function demoLossOfInputs(model: MLP, problem: Problem): { loss: Value; inputs: Value[] } {
  const inputs = Array.from(problem.points, (data) => new Value(data))
  const { sizes, loss } = problem.workload
  return { loss: demoLoss(model, rows(inputs, sizes[0]), Array.from(problem.labels), loss), inputs }
}
