import type { Operand } from '@mg/engine'
import { dataOf } from './as-value.js'
import { InvalidLabelError, InvalidOptionError, LengthMismatchError } from './errors.js'

/** Which labels a loss takes: its name for messages, the test, and the allowed values in words. */
export interface LabelRule {
  caller: string
  accepts(label: number): boolean
  allowed: string
}

/** Throws unless `outputs` and `labels` are non-empty arrays of the same length. */
export function checkPairs(caller: string, outputs: unknown, labels: unknown): void {
  if (!Array.isArray(outputs) || outputs.length === 0)
    throw new InvalidOptionError(
      `${caller} scores`,
      outputs,
      'a non-empty array, one entry per sample',
    )
  if (!Array.isArray(labels))
    throw new InvalidOptionError(`${caller} labels`, labels, 'an array of numbers, one per sample')
  if (outputs.length !== labels.length)
    throw new LengthMismatchError(`${caller}: scores and labels`, outputs.length, labels.length)
}

/**
 * Throws an {@link InvalidLabelError} for the first label that `rule` refuses; a label held in a
 * `Value` is checked by its current data.
 */
export function checkLabels(rule: LabelRule, labels: readonly Operand[]): void {
  labels.forEach((operand, index) => {
    const label = dataOf(operand)
    if (typeof label !== 'number' || !rule.accepts(label))
      throw new InvalidLabelError(rule.caller, index, label, rule.allowed)
  })
}
