import { DenseBaseline } from './dense.js'
import type { Implementation } from './trainer.js'

/** The yardstick: hand-written dense Float64Array code, in this package only. */
export const denseImplementation: Implementation = {
  name: 'dense',
  description: 'hand-written Float64Array matrix-vector code, no graph (the yardstick)',
  async create(problem) {
    const baseline = new DenseBaseline(problem)
    return { step: () => baseline.step() }
  },
}
