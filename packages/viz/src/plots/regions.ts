import { contours } from 'd3-contour'
import type { ScaleLinear } from 'd3-scale'
import { curveLinearClosed, line } from 'd3-shape'
import type { Bounds, Mesh } from './mesh.js'

/** Polygons of every predicted class but the first, which is the background. */
export function regionPaths(
  mesh: Mesh,
  resolution: number,
  threshold: number,
  xScale: ScaleLinear<number, number>,
  yScale: ScaleLinear<number, number>,
  bounds: Bounds,
): { classIndex: number; path: string }[] {
  const generator = contours().size([resolution, resolution])
  // d3-contour puts mesh value i at grid coordinate i + 0.5, which is where it was sampled.
  const toPixels = ([column, row]: number[]): [number, number] => [
    xScale(bounds.x[0] + (column! * (bounds.x[1] - bounds.x[0])) / resolution),
    yScale(bounds.y[0] + (row! * (bounds.y[1] - bounds.y[0])) / resolution),
  ]
  const ring = line<[number, number]>().curve(curveLinearClosed)
  const pathOf = (values: ArrayLike<number>, level: number): string => {
    const [shape] = generator.thresholds([level])(Array.from(values))
    return (shape?.coordinates ?? [])
      .flatMap((polygon) => polygon.map((points) => ring(points.map(toPixels)) ?? ''))
      .join('')
  }
  if (mesh.kind === 'scores') return [{ classIndex: 1, path: pathOf(mesh.values, threshold) }]
  return mesh.margins
    .map((margins, classIndex) => ({ classIndex, path: pathOf(margins, 0) }))
    .slice(1)
}
