import { checkBoolean, checkOptions } from './checks.js'
import type { Dataset } from './dataset.js'
import { DIGITS_TEXT } from './digits-data.js'
import { InvalidParameterError } from './errors.js'

/** Rows and columns of one digit image: `X[i][row * 8 + column]` is that pixel of image `i`. */
export const DIGITS_IMAGE_SHAPE: readonly [rows: 8, columns: 8] = [8, 8]

/** The largest pixel value of the unscaled digits: each pixel counts ink in a 4 × 4 block, 0 to 16. */
export const DIGITS_PIXEL_MAX = 16

/** Options of {@link loadDigits}. */
export interface LoadDigitsOptions {
  /** Keep the digits `0 … nClass − 1` only, as scikit-learn's `n_class`. An integer 1–10; default 10. */
  nClass?: number
  /**
   * Divide every pixel by {@link DIGITS_PIXEL_MAX}, so the features lie in [0, 1], the scale a
   * network's default learning rates suit. Default `false`: scikit-learn's integers 0–16.
   */
  scale?: boolean
}

/** The digits as {@link loadDigits} returns them: a {@link Dataset} and the shape of its images. */
export interface DigitsDataset extends Dataset {
  /** `[8, 8]`: each row of `X` is an image's 64 pixels, row by row. */
  imageShape: readonly [rows: number, columns: number]
  /** The largest possible pixel value: 16, or 1 with `scale: true`. */
  pixelMax: number
}

const IMAGE_SIZE = DIGITS_IMAGE_SHAPE[0] * DIGITS_IMAGE_SHAPE[1]
let decoded: { pixels: Uint8Array; labels: Uint8Array } | undefined

/**
 * scikit-learn's handwritten digits, exactly as its `load_digits()` returns them: 1,797 images of
 * 8 × 8 pixels with integer values 0 to 16 (`X`, one row of 64 per image, read row by row) and the
 * digit each shows (`y`, 0 to 9), in scikit-learn's order. The data ships inside this package
 * (about 120 kB, loaded only by this entry point); nothing is downloaded.
 *
 * The data is the UCI "Optical Recognition of Handwritten Digits" test set by E. Alpaydin and
 * C. Kaynak (CC BY 4.0), as scikit-learn distributes it (BSD-3-Clause).
 *
 * Features are left at 0–16 unless `scale: true` divides them by 16. There is no held-out part:
 * split the data yourself, e.g. with `trainTestSplit` and `stratify: true`.
 *
 * @throws {@link @mg/datasets!InvalidParameterError | InvalidParameterError} for options that are
 * not an object, an `nClass` that is not an integer from 1 to 10, or a `scale` that is not a boolean.
 * @example
 * ```ts
 * import { trainTestSplit } from '@mg/datasets'
 * import { DIGITS_IMAGE_SHAPE, loadDigits } from '@mg/datasets/digits'
 * const digits = loadDigits({ scale: true }) // pixels / 16, in [0, 1]
 * const { train, test } = trainTestSplit(digits, { testSize: 0.25, stratify: true, seed: 0 })
 * const [rows, columns] = DIGITS_IMAGE_SHAPE // 8 × 8: X[i][row * 8 + column]
 * console.log(train.X.length, test.X.length, rows * columns) // 1347 450 64
 * ```
 */
export function loadDigits(options: LoadDigitsOptions = {}): DigitsDataset {
  const name = 'loadDigits'
  checkOptions(name, options)
  const nClass = options.nClass ?? 10
  if (typeof nClass !== 'number' || !Number.isInteger(nClass) || nClass < 1 || nClass > 10) {
    throw new InvalidParameterError(
      name,
      'nClass',
      nClass,
      'an integer from 1 to 10',
      'e.g. loadDigits({ nClass: 3 }) for the digits 0, 1 and 2.',
    )
  }
  const scale = checkBoolean(name, 'scale', options.scale ?? false)
  const { pixels, labels } = decodeDigits()
  const divisor = scale ? DIGITS_PIXEL_MAX : 1
  const X: number[][] = []
  const y: number[] = []
  labels.forEach((label, image) => {
    if (label >= nClass) return
    const row = new Array<number>(IMAGE_SIZE)
    for (let pixel = 0; pixel < IMAGE_SIZE; pixel++)
      row[pixel] = pixels[image * IMAGE_SIZE + pixel]! / divisor
    X.push(row)
    y.push(label)
  })
  return { X, y, imageShape: DIGITS_IMAGE_SHAPE, pixelMax: DIGITS_PIXEL_MAX / divisor }
}

/** Reads the shipped text once: per line a label digit, then 64 pixels as base-17 digits. */
function decodeDigits(): { pixels: Uint8Array; labels: Uint8Array } {
  if (decoded) return decoded
  const lines = DIGITS_TEXT.split('\n')
  const pixels = new Uint8Array(lines.length * IMAGE_SIZE)
  const labels = new Uint8Array(lines.length)
  lines.forEach((line, image) => {
    labels[image] = Number.parseInt(line[0]!, 10)
    for (let pixel = 0; pixel < IMAGE_SIZE; pixel++)
      pixels[image * IMAGE_SIZE + pixel] = Number.parseInt(line[pixel + 1]!, 17)
  })
  decoded = { pixels, labels }
  return decoded
}
