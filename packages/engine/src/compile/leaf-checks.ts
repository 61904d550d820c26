import { InvalidOperandError, InvalidOptionError } from '../errors.js'
import type { Value } from '../value.js'
import { DataLengthError } from './compile-errors.js'
import type { Precision } from './simd/precision.js'
import type { FloatArray, Tape } from './tape.js'

/**
 * Throws unless the `CompiledGraph` constructor was given what `compileGraph` gives it: a tape
 * and one parameter and one input `Value` per declared slot.
 */
export function checkTape(tape: Tape, parameters: unknown, inputs: unknown): void {
  const shaped =
    typeof tape === 'object' &&
    tape !== null &&
    tape.values instanceof Float64Array &&
    tape.records instanceof Int32Array
  if (!shaped)
    throw new InvalidOptionError(
      'tape',
      tape,
      'a tape recorded by compileGraph',
      'Make compiled graphs with compileGraph({ output, parameters, inputs }), not new CompiledGraph().',
      { functionName: 'CompiledGraph' },
    )
  for (const [role, values, count] of [
    ['parameters', parameters, tape.parameterCount],
    ['inputs', inputs, tape.inputCount],
  ] as const) {
    if (!Array.isArray(values) || values.length !== count)
      throw new InvalidOptionError(role, values, `an array of the tape's ${count} ${role}`, '', {
        functionName: 'CompiledGraph',
      })
  }
}

/** Names the first parameter or input whose data is not finite, for `forward()` to throw. */
export function nonFiniteLeaf(
  values: FloatArray,
  parameters: readonly Value[],
  inputs: readonly Value[],
): InvalidOperandError {
  const leafEnd = parameters.length + inputs.length
  let slot = 0
  while (slot < leafEnd - 1 && Number.isFinite(values[slot])) slot++
  const isParameter = slot < parameters.length
  const index = isParameter ? slot : slot - parameters.length
  const leaf = isParameter ? parameters[index] : inputs[index]
  const label = leaf?.label ? ` (labelled "${leaf.label}")` : ''
  return new InvalidOperandError(
    `forward: ${isParameter ? 'parameterData' : 'inputData'}[${index}]${label}`,
    values[slot],
  )
}

/**
 * Throws unless `data` is an array-like of `expected` finite numbers (within float32's range for a
 * float32 graph, where a larger number would be stored as Infinity), checking every entry before
 * the caller writes any, so a bad entry leaves the graph's data as it was.
 */
export function checkInputData(
  data: ArrayLike<number>,
  expected: number,
  precision: Precision,
): void {
  if (typeof data !== 'object' || data === null || typeof data.length !== 'number')
    throw new InvalidOptionError(
      'data',
      data,
      `an array or Float64Array of ${expected} numbers, one per input`,
      '',
      { functionName: 'setInputs' },
    )
  if (data.length !== expected) throw new DataLengthError('setInputs', expected, data.length)
  for (let index = 0; index < expected; index++) {
    const number = data[index]
    if (
      !Number.isFinite(number) ||
      (precision === 'float32' && !Number.isFinite(Math.fround(number as number)))
    )
      throw new InvalidOperandError(`setInputs[${index}]`, number)
  }
}
