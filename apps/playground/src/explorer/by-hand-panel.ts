import type { BackwardPlan } from './backward-plan.js'
import { equationOf, nameOf } from './chain-rule.js'

/** Where a learner stands on one gradient. */
export interface HandAnswer {
  readonly typed: string
  readonly correct: boolean
  readonly revealed: boolean
  readonly message: string
}

/** What the page does with a learner's actions. */
export interface HandEvents {
  /** The learner asks to check `text` as the gradient of node `index`. */
  onCheck(index: number, text: string): void
  onReveal(index: number): void
  /** The learner moved to node `index`'s answer: the graph highlights it. */
  onFocus(index: number): void
}

/**
 * The by-hand list: one answer box per gradient to find, from the output back, with Check (or
 * Enter) and Reveal, and the page's verdict under each.
 */
export class ByHandPanel {
  private readonly list: HTMLOListElement
  private readonly progress: HTMLElement
  private readonly events: HandEvents
  private shownPlan: BackwardPlan | undefined

  constructor(elements: { list: HTMLOListElement; progress: HTMLElement }, events: HandEvents) {
    this.list = elements.list
    this.progress = elements.progress
    this.events = events
  }

  show(
    plan: BackwardPlan,
    asked: readonly number[],
    answers: ReadonlyMap<number, HandAnswer>,
  ): void {
    if (plan !== this.shownPlan) this.build(plan, asked)
    let found = 0
    for (const index of asked) {
      const row = this.list.querySelector<HTMLElement>(`[data-index="${index}"]`)!
      const answer = answers.get(index)
      const input = row.querySelector('input')!
      const feedback = row.querySelector('.hand-feedback')!
      const done = answer !== undefined && (answer.correct || answer.revealed)
      if (done) found++
      if (answer && document.activeElement !== input) input.value = answer.typed
      input.readOnly = done
      row.classList.toggle('is-right', answer?.correct === true)
      row.classList.toggle('is-wrong', answer !== undefined && !answer.correct && !answer.revealed)
      row.classList.toggle('is-revealed', answer?.revealed === true && !answer.correct)
      feedback.textContent = answer?.message ?? ''
      for (const button of row.querySelectorAll('button')) button.disabled = done
    }
    this.progress.textContent =
      found === asked.length
        ? `All ${asked.length} gradients found.`
        : `${found} of ${asked.length} gradients found.`
  }

  private build(plan: BackwardPlan, asked: readonly number[]): void {
    this.shownPlan = plan
    this.list.replaceChildren(
      ...asked.map((index) => {
        const node = plan.nodes[index]!
        const row = document.createElement('li')
        row.className = 'hand-row'
        row.dataset.index = String(index)
        const id = `explorer-hand-${index}`
        const label = document.createElement('label')
        label.htmlFor = id
        const name = document.createElement('code')
        name.textContent = `${nameOf(node)}.grad`
        const equation = document.createElement('span')
        equation.className = 'equation'
        equation.textContent = node.children.length > 0 ? equationOf(node) : 'input'
        label.append(name, ' ', equation)
        const input = document.createElement('input')
        Object.assign(input, { type: 'text', id, autocomplete: 'off', spellcheck: false })
        input.setAttribute('autocapitalize', 'off')
        input.setAttribute('aria-describedby', `${id}-feedback`)
        const check = button('Check', () => this.events.onCheck(index, input.value))
        const reveal = button('Reveal', () => this.events.onReveal(index))
        reveal.classList.add('quiet')
        input.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          this.events.onCheck(index, input.value)
        })
        row.addEventListener('focusin', () => this.events.onFocus(index))
        const entry = document.createElement('div')
        entry.className = 'hand-entry'
        entry.append(input, check, reveal)
        const feedback = document.createElement('p')
        feedback.className = 'hand-feedback'
        feedback.id = `${id}-feedback`
        feedback.setAttribute('aria-live', 'polite')
        row.append(label, entry, feedback)
        return row
      }),
    )
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = 'button small'
  element.textContent = text
  element.addEventListener('click', onClick)
  return element
}
