import { noGrad, Value } from '@mg/engine'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createSeededRandom,
  InputSizeError,
  InvalidOptionError,
  Layer,
  LengthMismatchError,
  MLP,
  Neuron,
  NnError,
  NonFiniteValueError,
} from '../src/index.js'

/** A random source that replays fixed numbers, to know every weight in advance. */
function replay(...draws: number[]) {
  let index = 0
  return { uniform: () => draws[index++ % draws.length]! }
}

describe('Neuron', () => {
  it('computes activation(w · x + b) with weights -1 + 2u and bias 0', () => {
    const neuron = new Neuron(3, { rng: replay(0.75, 0.25, 0.5) }) // w = [0.5, -0.5, 0]
    expect(neuron.weights.map((w) => w.data)).toEqual([0.5, -0.5, 0])
    expect(neuron.bias.data).toBe(0)
    neuron.bias.data = 0.25
    expect(neuron.forward([2, 1, 7]).data).toBe(0.5 * 2 - 0.5 * 1 + 0 * 7 + 0.25)
    expect(neuron.forward([-2, 1, 7]).data).toBe(0) // relu by default
  })

  it('applies tanh, sigmoid and linear', () => {
    const x = [1, 2]
    const weights = replay(0.75, 0.25) // w = [0.5, -0.5], w·x = -0.5
    expect(new Neuron(2, { rng: weights, activation: 'tanh' }).forward(x).data).toBeCloseTo(
      Math.tanh(-0.5),
      15,
    )
    expect(
      new Neuron(2, { rng: replay(0.75, 0.25), activation: 'sigmoid' }).forward(x).data,
    ).toBeCloseTo(1 / (1 + Math.exp(0.5)), 15)
    expect(new Neuron(2, { rng: replay(0.75, 0.25), activation: 'linear' }).forward(x).data).toBe(
      -0.5,
    )
  })

  it('uses one fused dot node for the weighted sum, not 2·nin nodes', () => {
    const neuron = new Neuron(4, { seed: 3, activation: 'linear' })
    const out = neuron.forward([1, 2, 3, 4])
    expect(out.op).toBe('add')
    const [dot, bias] = out.children
    expect(dot!.op).toBe('dot')
    expect(dot!.children).toHaveLength(8)
    expect(dot!.children.slice(4)).toEqual(neuron.weights)
    expect(bias).toBe(neuron.bias)
  })

  it('backpropagates d/dwᵢ = xᵢ and d/db = 1 through a linear neuron', () => {
    const neuron = new Neuron(2, { seed: 9, activation: 'linear' })
    neuron.forward([3, -2]).backward()
    expect(neuron.weights.map((w) => w.grad)).toEqual([3, -2])
    expect(neuron.bias.grad).toBe(1)
  })

  it('prints like micrograd', () => {
    expect(String(new Neuron(2, { seed: 1 }))).toBe('ReLUNeuron(2)')
    expect(String(new Neuron(16, { seed: 1, activation: 'linear' }))).toBe('LinearNeuron(16)')
    expect(String(new Neuron(3, { seed: 1, activation: 'tanh' }))).toBe('TanhNeuron(3)')
  })

  it('lists weights then bias', () => {
    const neuron = new Neuron(2, { seed: 1 })
    expect(neuron.parameters()).toEqual([...neuron.weights, neuron.bias])
    expect(neuron.parameterCount).toBe(3)
  })

  it('refuses an input of the wrong length with expected vs received', () => {
    const neuron = new Neuron(2, { seed: 1 })
    const error = catchError(() => neuron.forward([1, 2, 3]))
    expect(error).toBeInstanceOf(InputSizeError)
    expect(error).toBeInstanceOf(NnError)
    expect(error).toMatchObject({ expected: 2, received: 3, name: 'InputSizeError' })
    expect((error as Error).message).toMatch(/expected an input of 2 numbers.*received 3/)
  })

  it('refuses bad options', () => {
    expect(() => new Neuron(0)).toThrow(InvalidOptionError)
    expect(() => new Neuron(2.5)).toThrow(/nin: expected a whole number/)
    expect(() => new Neuron(2, { activation: 'gelu' as never })).toThrow(
      /activation: expected one of 'relu'/,
    )
    expect(() => new Neuron(2, { init: 'xavier' as never })).toThrow(/init/)
    expect(() => new Neuron(2, { seed: 1.5 })).toThrow(/seed: expected an integer/)
    expect(() => new Neuron(2, { seed: 1, rng: replay(0.5) })).toThrow(/Pass one of rng or seed/)
    expect(() => new Neuron(2, { rng: {} as never })).toThrow(
      /rng: expected an object with a uniform/,
    )
    expect(() => new Neuron(2, { rng: replay(1) })).toThrow(
      /rng: expected uniform\(\) to return numbers in \[0, 1\)/,
    )
  })
})

describe('Layer', () => {
  it('returns an array even for one neuron', () => {
    const layer = new Layer(3, 1, { seed: 2 })
    const out = layer.forward([1, 2, 3])
    expect(Array.isArray(out)).toBe(true)
    expect(out).toHaveLength(1)
    expect(out[0]).toBeInstanceOf(Value)
  })

  it('lists neuron by neuron and prints like micrograd', () => {
    const layer = new Layer(2, 2, { seed: 2, activation: 'linear' })
    expect(layer.parameters()).toEqual([
      ...layer.neurons[0]!.parameters(),
      ...layer.neurons[1]!.parameters(),
    ])
    expect(String(layer)).toBe('Layer of [LinearNeuron(2), LinearNeuron(2)]')
    expect(() => layer.forward([1])).toThrow(InputSizeError)
  })
})

describe('MLP', () => {
  it("has micrograd's defaults: ReLU hidden layers, a linear output, 337 parameters for 2-16-16-1", () => {
    const model = new MLP(2, [16, 16, 1], { seed: 1337 })
    expect(model.activations).toEqual(['relu', 'relu', 'linear'])
    expect(model.parameterCount).toBe(337)
    expect(model.nin).toBe(2)
    expect(model.nout).toBe(1)
    expect(model.nouts).toEqual([16, 16, 1])
  })

  it('draws weights in [-1, 1) by default and in [-1/√nin, 1/√nin) when scaled, biases 0', () => {
    const uniform = new MLP(16, [64, 1], { seed: 5 }).parameters()
    const scaled = new MLP(16, [64, 1], { seed: 5, init: 'scaled' })
    expect(Math.max(...uniform.map((p) => Math.abs(p.data)))).toBeLessThanOrEqual(1)
    expect(Math.max(...uniform.map((p) => Math.abs(p.data)))).toBeGreaterThan(0.9)
    const firstLayer = scaled.layers[0]!.neurons.flatMap((neuron) =>
      neuron.weights.map((w) => Math.abs(w.data)),
    )
    expect(Math.max(...firstLayer)).toBeLessThanOrEqual(0.25)
    expect(Math.max(...firstLayer)).toBeGreaterThan(0.2)
    const lastLayer = scaled.layers[1]!.neurons[0]!.weights.map((w) => Math.abs(w.data))
    expect(Math.max(...lastLayer)).toBeLessThanOrEqual(1 / 8)
    expect(
      scaled.layers.flatMap((layer) => layer.neurons.map((neuron) => neuron.bias.data)),
    ).toEqual(Array(65).fill(0))
  })

  it('draws weights layer by layer, neuron by neuron, in the order of the random stream', () => {
    const draws = Array.from({ length: 2 * 3 + 3 * 2 }, (_, index) => index / 16)
    const model = new MLP(2, [3, 2], { rng: replay(...draws) })
    const weights = model.parameters().filter((_, index) => ![2, 5, 8, 12, 16].includes(index))
    expect(weights.map((w) => w.data)).toEqual(draws.map((u) => -1 + 2 * u))
  })

  it('gives the same model for the same seed, a different one for another seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = new MLP(3, [4, 2], { seed }).getParameterValues()
        const b = new MLP(3, [4, 2], { seed }).getParameterValues()
        // The neighbouring seed, wrapping at the top of the range seeds allow.
        const c = new MLP(3, [4, 2], { seed: (seed + 1) % 2 ** 32 }).getParameterValues()
        expect(a).toEqual(b)
        expect(a).not.toEqual(c)
      }),
      { numRuns: 25 },
    )
    expect(new MLP(2, [3], { seed: 8 }).getParameterValues()).toEqual(
      new MLP(2, [3], { rng: createSeededRandom(8) }).getParameterValues(),
    )
  })

  it('reports the fresh seed it drew when given none, and rebuilding with it gives the same model', () => {
    const model = new MLP(2, [4, 1])
    expect(Number.isInteger(model.seed)).toBe(true)
    expect(new MLP(2, [4, 1], { seed: model.seed! }).getParameterValues()).toEqual(
      model.getParameterValues(),
    )
    expect(new MLP(2, [4, 1], { rng: replay(0.5) }).seed).toBeUndefined()
  })

  it('works with a one-neuron hidden layer (micrograd PR #13: MLP(2, [16, 1, 1]))', () => {
    const model = new MLP(2, [16, 1, 1], { seed: 13 })
    const out = model.forward([0.5, -0.5])
    expect(out).toHaveLength(1)
    expect(String(model)).toMatch(
      /Layer of \[ReLUNeuron\(16\)\], Layer of \[LinearNeuron\(1\)\]\]$/,
    )
  })

  it('computes a hand-checked forward pass', () => {
    // hidden: relu(0.5·1 + -0.5·2) = 0, relu(-0.5·1 + 0.5·2) = 0.5; output: 0.5·0 + -0.5·0.5 = -0.25
    const model = new MLP(2, [2, 1], { rng: replay(0.75, 0.25, 0.25, 0.75, 0.75, 0.25) })
    expect(model.forward([1, 2])[0]!.data).toBe(-0.25)
    expect(model.predict([1, 2])).toEqual([-0.25])
  })

  it('accepts Values as inputs and backpropagates into them', () => {
    const model = new MLP(2, [3, 1], { seed: 4, activation: 'tanh' })
    const x = [new Value(0.3), new Value(-0.2)]
    model.forward(x)[0]!.backward()
    expect(x.some((input) => input.grad !== 0)).toBe(true)
  })

  it('records no graph in predict()', () => {
    const model = new MLP(2, [3, 1], { seed: 4 })
    const before = model.parameters().map((p) => p.grad)
    expect(model.predict([1, 1])).toHaveLength(1)
    expect(noGrad(() => model.forward([1, 1])[0]!.children)).toHaveLength(0)
    expect(model.parameters().map((p) => p.grad)).toEqual(before)
  })

  it('takes one activation per layer', () => {
    const model = new MLP(2, [3, 3, 2], { seed: 1, activations: ['tanh', 'sigmoid', 'linear'] })
    expect(model.activations).toEqual(['tanh', 'sigmoid', 'linear'])
    expect(
      new MLP(2, [3, 1], { seed: 1, activation: 'tanh', outputActivation: 'sigmoid' }).activations,
    ).toEqual(['tanh', 'sigmoid'])
    expect(() => new MLP(2, [3, 1], { seed: 1, activations: ['tanh'] })).toThrow(
      /activations: expected an array of 2/,
    )
  })

  it('refuses bad architectures and inputs', () => {
    expect(() => new MLP(2, [])).toThrow(/nouts: expected a non-empty array/)
    expect(() => new MLP(2, [16, 0])).toThrow(/nouts\[1\]: expected a whole number/)
    expect(() => new MLP(-1, [1])).toThrow(/nin/)
    const model = new MLP(2, [3, 1], { seed: 1 })
    expect(catchError(() => model.forward([1, 2, 3]))).toMatchObject({
      caller: 'MLP.forward',
      expected: 2,
      received: 3,
    })
    expect(() => model.forward('12' as never)).toThrow(/MLP.forward input: expected an array/)
  })

  it('reads and writes parameter values as a flat array in parameters() order', () => {
    const model = new MLP(2, [3, 1], { seed: 1 })
    const values = Float64Array.from({ length: model.parameterCount }, (_, index) => index / 10)
    model.setParameterValues(values)
    expect(model.parameters().map((p) => p.data)).toEqual(Array.from(values))
    expect(model.getParameterValues()).toEqual(values)
    model.zeroGrad()
    expect(model.parameters().every((p) => p.grad === 0)).toBe(true)
  })

  it('refuses parameter values of the wrong length or not finite, writing nothing', () => {
    const model = new MLP(2, [3, 1], { seed: 1 })
    const before = model.getParameterValues()
    expect(catchError(() => model.setParameterValues([1, 2]))).toMatchObject({
      expected: 13,
      received: 2,
    })
    expect(catchError(() => model.setParameterValues([1, 2]))).toBeInstanceOf(LengthMismatchError)
    const withNaN = Array.from(before)
    withNaN[7] = Number.NaN
    expect(catchError(() => model.setParameterValues(withNaN))).toMatchObject({ index: 7 })
    expect(catchError(() => model.setParameterValues(withNaN))).toBeInstanceOf(NonFiniteValueError)
    expect(() => model.setParameterValues(null as never)).toThrow(InvalidOptionError)
    expect(model.getParameterValues()).toEqual(before)
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
