/*
 * The elementwise kernel: records of an op repeated across samples, run in WebAssembly from the
 * op table's lane forms, against the JavaScript loop over the same table (simd: false).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compileGraph,
  NonFiniteGradientError,
  NonFiniteResultError,
  type Precision,
  Value,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

/**
 * A loss over `samples` samples, each a chain of ops with lane forms (mul, add, relu; tanh and
 * sigmoid backward), ops without (log, sin), a parameter every sample shares (its gradient adds
 * up over the samples) and one of its own: what a per-sample loss after a model looks like.
 */
function chainGraph(inputs: readonly number[], shared: number, own: readonly number[]) {
  const scale = new Value(shared, { label: 'scale' })
  const xs = inputs.map((x) => new Value(x))
  const offsets = own.map((o) => new Value(o))
  const terms = xs.map((x, sample) => {
    const h = x.mul(scale).add(offsets[sample]!).relu()
    const squashed = h.tanh().mul(h.sigmoid())
    return squashed.add(1).log().mul(x).add(h.sin()).exp()
  })
  const outputs = terms
  return {
    output: Value.sum(terms),
    parameters: [scale, ...offsets],
    inputs: xs,
    observed: outputs,
  }
}

const pair = (precision: Precision, declaration: ReturnType<typeof chainGraph>) =>
  [false, true].map((simd) => compileGraph({ ...declaration, precision, simd }))

/** Whether two arrays hold the same numbers, bit for bit (+0 and −0 apart). */
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, index) => Object.is(x, b[index]))

describe('the elementwise kernel', () => {
  it.each(['float64', 'float32'] as const)(
    'gives the JavaScript loop’s values and gradients to the bit (%s)',
    (precision) => {
      const sample = fc.double({ min: -3, max: 3, noNaN: true })
      fc.assert(
        fc.property(
          fc.array(fc.tuple(sample, sample), { minLength: 8, maxLength: 40 }),
          sample,
          (rows, shared) => {
            const declaration = chainGraph(
              rows.map(([x]) => x),
              shared,
              rows.map(([, o]) => o),
            )
            const [loop, kernel] = pair(precision, declaration)
            expect(kernel!.simd).toBe(true)
            for (const graph of [loop!, kernel!]) {
              graph.forward()
              graph.backward()
            }
            expect(Object.is(kernel!.value, loop!.value)).toBe(true)
            expect(sameBits(kernel!.observedData, loop!.observedData)).toBe(true)
            expect(sameBits(kernel!.parameterGrad, loop!.parameterGrad)).toBe(true)
            expect(sameBits(kernel!.inputGrad, loop!.inputGrad)).toBe(true)
          },
        ),
        { numRuns: 40 },
      )
    },
  )

  it.each(['float64', 'float32'] as const)(
    'gives the JavaScript loop’s gradients to the bit for a long sum and dot (%s)',
    (precision) => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
            minLength: 1,
            maxLength: 99,
            size: 'max',
          }),
          (numbers) => {
            // An L2 penalty as a sum of squares and as dot(p, p), and a dot of fixed numbers with
            // the parameters: the backward pass of each adds a multiple of one range into another.
            const parameters = numbers.map((number) => new Value(number))
            const squares = Value.sum(parameters.map((p) => p.mul(p)))
              .add(Value.dot(parameters, parameters))
              .mul(1e-4)
            const weighted = Value.dot(
              numbers.map((number) => number / 300 + 0.005),
              parameters,
            ).tanh()
            const declaration = { output: squares.add(weighted), parameters, inputs: [] }
            const [loop, kernel] = [false, true].map((simd) =>
              compileGraph({ ...declaration, precision, simd }),
            )
            for (const graph of [loop!, kernel!]) {
              graph.forward()
              graph.backward()
            }
            expect(sameBits(kernel!.parameterGrad, loop!.parameterGrad)).toBe(true)
            // And both are the dynamic engine's, to float64's or float32's rounding.
            declaration.output.backward()
            const tolerance = precision === 'float64' ? 1e-12 : 1e-5
            parameters.forEach((parameter, index) => {
              const scale = Math.max(1e-3, Math.abs(parameter.grad))
              expect(Math.abs(kernel!.parameterGrad[index]! - parameter.grad) / scale).toBeLessThan(
                tolerance,
              )
            })
          },
        ),
        { numRuns: 40 },
      )
    },
  )

  it('gives the dynamic engine’s numbers', () => {
    const declaration = chainGraph(
      Array.from({ length: 12 }, (_, index) => index / 4 - 1),
      0.75,
      Array.from({ length: 12 }, (_, index) => 0.5 - index / 10),
    )
    const graph = compileGraph(declaration)
    graph.forward()
    graph.backward()
    declaration.output.backward()
    expect(graph.value).toBe(declaration.output.data)
    expect(Array.from(graph.parameterGrad)).toEqual(declaration.parameters.map((p) => p.grad))
  })

  it('names the op and sample whose result overflows, as the JavaScript loop does', () => {
    const inputs = Array.from({ length: 10 }, (_, index) => index + 1)
    const messages = pair('float64', chainGraph(inputs, 1, inputs)).map((graph) => {
      graph.inputData[6] = 1e308
      graph.parameterData[0] = 1e10
      const error = catchError(() => graph.forward())
      expect(error).toBeInstanceOf(NonFiniteResultError)
      return (error as NonFiniteResultError).message
    })
    expect(messages[1]).toBe(messages[0])
    expect(messages[0]).toMatch(/^mul/)
  })

  it('names the node whose gradient overflows, as the JavaScript loop does', () => {
    // 1 / (x · s) has the slope −1 / (x · s)², which overflows at x · s = 1e-160.
    const scale = new Value(1)
    const xs = Array.from({ length: 10 }, (_, index) => new Value(index + 1))
    const output = Value.sum(xs.map((x) => x.mul(scale).relu().pow(-1)))
    const messages = [false, true].map((simd) => {
      const graph = compileGraph({ output, parameters: [scale], inputs: xs, simd })
      expect(graph.simd).toBe(simd)
      graph.inputData[3] = 1e-160
      graph.forward()
      const error = catchError(() => graph.backward())
      expect(error).toBeInstanceOf(NonFiniteGradientError)
      return (error as NonFiniteGradientError).message
    })
    expect(messages[1]).toBe(messages[0])
  })
})
