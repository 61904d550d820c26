/** The class a model's outputs name: a single score above 0 is class 1; else the largest logit's index. */
export function predictedClass(outputs: readonly number[]): number {
  if (outputs.length === 1) return outputs[0]! > 0 ? 1 : 0
  let best = 0
  outputs.forEach((output, index) => {
    if (output > outputs[best]!) best = index
  })
  return best
}
