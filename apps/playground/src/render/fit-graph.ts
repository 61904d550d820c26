/** Graphviz measures in points; the page in CSS pixels. */
const PIXELS_PER_POINT = 4 / 3

/**
 * Sizes a Graphviz SVG inside `container`: as large as fits, never above its natural size, and
 * never below `minScale` (the container scrolls then, since smaller text stops being readable).
 * `minScale: 1` shows it at full size; `fitHeight: false` fits the width alone, for a container
 * whose height follows its content.
 */
export function fitGraph(container: HTMLElement, minScale: number, fitHeight = true): void {
  const svg = container.querySelector('svg')
  const view = svg?.viewBox.baseVal
  if (!svg || !view || view.width === 0) return
  const width = view.width * PIXELS_PER_POINT
  const height = view.height * PIXELS_PER_POINT
  const roomWidth = (container.clientWidth - 16) / width
  const roomHeight = fitHeight ? (container.clientHeight - 16) / height : roomWidth
  const scale = Math.max(minScale, Math.min(1, roomWidth, roomHeight))
  svg.setAttribute('width', `${(width * scale).toFixed(1)}px`)
  svg.setAttribute('height', `${(height * scale).toFixed(1)}px`)
}
