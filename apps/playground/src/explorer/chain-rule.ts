import { OPS, type OpName, type Value } from '@mg/engine'
import type { BackwardPlan, Contribution } from './backward-plan.js'
import { formatNumber } from './format-number.js'
import { localDerivativeText } from './local-derivatives.js'

/** Whether a leaf is a constant written in the text (labelled with its own number), not an input. */
export function isConstant(value: Value): boolean {
  return value.op === '' && value.label === String(value.data)
}

/**
 * A value's name inside a formula: bare when it is one word (`d`, `x1w1`, `c′`) or one call
 * (`relu(b - a)`), else in ( ), so that `.grad` after it reads right.
 */
export function nameOf(value: Value): string {
  return isWord(value.label) || isCall(value.label) ? value.label : `(${value.label})`
}

/** A name, possibly primed: `x1w1`, `c″`. */
export function isWord(label: string): boolean {
  return /^[\p{L}\p{N}_′″‴]+$/u.test(label)
}

/** `name(…)` whose parentheses close at its end: `relu(b - a)`, but not `exp(a) + exp(b)`. */
function isCall(label: string): boolean {
  const open = label.indexOf('(')
  if (open <= 0 || !isWord(label.slice(0, open)) || !label.endsWith(')')) return false
  let depth = 0
  for (const [index, character] of [...label].entries()) {
    if (character === '(') depth++
    if (character === ')') depth--
    if (depth === 0 && index >= open && index < label.length - 1) return false
  }
  return true
}

/** `e = a * b`, `o = tanh(n)`: how a computed node is made from its inputs. */
export function equationOf(node: Value): string {
  const op = OPS[node.op as OpName]
  // Constants read as numbers (`f ** -1`); an op's single argument needs no parentheses of its own.
  const operands = node.children.map((child) => (isConstant(child) ? child.label : nameOf(child)))
  const right =
    op.arity === 2
      ? `${operands[0]} ${op.symbol} ${operands[1]}`
      : `${op.name}(${op.arity === 1 ? node.children[0]!.label : operands.join(', ')})`
  return `${node.label} = ${right}`
}

/** The local derivative of `node` with respect to its input `slot`, as a formula over data. */
export function localFormula(node: Value, slot: number): string {
  const child = node.children[slot]!
  const arity = node.children.length
  const data = (value: Value) =>
    isConstant(value) ? formatNumber(value.data) : `${nameOf(value)}.data`
  return localDerivativeText(node.op as OpName, slot, arity, (role) => {
    if (role === 'out') return data(node)
    if (role === 'b') return data(node.children[1]!)
    if (role === 'other') return data(node.children[(slot + arity / 2) % arity]!)
    return data(role === 'a' ? node.children[0]! : child)
  })
}

/**
 * One line of the chain rule with its numbers, as the lecture says it:
 * `b.grad += a.data × e.grad = 2 × -2 = -4`. With `accumulate: false` it shows the `=` bug.
 */
export function chainRuleLine(
  plan: BackwardPlan,
  step: number,
  contribution: Contribution,
  accumulate = true,
): string {
  const node = plan.nodes[plan.steps[step]!.node]!
  const child = plan.nodes[contribution.child]!
  const { local, upstream, amount, before, after } = contribution
  const line = `${nameOf(child)}.grad ${accumulate ? '+=' : '='} ${localFormula(node, contribution.slot)} × ${nameOf(node)}.grad = ${formatNumber(local)} × ${formatNumber(upstream)} = ${formatNumber(amount)}`
  if (before === 0) return line
  return accumulate
    ? `${line}, so ${nameOf(child)}.grad = ${formatNumber(before)} + ${formatNumber(amount)} = ${formatNumber(after)}`
    : `${line}: the ${formatNumber(before)} it already held is lost`
}
