import type { Domain } from '../data/prepared-data.js'

/** Maps between data coordinates and pixels of a plot that shows `domain` in a `width × height` box. */
export interface PlotTransform {
  toPixel(point: readonly number[]): [number, number]
  toData(pixelX: number, pixelY: number): [number, number]
}

/**
 * The mapping the boundary plot uses: x grows to the right, y grows upwards, and the domain fills
 * the box exactly (the domain is square and so is the plot).
 *
 * @example
 * ```ts
 * import { plotTransform } from './plot-geometry.js'
 * plotTransform({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, 200, 200).toPixel([0, 0]) // [100, 100]
 * ```
 */
export function plotTransform(domain: Domain, width: number, height: number): PlotTransform {
  const scaleX = width / (domain.xMax - domain.xMin)
  const scaleY = height / (domain.yMax - domain.yMin)
  return {
    toPixel: ([x = 0, y = 0]) => [(x - domain.xMin) * scaleX, (domain.yMax - y) * scaleY],
    toData: (pixelX, pixelY) => [domain.xMin + pixelX / scaleX, domain.yMax - pixelY / scaleY],
  }
}

/** Round numbers for grid lines over `[min, max]`: about `count` of them, at 1, 2 or 5 × 10ⁿ. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const rough = (max - min) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough
  const ticks: number[] = []
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step)
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : Number(tick.toPrecision(12)))
  return ticks
}
