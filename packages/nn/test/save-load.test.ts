import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Activation,
  Adam,
  InvalidOptionError,
  loadModel,
  MLP,
  ModelFormatError,
  type ModelJson,
  NnError,
  SGD,
  saveModel,
  UnsupportedVersionError,
} from '../src/index.js'

const activation = fc.constantFrom<Activation>('relu', 'tanh', 'sigmoid', 'linear')
const architecture = fc.record({
  nin: fc.integer({ min: 1, max: 4 }),
  layers: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), activation), {
    minLength: 1,
    maxLength: 3,
  }),
})
/** A model of a random architecture whose parameters are arbitrary finite doubles (−0, subnormals, ±1e308). */
const modelArbitrary = architecture.chain(({ nin, layers }) => {
  const model = new MLP(
    nin,
    layers.map(([width]) => width),
    { activations: layers.map(([, layerActivation]) => layerActivation), seed: 0 },
  )
  return fc
    .array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
      minLength: model.parameterCount,
      maxLength: model.parameterCount,
    })
    .map((values) => {
      model.setParameterValues(values)
      return model
    })
})

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.from(a).every((value, index) => Object.is(value, b[index]))
}

describe('toJSON / fromJSON and saveModel / loadModel', () => {
  it('round-trip every parameter bit for bit through saveModel/loadModel, -0 included', () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const { model: copy, optimizer } = loadModel(saveModel(model))
        expect(sameBits(copy.getParameterValues(), model.getParameterValues())).toBe(true)
        expect(copy.nin).toBe(model.nin)
        expect(copy.nouts).toEqual(model.nouts)
        expect(copy.activations).toEqual(model.activations)
        expect(String(copy)).toBe(String(model))
        expect(optimizer).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })

  it('round-trip through JSON.stringify and MLP.fromJSON (a zero keeps its value, not its sign)', () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const copy = MLP.fromJSON(JSON.parse(JSON.stringify(model)))
        expect(Array.from(copy.getParameterValues())).toEqual(
          Array.from(model.getParameterValues()).map((v) => v + 0),
        )
        expect(MLP.fromJSON(model.toJSON()).toJSON()).toEqual(model.toJSON())
      }),
      { numRuns: 100 },
    )
  })

  it('writes the documented format', () => {
    const model = new MLP(2, [2, 1], { rng: { uniform: () => 0.75 }, outputActivation: 'sigmoid' })
    expect(model.toJSON()).toEqual({
      format: '@mg/nn MLP',
      version: 1,
      nin: 2,
      layers: [
        {
          activation: 'relu',
          weights: [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
          biases: [0, 0],
        },
        { activation: 'sigmoid', weights: [[0.5, 0.5]], biases: [0] },
      ],
    })
  })

  it('saves the optimizer with the model, and the loaded pair continues exactly as the original', () => {
    const model = new MLP(2, [3, 1], { seed: 21 })
    const optimizer = new Adam(model.parameters(), { learningRate: 0.05 })
    const step = (target: MLP, targetOptimizer: Adam | SGD) => {
      targetOptimizer.zeroGrad()
      target
        .forward([0.5, -1])[0]!
        .mul(target.forward([1, 2])[0]!)
        .backward()
      targetOptimizer.step()
    }
    for (let index = 0; index < 3; index++) step(model, optimizer)
    const loaded = loadModel(saveModel(model, { optimizer }))
    expect(loaded.optimizer).toBeInstanceOf(Adam)
    expect(loaded.optimizer!.parameters).toEqual(loaded.model.parameters())
    for (let index = 0; index < 3; index++) {
      step(model, optimizer)
      step(loaded.model, loaded.optimizer as Adam)
    }
    expect(sameBits(loaded.model.getParameterValues(), model.getParameterValues())).toBe(true)
  })

  it("refuses to save an optimizer of another model's parameters", () => {
    const model = new MLP(2, [1], { seed: 1 })
    const other = new MLP(2, [1], { seed: 2 })
    expect(() =>
      saveModel(model, { optimizer: new SGD(other.parameters(), { learningRate: 1 }) }),
    ).toThrow(InvalidOptionError)
    expect(() => saveModel({} as never)).toThrow(/model: expected an MLP/)
  })
})

describe('corrupt, truncated or mismatched input', () => {
  const model = new MLP(2, [3, 1], { seed: 3 })
  const text = saveModel(model, {
    optimizer: new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 }),
  })
  const edit = (change: (json: ModelJson & Record<string, unknown>) => void): string => {
    const json = JSON.parse(text)
    change(json)
    return JSON.stringify(json)
  }
  const refusal = (input: string) => {
    try {
      loadModel(input)
    } catch (error) {
      return error as ModelFormatError
    }
    throw new Error('expected loadModel to refuse the input')
  }

  const cases: [string, string, RegExp][] = [
    ['text that is not JSON', 'model', /expected complete JSON text/],
    ['truncated text', text.slice(0, text.length / 2), /truncated/],
    ['an empty string', '', /expected complete JSON text/],
    [
      'JSON that is not an object',
      '[1, 2]',
      /expected a saved model object, received an array of length 2/,
    ],
    [
      'another format',
      edit((json) => {
        json.format = 'keras' as never
      }),
      /^format: expected "@mg\/nn MLP", received "keras"/,
    ],
    [
      'a missing nin',
      edit((json) => {
        json.nin = undefined as never
      }),
      /^nin: expected a whole number of at least 1, received undefined/,
    ],
    [
      'no layers',
      edit((json) => {
        json.layers = []
      }),
      /^layers: expected a non-empty array of layers/,
    ],
    [
      'an unknown activation',
      edit((json) => {
        json.layers[0]!.activation = 'gelu' as never
      }),
      /^layers\[0\].activation: expected 'relu'/,
    ],
    [
      'a missing weight (wrong parameter count)',
      edit((json) => {
        json.layers[1]!.weights[0]!.pop()
      }),
      /^layers\[1\].weights\[0\]: expected an array of 3 numbers \(one weight per input\), received an array of length 2/,
    ],
    [
      'an extra neuron without a bias',
      edit((json) => {
        json.layers[0]!.weights.push([1, 2])
      }),
      /^layers\[0\].biases: expected an array of 4 numbers/,
    ],
    [
      'a layer that does not fit the previous one',
      edit((json) => {
        json.nin = 3
      }),
      /^layers\[0\].weights\[0\]: expected an array of 3 numbers/,
    ],
    [
      'a number written as a string',
      edit((json) => {
        json.layers[0]!.biases[1] = '0' as never
      }),
      /^layers\[0\].biases\[1\]: expected a finite number, received "0"/,
    ],
    [
      'a null weight',
      edit((json) => {
        json.layers[0]!.weights[2]![1] = null as never
      }),
      /^layers\[0\].weights\[2\]\[1\]: expected a finite number, received null/,
    ],
    [
      'an overflowing number (1e999)',
      text.replace(/"biases":\[[^\],]*/, '"biases":[1e999'),
      /biases\[0\]: expected a finite number, received Infinity/,
    ],
    [
      'an optimizer state of the wrong size',
      edit((json) => {
        ;(json.optimizer as { momentumBuffer: number[] }).momentumBuffer = [1]
      }),
      /^optimizer.momentumBuffer: expected an array of 13 numbers/,
    ],
    [
      'an unknown optimizer',
      edit((json) => {
        ;(json.optimizer as { type: string }).type = 'lion'
      }),
      /^optimizer.type: expected 'sgd', 'adam' or 'adamw'/,
    ],
  ]
  for (const [what, input, message] of cases) {
    it(`refuses ${what}`, () => {
      const error = refusal(input)
      expect(error).toBeInstanceOf(ModelFormatError)
      expect(error).toBeInstanceOf(NnError)
      expect(error.message).toMatch(message)
    })
  }

  it('refuses another format version with UnsupportedVersionError', () => {
    const error = refusal(
      edit((json) => {
        json.version = 2 as never
      }),
    )
    expect(error).toBeInstanceOf(UnsupportedVersionError)
    expect(error.message).toMatch(/^version: expected format version 1, received 2/)
    expect(error.received).toBe(2)
  })

  it('keeps the parse error as the cause', () => {
    expect(refusal('{"format":').cause).toBeInstanceOf(SyntaxError)
  })

  it('refuses non-finite numbers and non-documents passed to MLP.fromJSON directly', () => {
    const json = model.toJSON()
    json.layers[0]!.weights[0]![0] = Number.NaN
    expect(() => MLP.fromJSON(json)).toThrow(
      /layers\[0\].weights\[0\]\[0\]: expected a finite number, received NaN/,
    )
    expect(() => MLP.fromJSON(null)).toThrow(ModelFormatError)
    expect(() => loadModel(42 as never)).toThrow(/expected JSON text, received 42/)
  })
})
