/*
 * A natural logarithm computed with `+ - * /` only, good to about one unit in the last place.
 *
 * Why not Math.log: the ECMAScript spec lets each engine approximate it, and engines differ in the
 * last bit, which would make a seeded normal sample differ between Node and a browser. Arithmetic
 * alone is specified to the bit, so this gives the same result in every engine.
 */

const LN2_HIGH = Math.LN2
const LN2_LOW = 2.3190468138462996e-17
const exponentView = new DataView(new ArrayBuffer(8))

/** Natural logarithm of a positive finite `x`, within about one unit in the last place. */
export function log(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === 0 ? -Infinity : Number.NaN
  // Subnormals have no implicit leading bit; scaling by 2^64 (exact) makes them normal first.
  const scale = x < 2 ** -1022 ? 64 : 0
  exponentView.setFloat64(0, x * 2 ** scale)
  const bits = exponentView.getUint16(0)
  let exponent = (bits >>> 4) - 1023 - scale
  exponentView.setUint16(0, (bits & 0x800f) | (1023 << 4))
  let mantissa = exponentView.getFloat64(0)
  if (mantissa > Math.SQRT2) {
    mantissa /= 2
    exponent += 1
  }
  // log(1 + f) = f - (f^2/2 - s (f^2/2 + R)) with s = f / (2 + f) and R = 2 (s^2/3 + s^4/5 + ...),
  // the arrangement fdlibm uses to keep the rounding error of the small terms small.
  const f = mantissa - 1
  const s = f / (2 + f)
  const z = s * s
  let series = 2 / 23
  for (let k = 21; k >= 3; k -= 2) series = series * z + 2 / k
  const r = series * z
  const halfFSquared = 0.5 * f * f
  return exponent * LN2_HIGH - (halfFSquared - (s * (halfFSquared + r) + exponent * LN2_LOW) - f)
}
