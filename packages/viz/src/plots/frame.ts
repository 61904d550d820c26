import type { ScaleLinear } from 'd3-scale'
import { escapeXml } from '../format.js'
import { FONT_STACK } from '../theme.js'

/** Where the plotting area sits inside the picture, in SVG pixels. */
export interface Frame {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

/** One entry of a legend: a line, a dashed line, a marker or a filled swatch. */
export interface LegendItem {
  readonly label: string
  readonly color: string
  readonly kind: 'line' | 'dashed' | 'swatch' | 'marker'
  /** For `marker`: the marker's SVG, drawn centred on (0, 0). */
  readonly marker?: string
}

const TEXT = '#222222'
const AXIS = '#444444'
const GRID = '#E6E6E6'

/** Lays out a picture of `width` × `height` with room for a title, tick labels and axis labels. */
export function makeFrame(width: number, height: number, extraRight = 0): Frame {
  return { width, height, left: 64, right: width - 24 - extraRight, top: 48, bottom: height - 52 }
}

/** Opens the SVG document with a white background, the title and an accessible name. */
export function openSvg(frame: Frame, title: string): string {
  const safeTitle = escapeXml(title)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" font-family="${FONT_STACK}" role="img">`,
    `<title>${safeTitle}</title>`,
    `<rect width="${frame.width}" height="${frame.height}" fill="white"/>`,
    `<text x="${frame.width / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold" fill="${TEXT}">${safeTitle}</text>`,
  ].join('\n')
}

/** A clip path id'd `clipId` that keeps drawings inside the plotting area. */
export function clipPath(frame: Frame, clipId: string): string {
  return `<defs><clipPath id="${clipId}"><rect x="${frame.left}" y="${frame.top}" width="${frame.right - frame.left}" height="${frame.bottom - frame.top}"/></clipPath></defs>`
}

/** The bottom axis: baseline, ticks, tick labels, light vertical grid lines and the axis label. */
export function bottomAxis(frame: Frame, scale: ScaleLinear<number, number>, label: string) {
  const ticks = scale.ticks(8)
  const format = scale.tickFormat(8)
  const parts = [`<g class="axis axis-x" font-size="12" fill="${TEXT}">`]
  for (const tick of ticks) {
    const x = round(scale(tick))
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${frame.top}" y2="${frame.bottom}" stroke="${GRID}"/>`,
      `<line x1="${x}" x2="${x}" y1="${frame.bottom}" y2="${frame.bottom + 5}" stroke="${AXIS}"/>`,
      `<text x="${x}" y="${frame.bottom + 19}" text-anchor="middle">${escapeXml(minus(format(tick)))}</text>`,
    )
  }
  parts.push(
    `<line x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}" stroke="${AXIS}"/>`,
    `<text x="${(frame.left + frame.right) / 2}" y="${frame.height - 12}" text-anchor="middle" font-size="13">${escapeXml(label)}</text>`,
    '</g>',
  )
  return parts.join('\n')
}

/** A vertical axis on the left or right of the plotting area. */
export function sideAxis(
  frame: Frame,
  scale: ScaleLinear<number, number>,
  label: string,
  side: 'left' | 'right',
  format: (value: number) => string = scale.tickFormat(6),
  grid = side === 'left',
): string {
  const x = side === 'left' ? frame.left : frame.right
  const direction = side === 'left' ? -1 : 1
  const anchor = side === 'left' ? 'end' : 'start'
  const parts = [`<g class="axis axis-y" font-size="12" fill="${TEXT}">`]
  for (const tick of scale.ticks(6)) {
    const y = round(scale(tick))
    if (grid) {
      parts.push(
        `<line x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" stroke="${GRID}"/>`,
      )
    }
    parts.push(
      `<line x1="${x}" x2="${x + 5 * direction}" y1="${y}" y2="${y}" stroke="${AXIS}"/>`,
      `<text x="${x + 8 * direction}" y="${y + 4}" text-anchor="${anchor}">${escapeXml(minus(format(tick)))}</text>`,
    )
  }
  const labelX = side === 'left' ? 16 : frame.right + 52
  const middle = (frame.top + frame.bottom) / 2
  parts.push(
    `<line x1="${x}" x2="${x}" y1="${frame.top}" y2="${frame.bottom}" stroke="${AXIS}"/>`,
    `<text transform="translate(${labelX} ${middle}) rotate(-90)" text-anchor="middle" font-size="13">${escapeXml(label)}</text>`,
    '</g>',
  )
  return parts.join('\n')
}

const ROW_HEIGHT = 20

/** The size a legend of `items` takes. */
function legendSize(items: readonly LegendItem[]): { width: number; height: number } {
  const widest = Math.max(...items.map((item) => approximateTextWidth(item.label, 12)))
  return { width: round(widest + 42), height: items.length * ROW_HEIGHT + 8 }
}

/**
 * A legend of `items` inside the plotting area, at whichever corner or side covers the fewest of
 * the drawn `points` (pixel coordinates), so it hides as little data as possible.
 */
export function legendAwayFrom(
  frame: Frame,
  items: readonly LegendItem[],
  points: readonly (readonly [number, number])[],
): string {
  const { width, height } = legendSize(items)
  const xs = [frame.left + 12, frame.right - width - 12]
  const ys = [frame.top + 8, (frame.top + frame.bottom - height) / 2, frame.bottom - height - 8]
  let best: [number, number] = [xs[1]!, ys[0]!]
  let fewest = Number.POSITIVE_INFINITY
  for (const y of ys) {
    for (const x of [...xs].reverse()) {
      const covered = points.filter(
        ([px, py]) => px >= x - 4 && px <= x + width + 4 && py >= y - 4 && py <= y + height + 4,
      ).length
      if (covered < fewest) {
        best = [x, y]
        fewest = covered
      }
    }
  }
  return legend(items, ...best)
}

/** A legend box whose top-left corner is at (`x`, `y`). */
export function legend(items: readonly LegendItem[], x: number, y: number): string {
  const rowHeight = ROW_HEIGHT
  const { width, height } = legendSize(items)
  const parts = [
    `<g class="legend" font-size="12" fill="${TEXT}">`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="white" fill-opacity="0.9" stroke="#BBBBBB" rx="3"/>`,
  ]
  items.forEach((item, index) => {
    const cy = y + 4 + rowHeight * index + rowHeight / 2
    parts.push(legendKey(item, x + 8, cy))
    parts.push(`<text x="${x + 34}" y="${cy + 4}">${escapeXml(item.label)}</text>`)
  })
  parts.push('</g>')
  return parts.join('\n')
}

function legendKey(item: LegendItem, x: number, y: number): string {
  switch (item.kind) {
    case 'line':
    case 'dashed': {
      const dash = item.kind === 'dashed' ? ' stroke-dasharray="6 4"' : ''
      return `<line x1="${x}" x2="${x + 20}" y1="${y}" y2="${y}" stroke="${item.color}" stroke-width="2.5"${dash}/>`
    }
    case 'swatch':
      return `<rect x="${x}" y="${y - 7}" width="20" height="14" fill="${item.color}" stroke="#999999"/>`
    case 'marker':
      return `<g transform="translate(${x + 10} ${y})">${item.marker ?? ''}</g>`
  }
}

/** Width estimate for DejaVu Sans (average advance ≈ 0.6 em), enough to size a legend box. */
function approximateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6
}

/** Rounds a pixel coordinate to 2 decimals, keeping the SVG small. */
export function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** Uses a true minus sign in tick labels, as typeset figures do. */
function minus(text: string): string {
  return text.replace(/^-/, '−')
}
