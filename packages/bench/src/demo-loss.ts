import { type Operand, Value } from '@mg/engine'
import { hingeLoss, l2Penalty, type MLP } from '@mg/nn'
import { rows } from './implementations/trainer.js'
import { L2_ALPHA, type Problem } from './workloads.js'

/** The demo's loss as micrograd computes it: scores of every point, hinge loss, L2 penalty. */
export function demoLoss(
  model: MLP,
  points: readonly (readonly Operand[])[],
  labels: readonly number[],
): Value {
  const scores = points.map((point) => model.forward(point)[0]!)
  return hingeLoss(scores, labels).add(l2Penalty(model.parameters(), L2_ALPHA))
}

/**
 * The demo's loss with every coordinate of the problem's points an input `Value`, the graph that
 * `compileGraph` records once and replays.
 */
export function demoLossOfInputs(model: MLP, problem: Problem): { loss: Value; inputs: Value[] } {
  const inputs = Array.from(problem.points, (data) => new Value(data))
  return { loss: demoLoss(model, rows(inputs), Array.from(problem.labels)), inputs }
}
