import { describe, expect, it } from 'vitest'
import { BITMAP_SIDE, bitmapToPixels, strokesToBitmap } from '../../src/digits/pad-bitmap.js'

/** The inked cells' columns and rows. */
function extent(bitmap: Uint8Array) {
  const columns: number[] = []
  const rows: number[] = []
  bitmap.forEach((inked, cell) => {
    if (!inked) return
    columns.push(cell % BITMAP_SIDE)
    rows.push(Math.floor(cell / BITMAP_SIDE))
  })
  return {
    columns: [Math.min(...columns), Math.max(...columns)],
    rows: [Math.min(...rows), Math.max(...rows)],
  }
}

describe('the drawing pad’s bitmap', () => {
  it('is empty, and all zeros as pixels, before anything is drawn', () => {
    const bitmap = strokesToBitmap([])
    expect(bitmap.every((cell) => cell === 0)).toBe(true)
    expect(bitmapToPixels(bitmap)).toEqual(new Array(64).fill(0))
  })

  it('scales a short stroke anywhere on the pad to fill the height, centred', () => {
    const stroke = [
      [0.1, 0.1],
      [0.1, 0.5],
    ] as const
    const { columns, rows } = extent(strokesToBitmap([stroke]))
    expect(rows).toEqual([0, 31])
    // A pen 4 cells wide, around the middle column.
    expect(columns).toEqual([14, 17])
  })

  it('counts inked cells per 4 × 4 block, over 16', () => {
    const pixels = bitmapToPixels(
      strokesToBitmap([
        [
          [0.5, 0.2],
          [0.5, 0.8],
        ],
      ]),
    )
    expect(pixels).toHaveLength(64)
    for (let row = 0; row < 8; row++) {
      const line = pixels.slice(row * 8, row * 8 + 8)
      // A vertical bar in the two middle columns, ink everywhere else nil.
      expect(line[3]! + line[4]!).toBeGreaterThan(0.9)
      expect(line.filter((_, column) => column !== 3 && column !== 4).every((p) => p === 0)).toBe(
        true,
      )
    }
    expect(pixels.every((p) => p >= 0 && p <= 1)).toBe(true)
  })

  it('keeps a dot small instead of blowing it up', () => {
    const pixels = bitmapToPixels(strokesToBitmap([[[0.5, 0.5]]]))
    expect(pixels.filter((p) => p > 0).length).toBeLessThanOrEqual(4)
  })
})
