import { ExpressionSyntaxError } from './expression-errors.js'
import {
  type BinaryOperator,
  type Expression,
  FUNCTION_NAMES,
  type NameReference,
  type Program,
  type Span,
  type Statement,
} from './syntax.js'
import { type Token, tokenize } from './tokenize.js'

/** Deeper nesting than this is refused, so no text can exhaust the call stack. */
const MAX_DEPTH = 200
const OPERAND = 'a number, a name, a function such as tanh(…), "(" or "-"'
const NEXT = 'an operator (+ - * / **) or the end of the line'

/**
 * Reads the explorer's little language: statements separated by new lines, `;` or `,`, each either
 * `name = expression` or an expression; the last one is the output. Expressions have numbers,
 * names, `+ - * / **` (`**` binds tightest and to the right, and `-a**2` is `-(a**2)`, as in
 * Python), unary minus, parentheses and the engine's one-input functions, such as `tanh(n)`.
 *
 * @throws {@link ExpressionSyntaxError} at the first mistake, saying what was expected there.
 * @example
 * ```ts
 * import { parseProgram } from './parse-program.js'
 * const program = parseProgram('e = a*b; d = e + c; L = d*f')
 * program.statements.length // 3
 * ```
 */
export function parseProgram(text: string): Program {
  return new Parser(text).program()
}

class Parser {
  private readonly tokens: Token[]
  private position = 0
  private depth = 0

  constructor(text: string) {
    this.tokens = tokenize(text)
  }

  program(): Program {
    const statements: Statement[] = []
    this.skipSeparators()
    while (this.peek().kind !== 'end') {
      statements.push(this.statement())
      const next = this.peek()
      if (next.kind === 'end') break
      if (next.kind !== 'separator') throw this.expected(NEXT, this.describeFollower(next))
      this.skipSeparators()
    }
    if (statements.length === 0)
      throw new ExpressionSyntaxError(
        { start: 0, end: 0 },
        'Type an expression, such as a*b + c, or pick an example.',
      )
    return { statements }
  }

  private statement(): Statement {
    const first = this.peek()
    let target: NameReference | undefined
    if (first.kind === 'name' && this.peek(1).text === '=') {
      if (FUNCTION_NAMES.includes(first.text))
        throw new ExpressionSyntaxError(
          first,
          `"${first.text}" is the name of a function: give the value another name.`,
        )
      target = { kind: 'name', name: first.text, span: spanOf(first) }
      this.position += 2
    }
    const expression = this.expression()
    if (this.peek().text === '=')
      throw this.expected(
        target ? NEXT : `${NEXT}; "=" gives a name to a value and needs a name on its left`,
        '"="',
      )
    return { target, expression, span: { start: first.start, end: expression.span.end } }
  }

  private expression(): Expression {
    return this.fromLeft(['+', '-'], () => this.term())
  }

  private term(): Expression {
    return this.fromLeft(['*', '/'], () => this.unary())
  }

  /** Operands joined by any of `operators`, grouped from the left: `a - b - c` is `(a - b) - c`. */
  private fromLeft(operators: readonly BinaryOperator[], operand: () => Expression): Expression {
    let left = operand()
    while ((operators as readonly string[]).includes(this.peek().text)) {
      const operator = this.next().text as BinaryOperator
      left = binary(operator, left, operand())
    }
    return left
  }

  private unary(): Expression {
    return this.nested(() => {
      const token = this.peek()
      if (token.text !== '-') return this.power()
      this.next()
      const operand = this.unary()
      return { kind: 'negate', operand, span: { start: token.start, end: operand.span.end } }
    })
  }

  private power(): Expression {
    const base = this.atom()
    if (this.peek().text !== '**') return base
    this.next()
    return binary('**', base, this.unary())
  }

  private atom(): Expression {
    const token = this.peek()
    if (token.kind === 'number') {
      this.next()
      const value = Number(token.text)
      if (!Number.isFinite(value))
        throw new ExpressionSyntaxError(token, `${token.text} is too large for a number.`)
      return { kind: 'number', value, span: spanOf(token) }
    }
    if (token.kind === 'name') {
      this.next()
      if (FUNCTION_NAMES.includes(token.text)) return this.call(token)
      if (this.peek().text === '(') throw unknownFunction(token)
      return { kind: 'name', name: token.text, span: spanOf(token) }
    }
    if (token.text === '(') {
      this.next()
      const inner = this.nested(() => this.expression())
      // The parentheses belong to the span, so an enclosing expression's span ends at its ")".
      return { ...inner, span: { start: token.start, end: this.close(token).end } }
    }
    throw this.expected(OPERAND, describe(token))
  }

  private call(name: Token): Expression {
    const open = this.peek()
    if (open.text !== '(')
      throw new ExpressionSyntaxError(
        { start: open.start, end: open.end },
        `Expected "(" after ${name.text}, found ${describe(open)}: ${name.text} is a function, written ${name.text}(x).`,
      )
    this.next()
    const argument = this.nested(() => this.expression())
    const close = this.close(open)
    return { kind: 'call', name: name.text, argument, span: { start: name.start, end: close.end } }
  }

  /** Reads the `)` matching `open`. */
  private close(open: Token): Token {
    const token = this.peek()
    if (token.text === ')') return this.next()
    throw this.expected(
      `")" to close the "(" at column ${open.start + 1}, or ${NEXT}`,
      this.describeFollower(token),
    )
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw new ExpressionSyntaxError(
        spanOf(this.peek()),
        `The expression is nested more than ${MAX_DEPTH} levels deep: name some parts on lines of their own.`,
      )
    try {
      return read()
    } finally {
      this.depth--
    }
  }

  private skipSeparators(): void {
    while (this.peek().kind === 'separator') this.position++
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.position++
    return token
  }

  private expected(what: string, found: string): ExpressionSyntaxError {
    return new ExpressionSyntaxError(spanOf(this.peek()), `Expected ${what}; found ${found}.`)
  }

  /** Describes a token that follows a complete operand, with a hint when a `*` seems to be missing. */
  private describeFollower(token: Token): string {
    const implicit = token.kind === 'number' || token.kind === 'name' || token.text === '('
    return implicit ? `${describe(token)} (to multiply, write *, as in 2*a)` : describe(token)
  }
}

function binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
  return {
    kind: 'binary',
    operator,
    left,
    right,
    span: { start: left.span.start, end: right.span.end },
  }
}

function spanOf(token: Token): Span {
  return { start: token.start, end: token.end }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the text'
  if (token.kind === 'separator')
    return token.text === '\n' ? 'the end of the line' : `"${token.text}"`
  return `"${token.text}"`
}

function unknownFunction(token: Token): ExpressionSyntaxError {
  const near = FUNCTION_NAMES.find((name) => editDistance(name, token.text.toLowerCase()) <= 2)
  const suggestion = near ? `did you mean ${near}? ` : ''
  return new ExpressionSyntaxError(
    spanOf(token),
    `There is no function "${token.text}": ${suggestion}The functions are ${FUNCTION_NAMES.join(', ')}. (To multiply, write ${token.text}*(…).)`,
  )
}

/** Levenshtein distance, for suggesting the function a typo meant. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = current
  }
  return previous[b.length]!
}
