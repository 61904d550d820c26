/**
 * `num` evenly spaced values from `start` to `stop`, computed exactly as numpy's `linspace` does
 * (`i * step + start` with `step = (stop - start) / div`, and the last value set to `stop` when the
 * end point is included), so the generated curves match scikit-learn's to the bit.
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  const div = endpoint ? num - 1 : num
  const delta = stop - start
  const values = new Array<number>(num)
  if (div > 0) {
    const step = delta / div
    // numpy divides first when the step underflows to 0 (denormal spans, numpy gh-5437).
    for (let i = 0; i < num; i++) values[i] = (step === 0 ? (i / div) * delta : i * step) + start
  } else {
    // A single point with the end point included: numpy multiplies by delta, giving start.
    for (let i = 0; i < num; i++) values[i] = i * delta + start
  }
  if (endpoint && num > 1) values[num - 1] = stop
  return values
}
