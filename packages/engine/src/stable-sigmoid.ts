/**
 * The logistic function `1 / (1 + e^-x)` without overflow for any finite `x`: for negative `x` it
 * uses `e^x / (1 + e^x)`, so `exp` never sees a large positive argument. The forward of the
 * `sigmoid` entry of the op table.
 */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x))
  const e = Math.exp(x)
  return e / (1 + e)
}
