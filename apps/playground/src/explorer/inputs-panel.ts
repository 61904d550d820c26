/** One input as the panel shows it. */
export interface InputRow {
  readonly name: string
  readonly value: number
}

/**
 * A number box and a slider for each input of the expression. Rows are rebuilt only when the
 * inputs' names change, so dragging a slider never loses its place.
 */
export class InputsPanel {
  private readonly container: HTMLElement
  private readonly onInput: (name: string, value: number) => void
  private names = ''

  constructor(container: HTMLElement, onInput: (name: string, value: number) => void) {
    this.container = container
    this.onInput = onInput
  }

  show(inputs: readonly InputRow[]): void {
    const names = inputs.map((input) => input.name).join(',')
    if (names !== this.names) {
      this.names = names
      this.container.replaceChildren(...inputs.map((input) => this.row(input)))
      if (inputs.length === 0) {
        const note = document.createElement('p')
        note.className = 'hint'
        note.textContent = 'This expression has no inputs: it is made of numbers only.'
        this.container.append(note)
      }
    }
    for (const input of inputs) {
      const [box, slider] = this.fields(input.name)
      if (document.activeElement !== box && (box.value === '' || Number(box.value) !== input.value))
        box.value = String(input.value)
      widen(slider, input.value)
      if (document.activeElement !== slider) slider.value = String(input.value)
    }
  }

  private row({ name }: InputRow): HTMLElement {
    const row = document.createElement('div')
    row.className = 'input-row'
    row.dataset.name = name
    const label = document.createElement('label')
    label.htmlFor = `explorer-input-${name}`
    label.textContent = name
    const box = document.createElement('input')
    Object.assign(box, { type: 'number', id: `explorer-input-${name}`, step: 'any' })
    box.inputMode = 'decimal'
    const slider = document.createElement('input')
    Object.assign(slider, { type: 'range', min: '-5', max: '5', step: '0.01' })
    slider.setAttribute('aria-label', `${name}, slider`)
    box.addEventListener('input', () => {
      const value = Number(box.value)
      const usable = box.value.trim() !== '' && Number.isFinite(value)
      if (!usable) {
        box.setAttribute('aria-invalid', 'true')
        return
      }
      box.removeAttribute('aria-invalid')
      this.onInput(name, value)
    })
    slider.addEventListener('input', () => this.onInput(name, Number(slider.value)))
    row.append(label, box, slider)
    return row
  }

  private fields(name: string): [HTMLInputElement, HTMLInputElement] {
    const row = [...this.container.children].find(
      (child) => (child as HTMLElement).dataset.name === name,
    )!
    const [box, slider] = row.querySelectorAll('input')
    return [box!, slider!]
  }
}

/** Grows a slider's range to hold `value` with room either side: ±5, or twice the value. */
function widen(slider: HTMLInputElement, value: number): void {
  const reach = Math.max(5, Math.ceil(Math.abs(value) * 2))
  if (Number(slider.max) < reach) {
    slider.min = String(-reach)
    slider.max = String(reach)
  }
}
