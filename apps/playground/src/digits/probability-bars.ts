/**
 * Ten rows, one per digit, each a bar as long as the probability with the percentage beside it;
 * the most probable digit stands out.
 */
export class ProbabilityBars {
  private readonly rows: { item: HTMLLIElement; bar: HTMLSpanElement; value: HTMLSpanElement }[]

  constructor(list: HTMLOListElement) {
    list.replaceChildren()
    this.rows = Array.from({ length: 10 }, (_, digit) => {
      const item = document.createElement('li')
      item.dataset.digit = String(digit)
      const label = document.createElement('span')
      label.className = 'digit'
      label.textContent = String(digit)
      const track = document.createElement('span')
      track.className = 'track'
      const bar = document.createElement('span')
      bar.className = 'bar'
      track.append(bar)
      const value = document.createElement('span')
      value.className = 'value'
      item.append(label, track, value)
      list.append(item)
      return { item, bar, value }
    })
    this.show(undefined)
  }

  /** Shows `probabilities` (ten numbers summing to 1), or empty bars for `undefined`. */
  show(probabilities: readonly number[] | undefined): void {
    const top = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : -1
    this.rows.forEach(({ item, bar, value }, digit) => {
      const probability = probabilities?.[digit] ?? 0
      bar.style.width = `${(probability * 100).toFixed(1)}%`
      value.textContent = probabilities ? `${(probability * 100).toFixed(1)} %` : '–'
      item.classList.toggle('top', digit === top)
      item.setAttribute(
        'aria-label',
        probabilities
          ? `${digit}: ${(probability * 100).toFixed(1)} percent`
          : `${digit}: none yet`,
      )
    })
  }
}
