import { Value } from '@mg/engine'
import { InvalidOptionError } from './errors.js'
import { nonNegative } from './optimizer.js'

/**
 * The L2 penalty `alpha · Σ p²` over `parameters`, micrograd's
 * `alpha * sum((p*p for p in model.parameters()))`, as a single `Value.dot(p, p)` node; its
 * gradient is `2·alpha·p`.
 *
 * @example
 * ```ts
 * import { hingeLoss, l2Penalty, MLP } from '@mg/nn'
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const y = [1, -1]
 * const scores = [[0.5, -1], [-0.2, 0.3]].map((x) => model.forward(x)[0]!)
 * const total = hingeLoss(scores, y).add(l2Penalty(model.parameters(), 1e-4))
 * ```
 */
export function l2Penalty(parameters: readonly Value[], alpha: number): Value {
  if (!Array.isArray(parameters))
    throw new InvalidOptionError(
      'parameters',
      parameters,
      'an array of Values, such as model.parameters()',
    )
  nonNegative('alpha', alpha)
  // One fused dot node instead of a product per parameter; the sum runs in the same order as
  // micrograd's, and dot's backward adds p·g twice when both lists hold p, giving 2·alpha·p.
  return Value.dot(parameters, parameters).mul(alpha)
}
