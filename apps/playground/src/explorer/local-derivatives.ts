import type { OpName } from '@mg/engine'

/**
 * How one op's local derivatives read, for the chain-rule lines and the hints of the by-hand mode.
 * The numbers always come from the engine's op table; this is only their wording.
 */
export interface LocalDerivativeText {
  /**
   * ∂out/∂input for each operand, in operand order (one for a one-input op; one for every term of
   * `sum`; for `dot`, the first for each x and the second for each w). In the text, `{x}`, `{a}`,
   * `{b}`, `{out}` and `{other}` (the matching factor of `dot`) stand for those values' data.
   */
  readonly formulas: readonly string[]
  /** The rule in words, said when a learner's answer is wrong. */
  readonly rule: string
}

/**
 * The wording of every op's local derivative, by op name: one table, so each explanation is
 * written once. Its type asks for an entry for every op of the engine's `OPS`.
 */
export const LOCAL_DERIVATIVES: { readonly [Name in OpName]: LocalDerivativeText } = {
  add: { formulas: ['1', '1'], rule: 'a sum passes its gradient to each term unchanged' },
  mul: { formulas: ['{b}', '{a}'], rule: "each factor's local derivative is the other factor" },
  pow: {
    formulas: ['{b} × {a}^({b} - 1)', '{out} × ln({a})'],
    rule: 'the power rule: d(aⁿ)/da = n·aⁿ⁻¹ (and d(aᵇ)/db = aᵇ·ln a)',
  },
  relu: {
    formulas: ['({out} > 0 ? 1 : 0)'],
    rule: 'relu passes the gradient on where its output is above 0 and stops it elsewhere',
  },
  tanh: { formulas: ['(1 - {out}²)'], rule: 'tanh′(x) = 1 − tanh(x)², written with its output' },
  exp: {
    formulas: ['{out}'],
    rule: 'eˣ is its own derivative, so the local derivative is the output',
  },
  log: { formulas: ['1 / {x}'], rule: 'd(ln x)/dx = 1/x' },
  sigmoid: {
    formulas: ['{out} × (1 - {out})'],
    rule: 'σ′(x) = σ(x)·(1 − σ(x)), written with its output',
  },
  sin: { formulas: ['cos({x})'], rule: 'd(sin x)/dx = cos x' },
  cos: { formulas: ['-sin({x})'], rule: 'd(cos x)/dx = −sin x' },
  abs: {
    formulas: ['sign({x})'],
    rule: 'd|x|/dx is 1 for positive x and −1 for negative x (0 at 0)',
  },
  sum: { formulas: ['1'], rule: 'a sum passes its gradient to each term unchanged' },
  dot: {
    formulas: ['{other}', '{other}'],
    rule: "each product's factor gets the other factor as its local derivative",
  },
}

/** How a value is named in a formula: a constant by its number, anything else as `name.data`. */
export type DataWriter = (role: 'x' | 'a' | 'b' | 'out' | 'other') => string

/**
 * The local derivative of input `slot` of an `op` node, as text: `LOCAL_DERIVATIVES`' formula
 * with each `{role}` written by `write`.
 */
export function localDerivativeText(
  op: OpName,
  slot: number,
  operandCount: number,
  write: DataWriter,
): string {
  const { formulas } = LOCAL_DERIVATIVES[op]
  const index =
    op === 'dot' ? (slot < operandCount / 2 ? 0 : 1) : Math.min(slot, formulas.length - 1)
  return formulas[index]!.replace(/\{(x|a|b|out|other)\}/g, (_, role) => write(role))
}
