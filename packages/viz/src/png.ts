/**
 * Node-only entry: SVG to PNG with resvg and bundled fonts.
 *
 * @module @mg/viz/png
 */
import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import { InvalidInputError } from './errors.js'
import { booleanOption, checkOptionNames, numberOption, stringOption } from './options.js'
import { FONT_FAMILY } from './theme.js'

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Pixels per SVG pixel (default 2, sharp on high-density screens); from 0 to 10. */
  scale?: number
  /** Fill behind the picture, any CSS colour (default `'white'`); `'transparent'` keeps alpha. */
  background?: string
  /**
   * Also use the fonts installed on this machine (default `false`). The bundled DejaVu fonts are
   * always loaded, so text shows even where none are installed, and PNGs match across machines.
   */
  loadSystemFonts?: boolean
}

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']

let fontPaths: string[] | undefined

/** Paths of the DejaVu TrueType files that the `dejavu-fonts-ttf` dependency ships. */
function bundledFonts(): string[] {
  if (!fontPaths) {
    const require = createRequire(import.meta.url)
    fontPaths = FONT_FILES.map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
  }
  return fontPaths
}

/**
 * Rasterises an SVG (from `renderSvg` in `@mg/viz`, or a plot) to PNG bytes with resvg, using bundled
 * DejaVu fonts so text renders on any machine. Node only: import it from `@mg/viz/png`.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { Value } from '@mg/engine'
 * import { graphToDot, renderSvg } from '@mg/viz'
 * import { renderPng } from '@mg/viz/png'
 * const o = new Value(2, { label: 'x' }).mul(new Value(-3, { label: 'w' })).tanh()
 * writeFileSync('graph.png', renderPng(await renderSvg(graphToDot(o)), { scale: 2 }))
 * ```
 */
export function renderPng(svg: string, options: RenderPngOptions = {}): Uint8Array {
  const name = 'renderPng'
  checkOptionNames(name, options, ['scale', 'background', 'loadSystemFonts'])
  const scale = numberOption(name, 'scale', options.scale, { fallback: 2, positive: true })
  if (scale > 10) {
    throw new InvalidInputError(name, 'scale', scale, 'a number greater than 0 and at most 10')
  }
  const background = stringOption(name, 'background', options.background, 'white')
  const loadSystemFonts = booleanOption(name, 'loadSystemFonts', options.loadSystemFonts, false)
  if (typeof svg !== 'string' || !/<svg[\s>]/.test(svg)) {
    throw new InvalidInputError(name, 'svg', svg, 'an SVG document (a string containing <svg ...>)')
  }
  let renderer: Resvg
  try {
    renderer = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background,
      font: {
        loadSystemFonts,
        fontFiles: bundledFonts(),
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
        serifFamily: FONT_FAMILY,
        monospaceFamily: 'DejaVu Sans Mono',
      },
      logLevel: 'off',
    })
  } catch (error) {
    throw new InvalidInputError(name, 'svg', svg, 'a well-formed SVG document', { cause: error })
  }
  return renderer.render().asPng()
}
