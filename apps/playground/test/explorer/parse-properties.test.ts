import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeProgram } from '../../src/explorer/analyze-program.js'
import { ExpressionSyntaxError } from '../../src/explorer/expression-errors.js'
import { parseProgram } from '../../src/explorer/parse-program.js'
import { printExpression } from '../../src/explorer/print-program.js'
import { type BinaryOperator, type Expression, FUNCTION_NAMES } from '../../src/explorer/syntax.js'

const NOWHERE = { start: 0, end: 0 }
const OPERATORS: BinaryOperator[] = ['+', '-', '*', '/', '**']

/** Arbitrary expression trees: any numbers ≥ 0 (including 1e-7 and 1e21), names, every function. */
const expression: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.nat(100), fc.double({ min: 0, max: 1e25, noNaN: true, noDefaultInfinity: true }))
      .map((value): Expression => ({ kind: 'number', value: Math.abs(value), span: NOWHERE })),
    fc
      .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/)
      .filter((name) => !FUNCTION_NAMES.includes(name))
      .map((name): Expression => ({ kind: 'name', name, span: NOWHERE })),
    fc
      .record({ name: fc.constantFrom(...FUNCTION_NAMES), argument: tie('node') })
      .map(({ name, argument }): Expression => ({ kind: 'call', name, argument, span: NOWHERE })),
    tie('node').map((operand): Expression => ({ kind: 'negate', operand, span: NOWHERE })),
    fc
      .record({ operator: fc.constantFrom(...OPERATORS), left: tie('node'), right: tie('node') })
      .map((parts): Expression => ({ kind: 'binary', ...parts, span: NOWHERE })),
  ),
})).node

/** A tree without its positions, to compare trees whatever their layout in the text. */
function shape(node: Expression): unknown {
  switch (node.kind) {
    case 'number':
      return ['number', node.value]
    case 'name':
      return ['name', node.name]
    case 'call':
      return ['call', node.name, shape(node.argument)]
    case 'negate':
      return ['negate', shape(node.operand)]
    case 'binary':
      return [node.operator, shape(node.left), shape(node.right)]
  }
}

describe('the parser, on arbitrary input', () => {
  it('reads back what the printer writes: the same tree', () => {
    fc.assert(
      fc.property(expression, (tree) => {
        const text = printExpression(tree)
        const [statement, ...rest] = parseProgram(text).statements
        expect(rest).toEqual([])
        expect(shape(statement!.expression)).toEqual(shape(tree))
      }),
      { numRuns: 2000 },
    )
  })

  it('puts each node where its text is: a span cut out of the text reads as that node', () => {
    fc.assert(
      fc.property(expression, (tree) => {
        const text = printExpression(tree)
        const parsed = parseProgram(text).statements[0]!.expression
        const { start, end } = parsed.span
        expect(shape(parseProgram(text.slice(start, end)).statements[0]!.expression)).toEqual(
          shape(parsed),
        )
      }),
    )
  })

  it('throws nothing but its own error on any text', () => {
    const pieces = fc.constantFrom(
      ...'abcxyz019.e+-*/()=;,\n #^_'.split(''),
      '**',
      'tanh',
      'exp(',
      '1e999',
      '−',
      '×',
    )
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(text, (source) => {
        try {
          analyzeProgram(parseProgram(source))
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionSyntaxError)
          const { start, end } = (error as ExpressionSyntaxError).span
          expect(0 <= start && start <= end && end <= source.length).toBe(true)
        }
      }),
      { numRuns: 5000 },
    )
  })
})
