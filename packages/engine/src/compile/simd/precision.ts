/** The type of a compiled graph's numbers: float64 (the `Value` API's) or float32. */
export type Precision = 'float64' | 'float32'

/**
 * Columns the matrix kernel computes at a time, per precision: two SIMD vectors, of two float64 or
 * four float32 lanes. A matrix it writes is as wide as its column count rounded up to this.
 */
export const COLUMN_BLOCK: Readonly<Record<Precision, number>> = { float64: 4, float32: 8 }
