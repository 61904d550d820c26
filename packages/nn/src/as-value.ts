import { type Operand, Value } from '@mg/engine'

/** The operand itself if it is a `Value`, else a constant leaf holding the number. */
export function asValue(operand: Operand): Value {
  return operand instanceof Value ? operand : new Value(operand)
}
