import { crc32, inflateSync } from 'node:zlib'
import { DOMParser } from '@xmldom/xmldom'

/**
 * Checks that `text` is a well-formed XML document with an `<svg>` root in the SVG namespace;
 * returns the root's `width` and `height` attributes.
 *
 * @throws if it is not.
 */
export function checkSvg(text: string): { width: string; height: string } {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`)
    },
  })
  const document = parser.parseFromString(text, 'image/svg+xml')
  const root = document.documentElement
  if (root?.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') {
    throw new Error(`expected an <svg> root in the SVG namespace, found <${root?.tagName}>`)
  }
  return { width: root.getAttribute('width') ?? '', height: root.getAttribute('height') ?? '' }
}

/**
 * Decodes a PNG far enough to prove it whole: the signature, every chunk's CRC, an IHDR first and an
 * IEND last, and IDAT data that inflates to exactly one filtered row per line of the image.
 *
 * @throws if any of that fails; returns the image size.
 */
export function checkPng(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!signature.every((byte, index) => bytes[index] === byte)) throw new Error('no PNG signature')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const types: string[] = []
  const data: Uint8Array[] = []
  let header: Uint8Array | undefined
  for (let offset = 8; offset < bytes.length; ) {
    const length = view.getUint32(offset)
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length)
    const type = String.fromCharCode(...typeAndData.subarray(0, 4))
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length))
      throw new Error(`bad CRC in ${type}`)
    types.push(type)
    if (type === 'IHDR') header = typeAndData.subarray(4)
    if (type === 'IDAT') data.push(typeAndData.subarray(4))
    offset += 12 + length
  }
  if (types[0] !== 'IHDR' || types.at(-1) !== 'IEND' || !header)
    throw new Error(`chunks ${types.join(',')}`)
  const headerView = new DataView(header.buffer, header.byteOffset, header.byteLength)
  const width = headerView.getUint32(0)
  const height = headerView.getUint32(4)
  const [bitDepth, colourType] = [header[8]!, header[9]!]
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType]
  if (channels === undefined || bitDepth !== 8)
    throw new Error(`unexpected colour type ${colourType}/${bitDepth}`)
  const pixels = inflateSync(Buffer.concat(data))
  if (pixels.length !== height * (1 + width * channels)) throw new Error('IDAT has the wrong size')
  return { width, height }
}

/** The text of every `<text>` element of an SVG, entities decoded, in document order. */
export function svgTexts(svg: string): string[] {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml')
  return Array.from(document.getElementsByTagName('text'), (element) => element.textContent ?? '')
}
