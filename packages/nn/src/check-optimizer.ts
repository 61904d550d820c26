import type { Value } from '@mg/engine'
import { InvalidOptionError } from './errors.js'
import type { Optimizer } from './optimizer.js'

/**
 * Throws unless `optimizer` updates the model whose parameters are `parameters`: every parameter
 * it holds must be one of the model's (else its steps change values the model never reads, and
 * training silently changes nothing), and, when `all` is set (saving, where its state must line up
 * with the model's parameters), it must hold all of them in the model's order.
 */
export function checkOptimizerFor(
  parameters: readonly Value[],
  optimizer: Optimizer,
  all: boolean,
  functionName?: string,
): void {
  const held = optimizer.parameters
  const own = new Set(parameters)
  const stranger = held.findIndex((parameter) => !own.has(parameter))
  const misaligned =
    all &&
    (held.length !== parameters.length ||
      held.some((parameter, index) => parameter !== parameters[index]))
  if (held.length === 0 || stranger >= 0 || misaligned) {
    const problem =
      held.length === 0
        ? 'It holds no parameters, so its steps would change nothing.'
        : stranger >= 0
          ? `Its parameter ${stranger} is not one of the model's: it was built on another model's ` +
            'parameters, so its steps would change values this model never reads.'
          : "It holds the model's parameters in another order or only some of them, so its state " +
            'would not line up with the model when loaded.'
    throw new InvalidOptionError(
      'optimizer',
      optimizer,
      "an optimizer built on this model's parameters()",
      `${problem} Build it with, e.g., new SGD(model.parameters(), { learningRate: 0.1 }).`,
      { functionName },
    )
  }
}
