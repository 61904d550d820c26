import { noGrad } from '@mg/engine'
import type { ProgramPlan } from './analyze-program.js'
import { buildGraph, evaluateProgram, inputLeaves, inputValues } from './evaluate-program.js'

/** How the output moves when one input is nudged, beside what its gradient predicts. */
export interface Nudge {
  /** The output before and after the nudge. */
  readonly before: number
  readonly after: number
  /** The input's gradient, from backprop. */
  readonly grad: number
  /** `after − before`, and the gradient's prediction of it, `grad × h`. */
  readonly moved: number
  readonly predicted: number
}

/**
 * Nudges input `name` by `h` and reruns the program: the lecture's check that a gradient says how
 * much the output moves, `Δout ≈ grad × h`.
 *
 * @throws {@link ExpressionValueError} when the nudged input makes a value non-finite.
 */
export function nudgeInput(
  plan: ProgramPlan,
  values: ReadonlyMap<string, number>,
  name: string,
  h: number,
): Nudge {
  const start = inputValues(plan, values)
  const graph = buildGraph(plan, start)
  const shifted = new Map(start).set(name, start.get(name)! + h)
  const after = noGrad(() => evaluateProgram(plan, inputLeaves(plan, shifted)).output.data)
  const before = graph.output.data
  const grad = graph.inputs.get(name)!.grad
  return { before, after, grad, moved: after - before, predicted: grad * h }
}
