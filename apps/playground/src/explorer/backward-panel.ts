import type { BackwardPlan } from './backward-plan.js'
import { chainRuleLine, equationOf, nameOf } from './chain-rule.js'
import { formatNumber } from './format-number.js'

/** What the panel shows: the pass as the learner runs it, the right one to compare, and where it is. */
export interface BackwardView {
  readonly plan: BackwardPlan
  readonly correct: BackwardPlan
  readonly step: number
  readonly accumulate: boolean
}

/**
 * The step-through panel: the buttons, the current step's chain-rule lines with their numbers, and
 * the whole order of steps, each one a button that jumps there.
 */
export class BackwardPanel {
  private readonly elements: Record<'lines' | 'order' | 'assignNote', HTMLElement> &
    Record<'first' | 'back' | 'step' | 'end', HTMLButtonElement> & { count: HTMLOutputElement }
  private readonly onGo: (step: number) => void
  private shownPlan: BackwardPlan | undefined

  constructor(elements: BackwardPanel['elements'], onGo: (step: number) => void) {
    this.elements = elements
    this.onGo = onGo
  }

  show({ plan, correct, step, accumulate }: BackwardView): void {
    const { lines, count, first, back, end, assignNote } = this.elements
    const total = plan.steps.length
    first.disabled = back.disabled = step === 0
    this.elements.step.disabled = end.disabled = step === total
    count.value = `Step ${step} of ${total}`
    if (plan !== this.shownPlan) this.buildOrder(plan)
    for (const [index, item] of [...this.elements.order.children].entries()) {
      item.classList.toggle('is-done', index < step - 1)
      const button = item.querySelector('button')!
      if (index === step - 1) button.setAttribute('aria-current', 'step')
      else button.removeAttribute('aria-current')
    }
    lines.replaceChildren(...this.describe(plan, correct, step, accumulate))
    assignNote.textContent = bugNote(correct)
  }

  private buildOrder(plan: BackwardPlan): void {
    this.shownPlan = plan
    this.elements.order.replaceChildren(
      ...plan.steps.map((entry, index) => {
        const item = document.createElement('li')
        const button = document.createElement('button')
        button.type = 'button'
        const node = plan.nodes[entry.node]!
        button.textContent = index === 0 ? `${nameOf(node)}.grad = 1` : equationOf(node)
        button.title = `Go to step ${index + 1}`
        button.addEventListener('click', () => this.onGo(index + 1))
        item.append(button)
        return item
      }),
    )
  }

  private describe(
    plan: BackwardPlan,
    correct: BackwardPlan,
    step: number,
    accumulate: boolean,
  ): Node[] {
    const title = document.createElement('p')
    title.className = 'step-title'
    const output = plan.nodes.at(-1)!
    if (step === 0) {
      title.textContent = 'Nothing has run yet: every grad is 0.'
      return [
        title,
        paragraph(`Step sets ${nameOf(output)}.grad = 1, then walks back one node at a time.`),
      ]
    }
    const entry = plan.steps[step - 1]!
    const node = plan.nodes[entry.node]!
    const parts: Node[] = [title]
    if (step === 1) {
      title.textContent = `Seed: ${nameOf(output)}.grad = 1`
      parts.push(
        paragraph(
          `The output’s gradient with respect to itself is 1: d${nameOf(output)}/d${nameOf(output)} = 1.`,
        ),
      )
    } else {
      title.textContent = `${equationOf(node)} passes ${nameOf(node)}.grad = ${formatNumber(plan.gradsAfter(step)[entry.node]!)} back:`
      const list = document.createElement('ul')
      list.className = 'chain-lines'
      for (const contribution of entry.contributions) {
        const item = document.createElement('li')
        const code = document.createElement('code')
        code.textContent = chainRuleLine(plan, step - 1, contribution, accumulate)
        item.append(code)
        list.append(item)
      }
      parts.push(list)
    }
    if (step === plan.steps.length) parts.push(paragraph(finalNote(plan, correct, accumulate)))
    return parts
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p')
  element.textContent = text
  return element
}

/** What the end of the pass means; with `=`, which gradients came out wrong and why. */
function finalNote(plan: BackwardPlan, correct: BackwardPlan, accumulate: boolean): string {
  if (accumulate) return 'Done: every grad is now what backward() gives.'
  const got = plan.gradsAfter(plan.steps.length)
  const right = correct.gradsAfter(correct.steps.length)
  const wrong = plan.nodes.flatMap((node, index) =>
    got[index] === right[index]
      ? []
      : [
          `${nameOf(node)}.grad is ${formatNumber(got[index]!)}, not ${formatNumber(right[index]!)}`,
        ],
  )
  return wrong.length === 0
    ? 'Done, and = gave the right gradients here, since no value is used twice.'
    : `Done, with the bug: ${wrong.join('; ')}. Each later use overwrote what an earlier one sent.`
}

/** Which values are used more than once, the ones the `=` bug gets wrong. */
function bugNote(plan: BackwardPlan): string {
  const uses = new Map<number, number>()
  for (const step of plan.steps)
    for (const { child } of step.contributions) uses.set(child, (uses.get(child) ?? 0) + 1)
  const shared = [...uses]
    .filter(([, count]) => count > 1)
    .map(([index]) => nameOf(plan.nodes[index]!))
  return shared.length === 0
    ? 'No value here is used twice, so = and += agree. Try a + a.'
    : `Used more than once: ${shared.join(', ')}. With =, each use overwrites the last.`
}
