import { NonFiniteGradientError, NonFiniteResultError } from '@mg/engine'
import { NonFiniteValueError, TrainingDivergedError } from './errors.js'

/** Runs one step, turning an overflow anywhere in it into a {@link TrainingDivergedError}. */
export function guardStep<T>(step: number, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof NonFiniteResultError)
      throw new TrainingDivergedError(
        step,
        `the forward pass produced ${error.result} in ${error.op}.`,
        { cause: error },
      )
    if (error instanceof NonFiniteGradientError)
      throw new TrainingDivergedError(step, `a gradient became ${error.grad}.`, { cause: error })
    if (error instanceof NonFiniteValueError)
      throw new TrainingDivergedError(
        step,
        `the update made parameter ${error.index} ${String(error.value)}.`,
        { cause: error },
      )
    throw error
  }
}
