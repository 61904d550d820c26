import { ExpressionSyntaxError } from './expression-errors.js'
import type { Expression, NameReference, Program, Span, Statement } from './syntax.js'

/** An input of a program: a name with a slider, and the value it starts at. */
interface InputDeclaration {
  readonly name: string
  /** The value written in the text (`a = 2`), or `undefined` for a name that is only used. */
  readonly declared: number | undefined
  /** Where the input is declared, or first used. */
  readonly span: Span
}

/** What a program needs before it can run: its inputs, and the statements that compute. */
export interface ProgramPlan {
  readonly program: Program
  /** Inputs in the order the text first mentions them. */
  readonly inputs: readonly InputDeclaration[]
  /** The statements that compute values, in order (input declarations left out). */
  readonly computations: readonly Statement[]
}

/**
 * Sorts a parsed program's names into inputs and computed values. A name given a plain number
 * (`a = 2` or `b = -3`) is an input starting there; a name used but never given a value is an
 * input too (starting at 1); every other `name = …` computes a value, and may name one again later
 * (`c = c + 1` makes a new value). A name must be defined before a line uses it.
 *
 * @throws {@link ExpressionSyntaxError} for a name used above the line that defines it, or an input
 *   given a value twice.
 */
export function analyzeProgram(program: Program): ProgramPlan {
  const assignedAt = new Map<string, Statement[]>()
  for (const statement of program.statements)
    if (statement.target)
      assignedAt.set(statement.target.name, [
        ...(assignedAt.get(statement.target.name) ?? []),
        statement,
      ])
  const inputs = new Map<string, InputDeclaration>()
  const defined = new Set<string>()
  const computations: Statement[] = []
  for (const statement of program.statements) {
    for (const reference of namesIn(statement.expression)) {
      if (defined.has(reference.name)) continue
      const later = assignedAt.get(reference.name)?.[0]
      if (later === statement)
        throw new ExpressionSyntaxError(
          reference.span,
          `"${reference.name}" has no value yet on the line that defines it: give it one on an earlier line (${reference.name} = 1), or use another name.`,
        )
      if (later)
        throw new ExpressionSyntaxError(
          reference.span,
          `"${reference.name}" is used before the line that defines it (${reference.name} = …): move that line up.`,
        )
      if (!inputs.has(reference.name))
        inputs.set(reference.name, {
          name: reference.name,
          declared: undefined,
          span: reference.span,
        })
    }
    const { target } = statement
    const literal = literalValue(statement.expression)
    if (target && literal !== undefined && !defined.has(target.name)) {
      inputs.set(target.name, { name: target.name, declared: literal, span: target.span })
    } else if (target && literal !== undefined && inputs.has(target.name)) {
      throw new ExpressionSyntaxError(
        statement.span,
        `"${target.name}" already has a starting value: an input is given one value (use its slider to change it).`,
      )
    } else {
      computations.push(statement)
    }
    if (target) defined.add(target.name)
  }
  return { program, inputs: [...inputs.values()], computations }
}

/** The number a statement's right side is, when it is a plain (possibly negated) number. */
function literalValue(expression: Expression): number | undefined {
  if (expression.kind === 'number') return expression.value
  if (expression.kind === 'negate' && expression.operand.kind === 'number')
    return -expression.operand.value
  return undefined
}

/** Every name an expression reads, left to right. */
function namesIn(expression: Expression): NameReference[] {
  switch (expression.kind) {
    case 'number':
      return []
    case 'name':
      return [expression]
    case 'call':
      return namesIn(expression.argument)
    case 'negate':
      return namesIn(expression.operand)
    case 'binary':
      return [...namesIn(expression.left), ...namesIn(expression.right)]
  }
}
