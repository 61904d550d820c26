import { InvalidLabelError, InvalidOptionError, LengthMismatchError } from './errors.js'

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

/** Throws an {@link InvalidLabelError} for the first label that `accepts` refuses. */
export function checkLabels(
  caller: string,
  labels: readonly number[],
  accepts: (label: number) => boolean,
  allowed: string,
): void {
  labels.forEach((label, index) => {
    if (typeof label !== 'number' || !accepts(label))
      throw new InvalidLabelError(caller, index, label, allowed)
  })
}
