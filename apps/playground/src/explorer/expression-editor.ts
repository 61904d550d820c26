import { ExpressionSyntaxError, type ExpressionValueError } from './expression-errors.js'

/** Rows the text box grows to before it scrolls. */
const MAX_ROWS = 14

/**
 * The expression's text box and the message under it: a mistake is shown on its line, with the
 * character marked and a caret under it, and a button that puts the cursor there.
 */
export class ExpressionEditor {
  private readonly textarea: HTMLTextAreaElement
  private readonly problem: HTMLElement

  constructor(textarea: HTMLTextAreaElement, problem: HTMLElement, onEdit: (text: string) => void) {
    this.textarea = textarea
    this.problem = problem
    textarea.addEventListener('input', () => {
      this.fitRows()
      onEdit(textarea.value)
    })
  }

  get text(): string {
    return this.textarea.value
  }

  /** Replaces the text (a preset, a link) without reporting an edit. */
  set text(text: string) {
    this.textarea.value = text
    this.fitRows()
  }

  /** Shows the mistake, or clears the message when `error` is `undefined`. */
  showProblem(error: ExpressionSyntaxError | ExpressionValueError | undefined): void {
    this.problem.replaceChildren()
    if (!error) {
      this.textarea.removeAttribute('aria-invalid')
      return
    }
    this.textarea.setAttribute('aria-invalid', 'true')
    const text = this.textarea.value
    const { start, end } = error.span
    const located = error instanceof ExpressionSyntaxError || end > start
    const message = document.createElement('p')
    message.className = 'problem-message'
    if (located) {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1
      const lineEndIndex = text.indexOf('\n', start)
      const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex
      const line = text.slice(lineStart, lineEnd)
      const column = start - lineStart
      const width = Math.max(1, Math.min(end, lineEnd) - start)
      const source = document.createElement('pre')
      source.className = 'problem-source'
      const marked = document.createElement('mark')
      marked.textContent = line.slice(column, column + width) || ' '
      source.append(
        line.slice(0, column),
        marked,
        line.slice(column + width),
        `\n${' '.repeat(column)}${'^'.repeat(width)}`,
      )
      const lineNumber = text.slice(0, start).split('\n').length
      message.textContent = `Line ${lineNumber}, column ${column + 1}: ${error.message}`
      const jump = document.createElement('button')
      jump.type = 'button'
      jump.className = 'button quiet small'
      jump.textContent = 'Go to the mistake'
      jump.addEventListener('click', () => {
        this.textarea.focus()
        this.textarea.setSelectionRange(start, Math.max(start, Math.min(end, text.length)))
      })
      this.problem.append(source, message, jump)
    } else {
      message.textContent = error.message
      this.problem.append(message)
    }
  }

  private fitRows(): void {
    const lines = this.textarea.value.split('\n').length
    this.textarea.rows = Math.min(MAX_ROWS, Math.max(3, lines))
  }
}
