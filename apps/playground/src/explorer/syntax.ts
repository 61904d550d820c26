import { OPS } from '@mg/engine'

/** Where a piece of the source text is: character offsets, `end` exclusive. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** The infix operators of the language, as written. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '**'

/** A number written in the text, such as `2`, `0.5` or `1e-3`; never negative (`-2` is a negation). */
interface NumberLiteral {
  readonly kind: 'number'
  readonly value: number
  readonly span: Span
}

/** A name: an input, or a value defined on an earlier line. */
export interface NameReference {
  readonly kind: 'name'
  readonly name: string
  readonly span: Span
}

/** One of the engine's one-input ops applied to an expression, such as `tanh(n)`. */
interface FunctionCall {
  readonly kind: 'call'
  readonly name: string
  readonly argument: Expression
  readonly span: Span
}

/** Unary minus, `-x`. */
interface Negation {
  readonly kind: 'negate'
  readonly operand: Expression
  readonly span: Span
}

/** `left operator right`. */
interface BinaryExpression {
  readonly kind: 'binary'
  readonly operator: BinaryOperator
  readonly left: Expression
  readonly right: Expression
  readonly span: Span
}

export type Expression = NumberLiteral | NameReference | FunctionCall | Negation | BinaryExpression

/** One line (or `;`-separated part): `name = expression`, or a bare expression. */
export interface Statement {
  readonly target: NameReference | undefined
  readonly expression: Expression
  readonly span: Span
}

/** A whole text: its statements in order; the last one computes the output. */
export interface Program {
  readonly statements: readonly Statement[]
}

/**
 * The functions an expression may call: every one-input op of the engine's op table, read from
 * `OPS` so that a new op there can be called here without an edit.
 */
export const FUNCTION_NAMES: readonly string[] = Object.values(OPS).flatMap((op) =>
  op.arity === 1 ? [op.name] : [],
)
