/** A point of a stroke on the drawing pad, each coordinate from 0 (left, top) to 1. */
export type PadPoint = readonly [x: number, y: number]
/** One stroke: the points the pointer passed through while pressed. */
export type Stroke = readonly PadPoint[]

/** Side of the bitmap the digits were made from: 32 × 32 cells, 4 × 4 of them to a pixel. */
export const BITMAP_SIDE = 32
const BLOCK = 4
/** Cells the drawing's longer side spans, leaving a cell of margin, as in the digits' bitmaps. */
const SPAN = 30
/** Half the pen's width, in cells: the digits' strokes are 3 to 5 cells wide. */
const PEN_RADIUS = 2
/** A drawing smaller than this share of the pad is not blown up to full size (a dot stays a dot). */
const SMALLEST = 0.2

/**
 * Turns strokes into the 32 × 32 bitmap the digits were made from, the way their authors
 * prepared the originals: the drawing scaled so its longer side fills the box, centred, and drawn
 * with a round pen. Returns 1 for each inked cell, row by row.
 */
export function strokesToBitmap(strokes: readonly Stroke[]): Uint8Array {
  const bitmap = new Uint8Array(BITMAP_SIDE * BITMAP_SIDE)
  const points = strokes.flat()
  if (points.length === 0) return bitmap
  const xs = points.map(([x]) => x)
  const ys = points.map(([, y]) => y)
  const left = Math.min(...xs)
  const top = Math.min(...ys)
  const width = Math.max(...xs) - left
  const height = Math.max(...ys) - top
  const scale = SPAN / Math.max(width, height, SMALLEST)
  const offsetX = (BITMAP_SIDE - width * scale) / 2
  const offsetY = (BITMAP_SIDE - height * scale) / 2
  const segments = strokes.flatMap((stroke) => {
    const placed = stroke.map(
      ([x, y]): PadPoint => [offsetX + (x - left) * scale, offsetY + (y - top) * scale],
    )
    return placed.map((point, index) => [placed[Math.max(0, index - 1)]!, point] as const)
  })
  for (let row = 0; row < BITMAP_SIDE; row++) {
    for (let column = 0; column < BITMAP_SIDE; column++) {
      const cell: PadPoint = [column + 0.5, row + 0.5]
      if (segments.some(([from, to]) => distanceToSegment(cell, from, to) <= PEN_RADIUS))
        bitmap[row * BITMAP_SIDE + column] = 1
    }
  }
  return bitmap
}

/**
 * The 8 × 8 image of a 32 × 32 bitmap, as the digits were made: each pixel counts the inked cells
 * of its 4 × 4 block (0 to 16), divided by 16 to the [0, 1] the network was trained on.
 */
export function bitmapToPixels(bitmap: Uint8Array): number[] {
  const side = BITMAP_SIDE / BLOCK
  const pixels = new Array<number>(side * side).fill(0)
  bitmap.forEach((inked, cell) => {
    const row = Math.floor(cell / BITMAP_SIDE / BLOCK)
    const column = Math.floor((cell % BITMAP_SIDE) / BLOCK)
    pixels[row * side + column]! += inked
  })
  return pixels.map((count) => count / (BLOCK * BLOCK))
}

function distanceToSegment(point: PadPoint, from: PadPoint, to: PadPoint): number {
  const dx = to[0] - from[0]
  const dy = to[1] - from[1]
  const lengthSquared = dx * dx + dy * dy
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(
          0,
          Math.min(1, ((point[0] - from[0]) * dx + (point[1] - from[1]) * dy) / lengthSquared),
        )
  return Math.hypot(point[0] - (from[0] + t * dx), point[1] - (from[1] + t * dy))
}
