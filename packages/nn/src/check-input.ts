import type { Operand } from '@mg/engine'
import { InputSizeError, InvalidOptionError } from './errors.js'

/** Throws unless `x` is an array of `nin` entries; `caller` names the method in the message. */
export function checkInput(caller: string, x: readonly Operand[], nin: number): void {
  if (!Array.isArray(x))
    throw new InvalidOptionError(
      `${caller} input`,
      x,
      'an array of numbers or Values, such as [0.5, -1]',
    )
  if (x.length !== nin) throw new InputSizeError(caller, nin, x.length)
}
