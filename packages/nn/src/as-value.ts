import { type Operand, Value } from '@mg/engine'

/** The operand itself if it is a `Value`, else a constant leaf holding the number. */
export function asValue(operand: Operand): Value {
  return operand instanceof Value ? operand : new Value(operand)
}

/** The number an operand holds now: a `Value`'s `data`, or the number itself. */
export function dataOf(operand: Operand): number {
  return operand instanceof Value ? operand.data : operand
}

/**
 * `−operand`: a number for a number, a node for a `Value`, so that a label held in a `Value` (an
 * input of a compiled graph) stays part of the graph instead of being read once through `.data`.
 */
export function negate(operand: Operand): Operand {
  return operand instanceof Value ? operand.neg() : -operand
}

/** `1 − operand`, a number or a node as {@link negate}. */
export function oneMinus(operand: Operand): Operand {
  return operand instanceof Value ? operand.neg().add(1) : 1 - operand
}
