import { domainOf, type GeneratedKind, generatePoints } from '../data/prepared-data.js'
import { classStyle } from '../render/palette.js'
import { plotTransform } from '../render/plot-geometry.js'
import type { Settings } from '../state/settings.js'

/** A thumbnail of a dataset as the current noise and seed would draw it, for the dataset picker. */
export function drawDatasetPreview(
  canvas: HTMLCanvasElement,
  settings: Settings & { dataset: GeneratedKind },
): void {
  // Thumbnails are drawn rarely (on a data change), so reading their size from layout is fine here.
  const width = canvas.clientWidth || 48
  const height = canvas.clientHeight || 48
  const ratio = window.devicePixelRatio || 1
  canvas.width = Math.round(width * ratio)
  canvas.height = Math.round(height * ratio)
  const context = canvas.getContext('2d')!
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  const points = generatePoints({ ...settings, samples: Math.min(settings.samples, 160) })
  const transform = plotTransform(domainOf(points.X), width, height)
  points.X.forEach((x, index) => {
    const [px, py] = transform.toPixel(x)
    context.fillStyle = classStyle(points.y[index]!).colour
    context.beginPath()
    context.arc(px, py, 1.6, 0, 2 * Math.PI)
    context.fill()
  })
}
