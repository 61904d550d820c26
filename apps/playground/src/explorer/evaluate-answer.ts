import { OPS, type OpName } from '@mg/engine'
import { ExpressionSyntaxError } from './expression-errors.js'
import { parseProgram } from './parse-program.js'
import type { Expression } from './syntax.js'

/**
 * Reads a learner's answer: a number, or an expression over numbers and the program's names, each
 * standing for its data at full precision (`1 - o**2`, `2 * -2`).
 *
 * @throws {@link ExpressionSyntaxError} for text that is not one expression, an unknown name, or a
 *   result that is not a finite number.
 * @example
 * ```ts
 * import { evaluateAnswer } from './evaluate-answer.js'
 * evaluateAnswer('1 - o**2', new Map([['o', 0.5]])) // 0.75
 * ```
 */
export function evaluateAnswer(text: string, names: ReadonlyMap<string, number>): number {
  const { statements } = parseProgram(text)
  const [statement] = statements
  if (statements.length !== 1 || statement!.target)
    throw new ExpressionSyntaxError(
      statement!.span,
      'Type one number or expression, such as -4 or 1 - o**2.',
    )
  const evaluate = (node: Expression): number => {
    switch (node.kind) {
      case 'number':
        return node.value
      case 'name': {
        const value = names.get(node.name)
        if (value === undefined)
          throw new ExpressionSyntaxError(
            node.span,
            `There is no value named "${node.name}" here: use the names of the expression (${[...names.keys()].join(', ')}).`,
          )
        return value
      }
      case 'call': {
        const op = OPS[node.name as OpName]
        return op.arity === 1 ? op.forward(evaluate(node.argument)) : Number.NaN
      }
      case 'negate':
        return -evaluate(node.operand)
      case 'binary': {
        const left = evaluate(node.left)
        const right = evaluate(node.right)
        if (node.operator === '+') return left + right
        if (node.operator === '-') return left - right
        if (node.operator === '*') return left * right
        if (node.operator === '/') return left / right
        return OPS.pow.forward(left, right)
      }
    }
  }
  const value = evaluate(statement!.expression)
  if (!Number.isFinite(value))
    throw new ExpressionSyntaxError(statement!.span, `That comes to ${value}, not a finite number.`)
  return value
}
