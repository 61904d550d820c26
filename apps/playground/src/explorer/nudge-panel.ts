import type { ProgramPlan } from './analyze-program.js'
import { formatNumber } from './format-number.js'
import { nudgeInput } from './nudge.js'

/** What the nudge card needs to know of the page. */
export interface NudgeContext {
  readonly plan: ProgramPlan
  readonly values: ReadonlyMap<string, number>
  /** The output's name. */
  readonly output: string
  /** Whether the learner may see this input's gradient yet (by hand, only once found). */
  readonly gradShown: (name: string) => boolean
}

/**
 * The nudge card: pick an input and a step h; it shows how far the output moves, beside what the
 * gradient predicts, `grad × h`, and their ratio, the slope the lecture estimates by hand.
 */
export class NudgePanel {
  private readonly select: HTMLSelectElement
  private readonly step: HTMLInputElement
  private readonly body: HTMLTableSectionElement
  private context: NudgeContext | undefined

  constructor(elements: {
    select: HTMLSelectElement
    step: HTMLInputElement
    table: HTMLTableElement
  }) {
    this.select = elements.select
    this.step = elements.step
    this.body = elements.table.tBodies[0]!
    this.select.addEventListener('change', () => this.render())
    this.step.addEventListener('input', () => this.render())
  }

  /** Shows the nudge for the page as it is now. */
  show(context: NudgeContext): void {
    this.context = context
    const names = context.plan.inputs.map((input) => input.name)
    if ([...this.select.options].map((option) => option.value).join() !== names.join()) {
      const chosen = this.select.value
      this.select.replaceChildren(...names.map((name) => new Option(name, name)))
      if (names.includes(chosen)) this.select.value = chosen
    }
    this.render()
  }

  private render(): void {
    const context = this.context
    const name = this.select.value
    const h = Number(this.step.value)
    if (!context || name === '') {
      this.rows([['Nothing to nudge', 'this expression has no inputs']])
      return
    }
    if (this.step.value.trim() === '' || !Number.isFinite(h) || h === 0) {
      this.step.setAttribute('aria-invalid', 'true')
      this.rows([['h', 'type a small number other than 0, such as 0.001']])
      return
    }
    this.step.removeAttribute('aria-invalid')
    let nudge: ReturnType<typeof nudgeInput>
    try {
      nudge = nudgeInput(context.plan, context.values, name, h)
    } catch (error) {
      this.rows([['After the nudge', error instanceof Error ? error.message : String(error)]])
      return
    }
    const out = context.output
    // Eight significant digits: enough to see the output move by a small h.
    const precise = (value: number) =>
      formatNumber(value, Math.max(2, 7 - Math.floor(Math.log10(Math.abs(value) || 1))))
    const step = formatNumber(h, 8)
    const rows: [string, string][] = [
      [out, precise(nudge.before)],
      [`${out} after ${name} += ${step}`, precise(nudge.after)],
      [`Δ${out}, how far it moved`, precise(nudge.moved)],
    ]
    if (context.gradShown(name))
      rows.push(
        [`${name}.grad × h = ${formatNumber(nudge.grad)} × ${step}`, precise(nudge.predicted)],
        [`Δ${out} / h, the slope (≈ ${name}.grad)`, precise(nudge.moved / h)],
      )
    else rows.push([`${name}.grad × h`, `find ${name}.grad first`])
    this.rows(rows)
  }

  private rows(rows: readonly (readonly [string, string])[]): void {
    this.body.replaceChildren(
      ...rows.map(([heading, value]) => {
        const row = document.createElement('tr')
        const th = document.createElement('th')
        th.scope = 'row'
        th.textContent = heading
        const td = document.createElement('td')
        td.textContent = value
        row.append(th, td)
        return row
      }),
    )
  }
}
