/*
 * Double-double arithmetic: a number held as the unevaluated sum `hi + lo` of two doubles, good to
 * about 106 bits (Dekker 1971; Hida, Li & Bailey's QD library). Built from `+ - * /` alone, so
 * every JavaScript engine gives the same bits.
 *
 * Operations write into `result` instead of returning a pair: the trigonometry calls them millions
 * of times for large datasets, and a fresh array per call costs more than the arithmetic.
 */

/** Where each operation leaves its value, `hi + lo`. */
export const result = { hi: 0, lo: 0 }

// 2^27 + 1: Veltkamp's constant that splits a double into two 26-bit halves for an exact product.
const SPLITTER = 134217729

/** Sets `result` to `a * b` exactly (Dekker's two-product, no FMA needed). */
export function twoProduct(a: number, b: number): void {
  const product = a * b
  const aSplit = SPLITTER * a
  const aHigh = aSplit - (aSplit - a)
  const aLow = a - aHigh
  const bSplit = SPLITTER * b
  const bHigh = bSplit - (bSplit - b)
  const bLow = b - bHigh
  result.hi = product
  result.lo = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow
}

/** Sets `result` to `a + b`. */
export function add(aHigh: number, aLow: number, bHigh: number, bLow: number): void {
  // Knuth's two-sum on both halves, then two renormalisations (QD's accurate addition).
  const sum = aHigh + bHigh
  const bVirtual = sum - aHigh
  const sumError = aHigh - (sum - bVirtual) + (bHigh - bVirtual)
  const lowSum = aLow + bLow
  const lowVirtual = lowSum - aLow
  const lowError = aLow - (lowSum - lowVirtual) + (bLow - lowVirtual)
  const carry = sumError + lowSum
  const high = sum + carry
  const low = carry - (high - sum) + lowError
  result.hi = high + low
  result.lo = low - (result.hi - high)
}

/** Sets `result` to `a * b`. */
export function multiply(aHigh: number, aLow: number, bHigh: number, bLow: number): void {
  twoProduct(aHigh, bHigh)
  const high = result.hi
  const low = result.lo + (aHigh * bLow + aLow * bHigh)
  result.hi = high + low
  result.lo = low - (result.hi - high)
}

/** Sets `result` to `a / b`, by three rounds of long division. */
export function divide(aHigh: number, aLow: number, bHigh: number, bLow: number): void {
  const first = aHigh / bHigh
  multiply(bHigh, bLow, first, 0)
  add(aHigh, aLow, -result.hi, -result.lo)
  const second = result.hi / bHigh
  const remainderHigh = result.hi
  const remainderLow = result.lo
  multiply(bHigh, bLow, second, 0)
  add(remainderHigh, remainderLow, -result.hi, -result.lo)
  const third = result.hi / bHigh
  const high = first + second
  add(high, second - (high - first), third, 0)
}
