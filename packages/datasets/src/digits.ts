/**
 * scikit-learn's handwritten digits, shipped inside the package: an entry point of its own, so
 * that importing `@mg/datasets` never loads their data.
 *
 * @module @mg/datasets/digits
 */
export type { DigitsDataset, LoadDigitsOptions } from './load-digits.js'
export { DIGITS_IMAGE_SHAPE, DIGITS_PIXEL_MAX, loadDigits } from './load-digits.js'
