import type { Value } from '@mg/engine'
import { InvalidOptionError } from './errors.js'

/** A neuron's nonlinearity: `'linear'` leaves the weighted sum as it is. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear'

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear']

/** Applies `activation` to a neuron's weighted sum. */
export function activate(sum: Value, activation: Activation): Value {
  switch (activation) {
    case 'relu':
      return sum.relu()
    case 'tanh':
      return sum.tanh()
    case 'sigmoid':
      return sum.sigmoid()
    case 'linear':
      return sum
  }
}

/** Whether `value` names an activation. */
export function isActivation(value: unknown): value is Activation {
  return ACTIVATIONS.includes(value as Activation)
}

/** Returns `value` if it names an activation, and throws a typed error otherwise. */
export function checkActivation(option: string, value: unknown): Activation {
  if (!isActivation(value))
    throw new InvalidOptionError(
      option,
      value,
      `one of ${ACTIVATIONS.map((a) => `'${a}'`).join(', ')}`,
    )
  return value
}

/** The neuron name micrograd prints: `ReLUNeuron`, `LinearNeuron`, and likewise for the others. */
export function neuronName(activation: Activation): string {
  const names: Record<Activation, string> = {
    relu: 'ReLU',
    tanh: 'Tanh',
    sigmoid: 'Sigmoid',
    linear: 'Linear',
  }
  return `${names[activation]}Neuron`
}
