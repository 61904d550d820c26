/**
 * The font every picture names first. Graphviz knows its glyph widths, so boxes fit their text, and
 * the PNG renderer ships it, so text shows on machines without system fonts.
 */
export const FONT_FAMILY = 'DejaVu Sans'

/** What SVG text asks for, so browsers without DejaVu Sans fall back to a similar sans-serif. */
export const FONT_STACK = 'DejaVu Sans, Verdana, Arial, Helvetica, sans-serif'

/**
 * Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
 *
 * @example
 * ```ts
 * import { OKABE_ITO } from '@mg/viz'
 * const positive = OKABE_ITO.blue
 * ```
 */
export const OKABE_ITO = {
  /** `#0072B2`: the first class, loss and function curves, and positive weights. */
  blue: '#0072B2',
  /** `#D55E00`: the second class, accuracy curves, the first tangent and negative weights. */
  vermillion: '#D55E00',
  /** `#009E73`: the third class and the second tangent. */
  bluishGreen: '#009E73',
  /** `#E69F00`: the fifth class. */
  orange: '#E69F00',
  /** `#CC79A7`: the fourth class and the third tangent. */
  reddishPurple: '#CC79A7',
  /** `#56B4E9`: the sixth class. */
  skyBlue: '#56B4E9',
  /** `#F0E442`: the seventh class. */
  yellow: '#F0E442',
  /** `#000000`: the eighth class. */
  black: '#000000',
} as const

/** Colours for classes or series, in the order they are handed out. */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
]

/** Mixes `color` (`#RRGGBB`) with white; `amount` 0 keeps the colour, 1 gives white. */
export function tint(color: string, amount: number): string {
  const channels = [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16))
  const mixed = channels.map((channel) => Math.round(channel + (255 - channel) * amount))
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`
}
