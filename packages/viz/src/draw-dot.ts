import type { Value } from '@mg/engine'
import { buildDigraph, type GraphToDotOptions } from './graph/graph-to-dot.js'
import { renderSvg } from './render-svg.js'
import { type SvgPicture, show } from './show.js'

/**
 * Draws the computation graph behind `root`, every value with its data and grad, as a picture a
 * notebook shows inline: micrograd's `draw_dot(root)`. It is `show(await renderSvg(graphToDigraph(root,
 * options)))`; the picture's `svg` holds the SVG text for use outside a notebook.
 *
 * @throws {@link InvalidInputError} for a `root` that is not a `Value` or a bad option, and
 *   {@link GraphTooLargeError} as {@link graphToDigraph} does.
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { drawDot } from '@mg/viz'
 * const a = new Value(2, { label: 'a' })
 * const b = new Value(-3, { label: 'b' })
 * const e = a.mul(b)
 * e.label = 'e'
 * e.backward()
 * await drawDot(e) // the last line of a notebook cell: the graph appears
 * ```
 */
export async function drawDot(root: Value, options: GraphToDotOptions = {}): Promise<SvgPicture> {
  return show(await renderSvg(buildDigraph(root, options, 'drawDot')))
}
