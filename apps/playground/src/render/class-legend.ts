import { traceMarker } from './markers.js'
import { classStyle } from './palette.js'

/** Fills `container` with one marker and name per class, drawn as the plot draws them. */
export function showClassLegend(container: HTMLElement, classCount: number): void {
  const items = Array.from({ length: classCount }, (_, label) => {
    const item = document.createElement('span')
    item.className = 'legend-item'
    const swatch = document.createElement('canvas')
    const ratio = window.devicePixelRatio || 1
    swatch.width = 12 * ratio
    swatch.height = 12 * ratio
    swatch.className = 'swatch'
    swatch.setAttribute('aria-hidden', 'true')
    const context = swatch.getContext('2d')!
    context.scale(ratio, ratio)
    const { colour, shape } = classStyle(label)
    traceMarker(context, shape, 6, 6, 9)
    context.fillStyle = colour
    context.fill()
    item.append(swatch, `class ${label}`)
    return item
  })
  container.replaceChildren(...items)
}
