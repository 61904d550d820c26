import { ExpressionSyntaxError } from './expression-errors.js'

/** A piece of an expression's text. */
export interface Token {
  readonly kind: 'number' | 'name' | 'operator' | 'separator' | 'end'
  /** The token as the parser reads it: lookalikes such as `×` and `−` are given as `*` and `-`. */
  readonly text: string
  readonly start: number
  readonly end: number
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
/** Characters people paste from notes and slides, read as the operator they mean. */
const LOOKALIKES: Record<string, string> = { '−': '-', '×': '*', '·': '*', '÷': '/' }
const HINTS: Record<string, string> = {
  '^': 'write a power as ** (a**2), not ^',
  '.': 'write a function around its argument, as tanh(n), not n.tanh()',
  '[': 'group with ( and ), not [ ]',
  ']': 'group with ( and ), not [ ]',
  '{': 'group with ( and ), not { }',
  '}': 'group with ( and ), not { }',
}

/**
 * Splits an expression's text into numbers, names, operators (`+ - * / ** ( ) =`) and statement
 * separators (`;`, `,` or a new line), skipping spaces and `#` comments; ends with an `end` token.
 *
 * @throws {@link ExpressionSyntaxError} at the first character that belongs to none of them.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  const push = (kind: Token['kind'], tokenText: string, length: number) => {
    tokens.push({ kind, text: tokenText, start: index, end: index + length })
    index += length
  }
  while (index < text.length) {
    const character = text[index]!
    if (character === '#') {
      while (index < text.length && text[index] !== '\n') index++
    } else if (character === '\n' || character === ';' || character === ',') {
      push('separator', character, 1)
    } else if (/\s/.test(character)) {
      index++
    } else if (text.startsWith('**', index)) {
      push('operator', '**', 2)
    } else if ('+-*/()='.includes(character)) {
      push('operator', character, 1)
    } else if (LOOKALIKES[character] !== undefined) {
      push('operator', LOOKALIKES[character], 1)
    } else {
      const match = matchAt(NUMBER, text, index) ?? matchAt(NAME, text, index)
      if (match === undefined) throw unexpectedCharacter(text, index)
      push(/\d|\./.test(match[0]!) ? 'number' : 'name', match, match.length)
    }
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length })
  return tokens
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index
  return pattern.exec(text)?.[0]
}

function unexpectedCharacter(text: string, index: number): ExpressionSyntaxError {
  const character = String.fromCodePoint(text.codePointAt(index)!)
  const hint = HINTS[character] ?? 'use numbers, names, + - * / **, ( ) and functions such as tanh'
  return new ExpressionSyntaxError(
    { start: index, end: index + character.length },
    `Unexpected "${character}": ${hint}.`,
  )
}
