import { InvalidInputError } from './errors.js'

/**
 * The method name Jupyter kernels for JavaScript look up to show an object as rich output (Deno's
 * kernel among them). `Symbol.for` reads the global registry, so nothing here imports a kernel.
 */
const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display')

/**
 * An SVG picture that a notebook shows inline when it is a cell's value (Deno's Jupyter kernel) or
 * the argument of `Deno.jupyter.display`. Elsewhere it is a plain object: `svg` and `toString()`
 * give the SVG text. Made by {@link show} and {@link drawDot}.
 */
export interface SvgPicture {
  /** The SVG document, as {@link renderSvg} or a plot returned it. */
  readonly svg: string
  /** The SVG text, so `String(picture)` or a template literal gives the document. */
  toString(): string
  /**
   * `[Symbol.for('Jupyter.display')]()`: the picture as a Jupyter MIME bundle, which the kernel asks
   * for. A notebook page holds every output in one document, so the SVG's `id`s (a plot's clip
   * path, Graphviz's node ids) carry a prefix of this picture's own there: two plots on one page
   * never clip each other.
   */
  [JUPYTER_DISPLAY](): {
    /** The `<svg>` element, without the XML declaration before it, its ids prefixed. */
    'image/svg+xml': string
    /** What a frontend that cannot show pictures prints instead. */
    'text/plain': string
  }
}

let pictureCount = 0

/**
 * Wraps an SVG string so that a notebook shows it inline: end a cell with `show(svg)` and the
 * picture appears, as the graphs do in micrograd's lecture. Outside a notebook it costs nothing.
 *
 * @param svg - an SVG document, e.g. from {@link renderSvg}, {@link functionPlotSvg},
 *   {@link decisionBoundarySvg} or {@link lossCurveSvg}.
 * @throws {@link InvalidInputError} when `svg` is not a string holding an `<svg>` element.
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { functionPlotSvg, show } from '@mg/viz'
 * const f = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)
 * show(functionPlotSvg(f, { at: 3 })) // the last line of a notebook cell: the plot appears
 * ```
 */
export function show(svg: string): SvgPicture {
  if (typeof svg !== 'string' || !/<svg[\s>]/.test(svg)) {
    const promised = typeof (svg as { then?: unknown } | null)?.then === 'function'
    throw new InvalidInputError(
      'show',
      'svg',
      svg,
      promised
        ? 'an SVG string, not a Promise: renderSvg is async, so write show(await renderSvg(…))'
        : 'an SVG document (a string containing <svg …>), such as renderSvg or a plot returns',
    )
  }
  pictureCount += 1
  const prefix = `mg${pictureCount}-`
  return {
    svg,
    toString: () => svg,
    [JUPYTER_DISPLAY]: () => ({ 'image/svg+xml': forNotebook(svg, prefix), 'text/plain': '[SVG]' }),
  }
}

/**
 * The `<svg>` element alone, as IPython's `SVG` gives it: pages inline it, and nbconvert refuses an
 * XML declaration (Graphviz writes one). Every `id` and every `url(#…)` and `href="#…"` reference
 * to one gets `prefix`.
 */
function forNotebook(svg: string, prefix: string): string {
  return svg
    .slice(svg.search(/<svg[\s>]/))
    .replace(/(\sid=")([^"]+")/g, `$1${prefix}$2`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/(href=")#([^"]+")/g, `$1#${prefix}$2`)
}
