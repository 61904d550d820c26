import { NonFiniteResultError, Value } from '@mg/engine'
import { InvalidInputError, NonFiniteDataError } from '../errors.js'

/** f(x), or undefined where f leaves its domain (the engine refuses a non-finite result). */
export function evaluate(name: string, f: (x: Value) => Value, x: number): number | undefined {
  let result: unknown
  try {
    result = f(new Value(x))
  } catch (error) {
    if (error instanceof NonFiniteResultError) return undefined
    throw error
  }
  const data = typeof result === 'number' ? result : (result as Partial<Value> | undefined)?.data
  if (typeof data !== 'number') {
    throw new InvalidInputError(name, `f(${x})`, result, 'a Value (or number)')
  }
  if (!Number.isFinite(data)) {
    throw new NonFiniteDataError(name, `f(${x})`, data, 'Narrow [from, to] to where f is defined.')
  }
  return data
}

/** The point on f at `x` and the slope there, from one backward pass. */
export function tangentAt(name: string, f: (x: Value) => Value, x: number) {
  const input = new Value(x)
  const output = f(input)
  if (typeof (output as Partial<Value> | undefined)?.backward !== 'function') {
    throw new InvalidInputError(
      name,
      `f(${x})`,
      output,
      'a Value computed from the argument, so backward() can give the slope',
    )
  }
  output.backward()
  return { x, y: output.data, slope: input.grad }
}
