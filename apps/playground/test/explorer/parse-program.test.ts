import { describe, expect, it } from 'vitest'
import { analyzeProgram } from '../../src/explorer/analyze-program.js'
import { ExpressionSyntaxError } from '../../src/explorer/expression-errors.js'
import { parseProgram } from '../../src/explorer/parse-program.js'
import { printExpression, printProgram } from '../../src/explorer/print-program.js'

/** The error `text` gives, with the column it points at (1-based) and its message. */
function mistake(text: string): { column: number; message: string } {
  try {
    analyzeProgram(parseProgram(text))
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error
    return { column: error.span.start + 1, message: error.message }
  }
  throw new Error(`no error for ${JSON.stringify(text)}`)
}

const printed = (text: string) => printExpression(parseProgram(text).statements[0]!.expression)

describe('the expression language', () => {
  it('reads the lecture’s expressions, one statement per line or ;', () => {
    const program = parseProgram('e = a*b; d = e + c\nL = d*f')
    expect(program.statements.map((statement) => statement.target?.name)).toEqual(['e', 'd', 'L'])
    expect(printProgram(program)).toBe('e = a*b\nd = e + c\nL = d*f')
  })

  it('binds ** tightest and to the right, and unary minus below it, as Python does', () => {
    expect(printed('-a**2')).toBe('-a**2')
    expect(printed('(-a)**2')).toBe('(-a)**2')
    expect(printed('2**3**2')).toBe('2**3**2')
    expect(printed('(2**3)**2')).toBe('(2**3)**2')
    expect(printed('a - (b - c)')).toBe('a - (b - c)')
    expect(printed('(a - b) - c')).toBe('a - b - c')
    expect(printed('a / (b * c)')).toBe('a/(b*c)')
    expect(printed('a ** -b')).toBe('a**-b')
    expect(printed('tanh((x1*w1 + x2*w2) + b)')).toBe('tanh(x1*w1 + x2*w2 + b)')
  })

  it('reads every one-input op of the engine as a function', () => {
    expect(
      printed('relu(a) + tanh(b) * exp(c) - log(d) / sigmoid(e) + sin(f) * cos(g) + abs(h)'),
    ).toBe('relu(a) + tanh(b)*exp(c) - log(d)/sigmoid(e) + sin(f)*cos(g) + abs(h)')
  })

  it('takes lookalike characters pasted from notes, and # comments', () => {
    expect(printed('a × b − c · d ÷ e # a comment')).toBe('a*b - c*d/e')
  })

  it('sorts names into inputs with their starting values, and computed values', () => {
    const plan = analyzeProgram(parseProgram('a = 2; b = -3\nd = a*b + c'))
    expect(plan.inputs.map(({ name, declared }) => [name, declared])).toEqual([
      ['a', 2],
      ['b', -3],
      ['c', undefined],
    ])
    expect(plan.computations.map((statement) => statement.target?.name)).toEqual(['d'])
  })

  it.each([
    ['d = a*b +', 10, 'Expected a number, a name'],
    ['d = a*b + * c', 11, 'found "*"'],
    ['d = 2a', 6, 'to multiply, write *'],
    ['o = tanh n', 10, 'Expected "(" after tanh'],
    ['o = tahn(n)', 5, 'did you mean tanh?'],
    ['o = (a + b', 11, '")" to close the "(" at column 5'],
    ['o = a^2', 6, 'write a power as **'],
    ['o = n.tanh()', 6, 'tanh(n), not n.tanh()'],
    ['tanh = a', 1, 'name of a function'],
    ['a + b = c', 7, '"=" gives a name to a value'],
    ['d = e + c; e = a*b', 5, '"e" is used before the line that defines it'],
    ['c = c + 1', 5, 'no value yet'],
    ['a = 2; a = 3', 8, 'already has a starting value'],
    ['', 1, 'Type an expression'],
    ['x = 1e999', 5, 'too large'],
    ['x = a $ b', 7, 'Unexpected "$"'],
  ])('points at the mistake in %j and says what was expected', (text, column, words) => {
    const found = mistake(text)
    expect(found.message).toContain(words)
    expect(found.column).toBe(column)
  })

  it('refuses nesting deep enough to exhaust the stack, with its own error', () => {
    expect(mistake(`${'('.repeat(5000)}a${')'.repeat(5000)}`).message).toContain('nested')
    expect(mistake(`${'-'.repeat(5000)}a`).message).toContain('nested')
  })
})
