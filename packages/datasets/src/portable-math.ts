import { add, divide, multiply, result, twoProduct } from './double-double.js'

/*
 * sin and cos rounded correctly to the nearest double, computed with `+ - * /` only (the portable
 * log the generator's normals need lives with the generator, in @mg/common).
 *
 * Why not Math.sin and friends: the ECMAScript spec lets each engine approximate them, and engines
 * differ (V8's fdlibm port disagrees with glibc, and so with numpy on Linux, in about one value in
 * fifteen along the moons curve). Arithmetic alone is specified to the bit, so these functions give
 * the same results in every engine; and a correctly rounded sine equals numpy's wherever numpy's is
 * itself correctly rounded.
 */

// pi/2 as the sum of three doubles (error below 2^-160), so reduction stays exact near k*pi/2.
const HALF_PI_1 = 1.5707963267948966
const HALF_PI_2 = 6.123233995736766e-17
const HALF_PI_3 = -1.4973849048591698e-33
const TWO_OVER_PI = 0.6366197723675814
// Enough Taylor terms that the first one left out is below 2^-106 of the sum for |r| <= pi/4.
const SERIES_TERMS = 16
// Terms from here on are below 2^-50 of the sum, so plain doubles carry them accurately enough.
const DOUBLE_DOUBLE_TERMS = 8
const SIN_COEFFICIENTS = taylorCoefficients(1) // (-1)^k / (2k+1)!, as double-double pairs
const COS_COEFFICIENTS = taylorCoefficients(0) // (-1)^k / (2k)!

/** Correctly rounded sine of a finite `x` with `|x| < 2^30`. */
export function sin(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? x : Number.NaN
  const quadrant = reduceByHalfPi(x)
  const value = quadrant % 2 === 0 ? sinOfReduced() : cosOfReduced()
  return quadrant >= 2 ? -value : value
}

/** Correctly rounded cosine of a finite `x` with `|x| < 2^30`. */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN
  const quadrant = reduceByHalfPi(x)
  const value = quadrant % 2 === 0 ? cosOfReduced() : sinOfReduced()
  return quadrant === 1 || quadrant === 2 ? -value : value
}

// The reduced argument r = x - k*pi/2 in double-double, set by reduceByHalfPi.
const reduced = { hi: 0, lo: 0 }

/** Sets the reduced argument and returns `k mod 4`, with `k` the integer nearest `x / (pi/2)`. */
function reduceByHalfPi(x: number): number {
  const k = Math.round(x * TWO_OVER_PI)
  twoProduct(k, HALF_PI_1)
  add(x, 0, -result.hi, -result.lo)
  const partialHigh = result.hi
  const partialLow = result.lo
  twoProduct(k, HALF_PI_2)
  add(partialHigh, partialLow, -result.hi, -result.lo)
  add(result.hi, result.lo, -k * HALF_PI_3, 0)
  reduced.hi = result.hi
  reduced.lo = result.lo
  return ((k % 4) + 4) % 4
}

function sinOfReduced(): number {
  evaluateSeries(SIN_COEFFICIENTS)
  multiply(result.hi, result.lo, reduced.hi, reduced.lo)
  return result.hi
}

function cosOfReduced(): number {
  evaluateSeries(COS_COEFFICIENTS)
  return result.hi
}

/** Sets `result` to the series in r^2 with the given coefficients, by Horner's rule. */
function evaluateSeries(coefficients: Float64Array): void {
  multiply(reduced.hi, reduced.lo, reduced.hi, reduced.lo)
  const squareHigh = result.hi
  const squareLow = result.lo
  let tail = 0
  for (let k = SERIES_TERMS - 1; k >= DOUBLE_DOUBLE_TERMS; k--) {
    tail = tail * squareHigh + coefficients[2 * k]!
  }
  let high = tail
  let low = 0
  for (let k = DOUBLE_DOUBLE_TERMS - 1; k >= 0; k--) {
    multiply(high, low, squareHigh, squareLow)
    add(result.hi, result.lo, coefficients[2 * k]!, coefficients[2 * k + 1]!)
    high = result.hi
    low = result.lo
  }
}

/** `(-1)^k / (2k + offset)!` for k = 0, 1, ..., as interleaved high and low parts. */
function taylorCoefficients(offset: number): Float64Array {
  const coefficients = new Float64Array(2 * SERIES_TERMS)
  let high = 1
  let low = 0
  for (let n = 1; n <= offset; n++) {
    divide(high, low, n, 0)
    high = result.hi
    low = result.lo
  }
  for (let k = 0; k < SERIES_TERMS; k++) {
    coefficients[2 * k] = k % 2 === 0 ? high : -high
    coefficients[2 * k + 1] = k % 2 === 0 ? low : -low
    const n = 2 * k + offset + 1
    divide(high, low, n * (n + 1), 0)
    high = result.hi
    low = result.lo
  }
  return coefficients
}
