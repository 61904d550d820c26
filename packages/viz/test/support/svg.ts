import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom'

/** Parses an SVG strictly: any XML error or warning fails the test. */
function parseSvg(svg: string) {
  const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(
    svg,
    'image/svg+xml',
  )
  const root = document.documentElement
  if (root?.nodeName !== 'svg') throw new Error(`not an SVG document: ${root?.nodeName}`)
  return document
}

/** Every element of the document with the given tag name and class (or all of that tag). */
export function elements(svg: string, tag: string, className?: string) {
  const found = Array.from(parseSvg(svg).getElementsByTagName(tag))
  if (className === undefined) return found
  return found.filter((element) =>
    (element.getAttribute('class') ?? '').split(/\s+/).includes(className),
  )
}

/** Vertices of an SVG path made of M/L commands (d3's line generator output). */
export function pathVertices(d: string): [number, number][] {
  return Array.from(
    d.matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g),
    (match) => [Number(match[1]), Number(match[2])],
  )
}

/** Every element, of any tag, carrying the given class. */
export function withClass(svg: string, className: string) {
  return elements(svg, '*', className)
}
