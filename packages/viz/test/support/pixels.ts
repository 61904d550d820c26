import { Resvg } from '@resvg/resvg-js'

/** Reads a PNG's pixels back by drawing it, unscaled, into an SVG rendered by resvg itself. */
export function decodePng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const source = Buffer.from(png).toString('base64')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${source}"/></svg>`
  const { pixels } = new Resvg(svg, { font: { loadSystemFonts: false } }).render()
  return { width, height, pixels }
}

/** Pixels (RGBA) darker than mid-grey: text and lines on a white picture. */
export function darkPixels(
  pixels: Uint8Array,
  region?: { x: number; y: number; width: number; height: number; rowLength: number },
): number {
  let count = 0
  for (let index = 0; index < pixels.length; index += 4) {
    if (region) {
      const pixel = index / 4
      const x = pixel % region.rowLength
      const y = Math.floor(pixel / region.rowLength)
      if (
        x < region.x ||
        x >= region.x + region.width ||
        y < region.y ||
        y >= region.y + region.height
      )
        continue
    }
    const lightness = (pixels[index]! + pixels[index + 1]! + pixels[index + 2]!) / 3
    if (pixels[index + 3]! > 128 && lightness < 128) count++
  }
  return count
}
