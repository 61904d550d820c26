import type { Expression, NameReference, Program } from './syntax.js'

/** How tightly each form binds: an operand that binds looser than its place allows is wrapped in ( ). */
const PRECEDENCE = { additive: 1, multiplicative: 2, unary: 3, power: 4, atom: 5 } as const

/** Writes a name; the graph passes one that adds a prime to a redefined name (`c′`). */
export type NameWriter = (reference: NameReference) => string

/**
 * Writes an expression back as text, with the fewest parentheses that keep its meaning, in the
 * lecture's style: `*`, `/` and `**` tight, `+` and `-` spaced (`a*b + c`). Parsing the result gives
 * the same tree.
 *
 * @example
 * ```ts
 * import { parseProgram } from './parse-program.js'
 * import { printExpression } from './print-program.js'
 * const [statement] = parseProgram('(a * b) + (c)').statements
 * printExpression(statement!.expression) // 'a*b + c'
 * ```
 */
export function printExpression(
  expression: Expression,
  writeName: NameWriter = (reference) => reference.name,
): string {
  const print = (node: Expression, minimum: number): string => {
    const text = printNode(node)
    return precedenceOf(node) < minimum ? `(${text})` : text
  }
  const printNode = (node: Expression): string => {
    switch (node.kind) {
      case 'number':
        return String(node.value)
      case 'name':
        return writeName(node)
      case 'call':
        return `${node.name}(${printNode(node.argument)})`
      case 'negate':
        return `-${print(node.operand, PRECEDENCE.unary)}`
      case 'binary': {
        if (node.operator === '**')
          return `${print(node.left, PRECEDENCE.atom)}**${print(node.right, PRECEDENCE.unary)}`
        const own = precedenceOf(node)
        const gap = own === PRECEDENCE.additive ? ' ' : ''
        return `${print(node.left, own)}${gap}${node.operator}${gap}${print(node.right, own + 1)}`
      }
    }
  }
  return printNode(expression)
}

/** Writes a whole program, one statement per line. */
export function printProgram(program: Program): string {
  return program.statements
    .map(({ target, expression }) =>
      target ? `${target.name} = ${printExpression(expression)}` : printExpression(expression),
    )
    .join('\n')
}

function precedenceOf(node: Expression): number {
  if (node.kind === 'negate') return PRECEDENCE.unary
  if (node.kind !== 'binary') return PRECEDENCE.atom
  if (node.operator === '**') return PRECEDENCE.power
  return node.operator === '+' || node.operator === '-'
    ? PRECEDENCE.additive
    : PRECEDENCE.multiplicative
}
