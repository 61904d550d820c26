/**
 * Paints an 8 × 8 image (pixels in [0, 1], row by row) into a canvas of 8 × 8 device pixels, ink
 * dark on white; CSS scales it up with `image-rendering: pixelated`.
 */
export function paintPixels(canvas: HTMLCanvasElement, pixels: readonly number[]): void {
  const side = Math.round(Math.sqrt(pixels.length))
  canvas.width = side
  canvas.height = side
  const image = new ImageData(side, side)
  pixels.forEach((pixel, index) => {
    const level = Math.round(255 * (1 - Math.min(1, Math.max(0, pixel))))
    image.data.set([level, level, level, 255], index * 4)
  })
  canvas.getContext('2d')!.putImageData(image, 0, 0)
}
