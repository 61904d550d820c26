import { Value, walkGraph } from '@mg/engine'

/** The lecture's first function, f(x) = 3x² − 4x + 5, on plain numbers. */
export function lessonFunction(x: number): number {
  return 3 * x ** 2 - 4 * x + 5
}

/** Its slope by hand, f′(x) = 6x − 4, the reference the other two slopes are judged against. */
export function exactSlope(x: number): number {
  return 6 * x - 4
}

/**
 * The forward difference (f(x + h) − f(x)) / h, as in the lecture's first cell. Its error shrinks
 * with `h` until floating-point cancellation takes over near h ≈ 1e-8.
 */
export function numericSlope(x: number, h: number): number {
  return (lessonFunction(x + h) - lessonFunction(x)) / h
}

/**
 * f and its slope at `x` by building the expression from `Value`s and calling `backward()`; the
 * intermediate values are labelled so the graph reads like the formula.
 */
export function backpropSlope(x: number): { value: number; slope: number; output: Value } {
  const input = new Value(x, { label: 'x' })
  const square = input.pow(2)
  square.label = 'x²'
  const quadratic = square.mul(3)
  quadratic.label = '3x²'
  const linear = input.mul(4)
  linear.label = '4x'
  const difference = quadratic.sub(linear)
  difference.label = '3x² − 4x'
  // sub is add(neg): name the negation too, so every box in the picture has a name.
  const negated = difference.children[1]
  if (negated) negated.label = '−4x'
  const output = difference.add(5)
  output.label = 'f'
  // The numbers in the formula become constant leaves; naming them after their value reads better.
  for (const node of walkGraph(output).nodes)
    if (node.op === '' && node.label === '') node.label = String(node.data)
  output.backward()
  return { value: output.data, slope: input.grad, output }
}
