import { EngineError } from '../errors.js'
import { OPS } from '../ops.js'

/**
 * What a `Value` was declared as when compiling a graph. A `'sample output'` is one of `samples`'
 * outputs, counted row by row: output `j` of sample `s` is number `s · width + j`.
 */
export type DeclaredRole = 'input' | 'parameter' | 'observed' | 'sample output'

/**
 * Thrown by `compileGraph` when a declared input, parameter or observed value is not part of the
 * output's graph: the output does not depend on it, so replaying the graph would ignore it. This
 * is how recorded data-dependent code usually shows: a value read through `.data` (or a branch on
 * it) becomes a constant, and the graph no longer reaches the `Value` it came from.
 *
 * @group Errors
 */
export class UnreachableValueError extends EngineError {
  constructor(
    /** How the value was declared. */
    readonly role: DeclaredRole,
    /** Its position in the declared list. */
    readonly index: number,
    /** Its label (`''` when it has none). */
    readonly label: string,
  ) {
    const name = label ? ` (labelled "${label}")` : ''
    super(
      `compileGraph: ${role} ${index}${name} is not reachable from the output, so the compiled ` +
        `graph could never use it. Build the output from this Value with ops (not from its .data), ` +
        `or leave it out of the ${role === 'observed' ? 'observed values' : `${role}s`}.`,
    )
  }
}

/**
 * Thrown by `compileGraph` when a declared input or parameter is the result of an op, not a leaf.
 *
 * @group Errors
 */
export class NotALeafError extends EngineError {
  constructor(
    /** How the value was declared. */
    readonly role: DeclaredRole,
    /** Its position in the declared list. */
    readonly index: number,
    /** The op that produced it. */
    readonly op: string,
  ) {
    super(
      `compileGraph: ${role} ${index} must be a leaf Value (made with new Value(...)), ` +
        `received the result of ${op}. Declare the leaves the graph starts from.`,
    )
  }
}

/**
 * Thrown by `compileGraph` when the same `Value` is declared twice among inputs and parameters.
 *
 * @group Errors
 */
export class DuplicateDeclarationError extends EngineError {
  constructor(
    /** Where it was declared first, e.g. `'parameter 3'`. */
    readonly first: string,
    /** Where it was declared again. */
    readonly second: string,
  ) {
    super(
      `compileGraph: the same Value is declared as ${first} and as ${second}; ` +
        'each input or parameter must be listed once.',
    )
  }
}

/**
 * Thrown when a flat array given to a compiled graph has the wrong length.
 *
 * @group Errors
 */
export class DataLengthError extends EngineError {
  constructor(
    /** What the array was for, e.g. `'setInputs'`. */
    readonly target: string,
    /** The length required. */
    readonly expected: number,
    /** The length received. */
    readonly received: number,
  ) {
    super(
      `${target}: expected ${expected} numbers (one per declared slot, in declaration order), ` +
        `received ${received}.`,
    )
  }
}

/**
 * Thrown by `compileGraph` for a node made by an op that compiled graphs cannot replay.
 *
 * @group Errors
 */
export class UnsupportedOpError extends EngineError {
  constructor(
    /** The op. */
    readonly op: string,
  ) {
    super(
      `compileGraph: cannot replay the op "${op}". Compiled graphs support every op of the op ` +
        `table (${Object.keys(OPS).join(', ')}) and what is built from them (sub, neg, div).`,
    )
  }
}
