/*
 * compileGraph's `samples` option: a batch's graph built and recorded for its first sample only,
 * against the graph built for every sample, which it must replay to the bit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildTape } from '../src/compile/build-tape.js'
import { RECORD_WIDTH, ROWS } from '../src/compile/tape.js'
import {
  type CompiledGraph,
  type CompileGraphSamples,
  compileGraph,
  type FloatArray,
  InvalidOptionError,
  LengthMismatchError,
  NonFiniteResultError,
  NotALeafError,
  UnknownOptionError,
  UnreachableValueError,
  Value,
  zeroGrad,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

/** The error `run` throws. */
const thrown = (run: () => unknown) => catchError(run) as Error

/** A seeded stream of numbers in [-1, 1). */
function numbers(seed: number) {
  let state = seed
  return () => {
    state = (state * 16_807) % 2_147_483_647
    return (state / 2_147_483_647) * 2 - 1
  }
}

type Activation = 'relu' | 'tanh' | 'sigmoid'

interface Batch {
  sizes: readonly number[]
  activation: Activation
  samples: number
  /** Each sample's label leaf takes part in the loss, as a trainer's label inputs do. */
  labelled: boolean
  penalised: boolean
  seed: number
}

/** A network's parameters and its forward pass on one sample, built from `Value`s as a user would. */
function network({ sizes, activation, seed }: Batch) {
  const next = numbers(seed)
  const layers = sizes.slice(1).map((width, index) => ({
    weights: Array.from({ length: width }, () =>
      Array.from({ length: sizes[index]! }, () => new Value(next())),
    ),
    biases: Array.from({ length: width }, () => new Value(next())),
    last: index === sizes.length - 2,
  }))
  const forward = (inputs: readonly Value[]) => {
    let xs: readonly Value[] = inputs
    for (const { weights, biases, last } of layers)
      xs = weights.map((row, neuron) => {
        const sum = Value.dot(xs, row).add(biases[neuron]!)
        return last ? sum : sum[activation]()
      })
    return xs as Value[]
  }
  return {
    parameters: layers.flatMap(({ weights, biases }) => [...weights.flat(), ...biases]),
    forward,
  }
}

/**
 * The batch's graph, every sample's forward pass built (`'every sample'`) or only the first's with
 * stand-ins for the others (`'first sample'`): a loss that mixes the samples' outputs, their labels
 * and, when `penalised`, an L2 penalty.
 */
function batchGraph(batch: Batch, built: 'every sample' | 'first sample') {
  const { parameters, forward } = network(batch)
  const next = numbers(batch.seed + 7)
  const width = batch.sizes.at(-1)!
  const rows = Array.from({ length: batch.samples }, () =>
    Array.from({ length: batch.sizes[0]! }, () => new Value(next() * 3)),
  )
  const labels = rows.map(() => new Value(next() > 0 ? 1 : -1))
  const outputs = rows.map((row, sample) =>
    built === 'every sample' || sample === 0
      ? forward(row)
      : Array.from({ length: width }, () => new Value(0)),
  )
  const terms = outputs.map((row, sample) => {
    const margin = batch.labelled ? row[0]!.mul(labels[sample]!) : row[0]!
    const rest = row.slice(1).map((output) => output.mul(output))
    return Value.sum([margin.neg().add(1).relu(), ...rest])
  })
  let loss = Value.sum(terms).mul(1 / batch.samples)
  if (batch.penalised) loss = loss.add(Value.dot(parameters, parameters).mul(1e-3))
  // The inputs sample by sample, each row's label after its features, as a trainer lays them out.
  const inputs = rows.flatMap((row, sample) => (batch.labelled ? [...row, labels[sample]!] : row))
  const samples: CompileGraphSamples = { inputs: rows, outputs }
  return { loss, parameters, inputs, outputs, samples }
}

function compileBatch(batch: Batch, built: 'every sample' | 'first sample', simd: boolean) {
  const { loss, parameters, inputs, outputs, samples } = batchGraph(batch, built)
  return compileGraph({
    output: loss,
    parameters,
    inputs,
    observed: outputs.flat(),
    simd,
    ...(built === 'first sample' ? { samples } : {}),
  })
}

/** Forward and backward, then the numbers a caller reads. */
function replay(graph: CompiledGraph<FloatArray>) {
  graph.forward()
  graph.zeroGrad()
  graph.backward()
  return {
    value: graph.value,
    observed: Array.from(graph.observedData),
    parameterGrad: Array.from(graph.parameterGrad),
    inputGrad: Array.from(graph.inputGrad),
  }
}

/** The largest difference between two arrays, relative to the largest magnitude in `expected`. */
function relativeDifference(received: readonly number[], expected: readonly number[]): number {
  let scale = 0
  let difference = 0
  expected.forEach((value, index) => {
    scale = Math.max(scale, Math.abs(value))
    difference = Math.max(difference, Math.abs(received[index]! - value))
  })
  return scale === 0 ? difference : difference / scale
}

/**
 * The same forward numbers to the bit, and the same gradients up to the order in which several
 * terms are added into one: the copies may run a layer's neurons as one batched layer where the
 * graph built for every sample ran them one by one.
 */
function expectSameNumbers(
  received: CompiledGraph<FloatArray>,
  expected: CompiledGraph<FloatArray>,
) {
  const [got, wanted] = [replay(received), replay(expected)]
  expect(got.value).toBe(wanted.value)
  expect(got.observed).toEqual(wanted.observed)
  expect(relativeDifference(got.parameterGrad, wanted.parameterGrad)).toBeLessThan(1e-14)
  expect(relativeDifference(got.inputGrad, wanted.inputGrad)).toBeLessThan(1e-14)
}

const batches = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
  activation: fc.constantFrom<Activation>('relu', 'tanh', 'sigmoid'),
  samples: fc.integer({ min: 1, max: 9 }),
  labelled: fc.boolean(),
  penalised: fc.boolean(),
  seed: fc.integer({ min: 1, max: 100_000 }),
})

describe('compileGraph with samples', () => {
  it('replays the graph built for every sample, on the recorded batch and on others', () => {
    fc.assert(
      fc.property(batches, fc.boolean(), fc.integer({ min: 1, max: 1000 }), (batch, simd, seed) => {
        const everySample = compileBatch(batch, 'every sample', simd)
        const firstSample = compileBatch(batch, 'first sample', simd)
        expectSameNumbers(firstSample, everySample)
        // Another batch and other parameters, written into both.
        const next = numbers(seed)
        const inputs = Array.from(everySample.inputData, () => next() * 4)
        const parameters = Array.from(everySample.parameterData, () => next())
        for (const graph of [everySample, firstSample]) {
          graph.setInputs(inputs)
          graph.parameterData.set(parameters)
        }
        expectSameNumbers(firstSample, everySample)
      }),
      { numRuns: 150 },
    )
  })

  it('gives the dynamic engine’s loss and gradients', () => {
    const batch: Batch = {
      sizes: [3, 5, 4, 2],
      activation: 'tanh',
      samples: 6,
      labelled: true,
      penalised: true,
      seed: 11,
    }
    const dynamic = batchGraph(batch, 'every sample')
    dynamic.loss.backward()
    const graph = compileBatch(batch, 'first sample', true)
    const { value, parameterGrad, inputGrad } = replay(graph)
    expect(value).toBe(dynamic.loss.data)
    parameterGrad.forEach((grad, index) => {
      expect(grad).toBeCloseTo(dynamic.parameters[index]!.grad, 14)
    })
    inputGrad.forEach((grad, index) => {
      expect(grad).toBeCloseTo(dynamic.inputs[index]!.grad, 14)
    })
  })

  it('runs the samples’ layers as the same batched layers as the graph built for every sample', () => {
    const batch: Batch = {
      sizes: [2, 16, 16, 1],
      activation: 'relu',
      samples: 20,
      labelled: true,
      penalised: true,
      seed: 3,
    }
    const shape = (built: 'every sample' | 'first sample') => {
      const { loss, parameters, inputs, outputs, samples } = batchGraph(batch, built)
      const tape = buildTape(
        {
          output: loss,
          parameters,
          inputs,
          observed: outputs.flat(),
          ...(built === 'first sample' ? { samples } : {}),
        },
        true,
      )
      const rows: number[] = []
      for (let at = 0; at < tape.records.length; at += RECORD_WIDTH)
        rows.push(tape.records[at + ROWS]!)
      return { rows, nodeCount: tape.nodeCount }
    }
    const everySample = shape('every sample')
    expect(shape('first sample')).toEqual(everySample)
    expect(everySample.rows.filter((rows) => rows === 20)).toHaveLength(3)
  })

  it.each([
    ['the lone dot first', false],
    ['the biased dot first', true],
  ])('keeps a biased neuron and a lone dot of the model apart (%s)', (_, biasedFirst) => {
    // Outside the samples, the parameter-only `p · p` leaves the two heads' records neighbours.
    const w = [0.5, 0.25, 0.75, 1.5].map((data) => new Value(data))
    const b = new Value(10)
    const p = new Value(2)
    const model = (x: Value[]) => {
      const lone = Value.dot(x, w.slice(0, 2))
      const biased = Value.dot(x, w.slice(2, 4)).add(b)
      return biasedFirst ? [biased, p.mul(p).mul(lone)] : [lone, p.mul(p).mul(biased)]
    }
    for (const samples of [2, 4, 5, 8]) {
      const rows = Array.from({ length: samples }, (_, s) => [new Value(1 + s), new Value(2 - s)])
      const lossOf = (outputs: Value[][]) => Value.sum(outputs.map(([a, c]) => a!.mul(c!)))
      const outputs = rows.map((x, s) => (s === 0 ? model(x) : [new Value(0), new Value(0)]))
      const parameters = [...w, b, p]
      const graph = compileGraph({
        output: lossOf(outputs),
        parameters,
        inputs: rows.flat(),
        samples: { inputs: rows, outputs },
      })
      const dynamic = lossOf(rows.map(model))
      zeroGrad(parameters)
      dynamic.backward()
      expect(graph.forward()).toBe(dynamic.data)
      graph.backward()
      expect(Array.from(graph.parameterGrad)).toEqual(parameters.map((parameter) => parameter.grad))
    }
  })

  it('names the failure the scalar replay meets first when several samples fail', () => {
    // Sample 0's exp overflows, and so does sample 2's sum, which the batched sums run first.
    const forwardMessage = (simd: boolean) => {
      const w = new Value(1)
      const xs = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => new Value(0.1)))
      const first = xs[0]!.map((x) => x.mul(w))
      const outputs = xs.map((_, s) => (s === 0 ? first : first.map(() => new Value(0))))
      const graph = compileGraph({
        output: Value.sum(outputs.map((row) => Value.sum(row).exp())),
        parameters: [w],
        inputs: xs.flat(),
        samples: { inputs: xs, outputs },
        simd,
      })
      const data = xs.flat().map(() => 0.1)
      data[0] = 1000
      data[6] = 1e308
      data[7] = 1e308
      graph.setInputs(data)
      return thrown(() => graph.forward()).message
    }
    expect(forwardMessage(true)).toBe(forwardMessage(false))
    expect(forwardMessage(true)).toMatch(/^exp\(1000\.2\)/)
    // Backward: two samples' gradients overflow at different ops.
    const backwardMessage = (simd: boolean) => {
      const w = new Value(1)
      const xs = Array.from({ length: 4 }, () => [new Value(1), new Value(1)])
      const labels = xs.map(() => [new Value(1), new Value(1), new Value(1)])
      const first = xs[0]!.map((x) => x.mul(w))
      const outputs = xs.map((_, s) => (s === 0 ? first : first.map(() => new Value(0))))
      const terms = outputs.map((row, s) => {
        const [l0, l1, l2] = labels[s]!
        return Value.sum(row).mul(l0!).mul(l1!).mul(l2!)
      })
      const graph = compileGraph({
        output: Value.sum(terms),
        parameters: [w],
        inputs: [...xs.flat(), ...labels.flat()],
        samples: { inputs: xs, outputs },
        simd,
      })
      // Tiny features keep the forward pass finite; the products of labels overflow backward,
      // at sample 0's (sum · l0) and at sample 1's sum.
      const data = [...xs.flat().map(() => 1e-300), ...labels.flat().map(() => 1)]
      data.splice(8, 3, 1, 1e200, 1e200)
      data.splice(11, 3, 1e200, 1e200, 1)
      graph.setInputs(data)
      graph.forward()
      return thrown(() => graph.backward()).message
    }
    expect(backwardMessage(true)).toBe(backwardMessage(false))
  })

  it('names the failing op when a copied sample overflows, as the full graph does', () => {
    const batch: Batch = {
      sizes: [2, 3, 1],
      activation: 'relu',
      samples: 4,
      labelled: false,
      penalised: false,
      seed: 5,
    }
    const [everySample, firstSample] = (['every sample', 'first sample'] as const).map((built) => {
      const graph = compileBatch(batch, built, true)
      const inputs = Array.from(graph.inputData)
      inputs[5] = 1e308 // the third sample's second feature, times a weight of 2
      graph.setInputs(inputs)
      graph.parameterData.fill(2)
      return thrown(() => graph.forward())
    })
    expect(firstSample).toBeInstanceOf(NonFiniteResultError)
    expect(firstSample!.message).toBe(everySample!.message)
  })
})

describe('compileGraph with samples that share', () => {
  it('a Value every row holds, and an input outside the samples, as the full graph does', () => {
    const built = (every: boolean) => {
      const w = [0.5, -1, 2].map((data) => new Value(data))
      const bias = new Value(1) // a constant feature: the same leaf in every row
      const scale = new Value(3) // a declared input outside the samples, read by each
      const model = (x: Value[]) => [Value.dot(x, w).tanh().mul(scale)]
      const rows = [0.5, -2, 1].map((feature) => [new Value(feature), new Value(-feature), bias])
      const outputs = rows.map((row, sample) =>
        every || sample === 0 ? model(row) : [new Value(0)],
      )
      return compileGraph({
        output: Value.sum(outputs.flat().map((output) => output.mul(output))),
        parameters: w,
        inputs: [...new Set(rows.flat()), scale],
        observed: outputs.flat(),
        ...(every ? {} : { samples: { inputs: rows, outputs } }),
      })
    }
    const [everySample, firstSample] = [built(true), built(false)]
    expect(replay(firstSample)).toEqual(replay(everySample))
  })

  it('labels, which name a copied sample’s node in errors, as the full graph does', () => {
    const messages = [true, false].map((every) => {
      const w = new Value(2)
      const rows = [[new Value(1)], [new Value(1)]]
      const model = (x: Value[]) => {
        const h = x[0]!.mul(w)
        h.label = 'h'
        return [h]
      }
      const outputs = rows.map((row, sample) =>
        every || sample === 0 ? model(row) : [new Value(0)],
      )
      const graph = compileGraph({
        output: Value.sum(outputs.flat().map((output) => output.pow(0.5))),
        parameters: [w],
        inputs: rows.flat(),
        ...(every ? {} : { samples: { inputs: rows, outputs } }),
      })
      graph.setInputs([1, 0]) // the second sample's h is 0, where √h has no slope
      graph.forward()
      return thrown(() => graph.backward()).message
    })
    expect(messages[1]).toBe(messages[0])
    expect(messages[1]).toContain('labelled "h"')
  })
})

describe('compileGraph refuses samples', () => {
  const declaration = () => {
    const { loss, parameters, inputs, samples } = batchGraph(
      {
        sizes: [2, 3, 1],
        activation: 'tanh',
        samples: 3,
        labelled: false,
        penalised: false,
        seed: 9,
      },
      'first sample',
    )
    return { output: loss, parameters, inputs, samples }
  }

  it('that are not rows of Values of one width', () => {
    const options = declaration()
    const { inputs, outputs } = options.samples
    expect(thrown(() => compileGraph({ ...options, samples: [] as never }))).toBeInstanceOf(
      InvalidOptionError,
    )
    expect(
      thrown(() => compileGraph({ ...options, samples: { inputs, outputs, rows: 3 } as never })),
    ).toBeInstanceOf(UnknownOptionError)
    const short = thrown(() =>
      compileGraph({ ...options, samples: { inputs, outputs: outputs.slice(1) } }),
    )
    expect(short).toBeInstanceOf(LengthMismatchError)
    expect(short.message).toContain('samples.inputs and samples.outputs')
    const ragged = thrown(() =>
      compileGraph({
        ...options,
        samples: { inputs: [inputs[0]!, inputs[1]!.slice(1), inputs[2]!], outputs },
      }),
    )
    expect(ragged.message).toContain('samples.inputs[0] and samples.inputs[1]')
    const notValues = thrown(() =>
      compileGraph({
        ...options,
        samples: { inputs, outputs: [outputs[0]!, [1], outputs[2]!] as never },
      }),
    )
    expect(notValues.message).toContain('samples.outputs[1][0]')
  })

  it('whose inputs are not declared inputs', () => {
    const options = declaration()
    const error = thrown(() => compileGraph({ ...options, inputs: options.inputs.slice(0, 4) }))
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error.message).toContain('samples.inputs[2][0]')
    expect(error.message).toContain('also declared in inputs')
  })

  it('whose stand-ins are not fresh leaves', () => {
    const options = declaration()
    const { inputs, outputs } = options.samples
    const computed = [[outputs[0]![0]!.mul(2)], outputs[1]!, outputs[2]!]
    const notALeaf = thrown(() =>
      compileGraph({
        ...options,
        samples: { inputs, outputs: [outputs[0]!, ...computed.slice(0, 2)] },
      }),
    )
    expect(notALeaf).toBeInstanceOf(NotALeafError)
    expect(notALeaf.message).toContain('sample output 1')
    const declaredTwice = thrown(() =>
      compileGraph({
        ...options,
        samples: { inputs, outputs: [outputs[0]!, [inputs[0]![0]!], outputs[2]!] },
      }),
    )
    expect(declaredTwice.message).toContain('as input 0 and as sample output 1')
  })

  it('whose first sample’s outputs the output does not reach', () => {
    const options = declaration()
    const { inputs, outputs } = options.samples
    const error = thrown(() =>
      compileGraph({
        ...options,
        samples: { inputs, outputs: [[new Value(1)], outputs[1]!, outputs[2]!] },
      }),
    )
    expect(error).toBeInstanceOf(UnreachableValueError)
    expect(error.message).toContain('sample output 0')
  })

  it('whose first sample’s outputs are another sample’s', () => {
    const options = declaration()
    const { inputs, outputs } = options.samples
    for (const [name, first] of [
      ['a stand-in', outputs[1]![0]!],
      ['another sample’s input', inputs[2]![0]!],
    ] as const) {
      const error = thrown(() =>
        compileGraph({
          ...options,
          output: Value.sum([options.output, first]),
          samples: { inputs, outputs: [[first], outputs[1]!, outputs[2]!] },
        }),
      )
      expect(error, name).toBeInstanceOf(InvalidOptionError)
      expect(error.message).toContain('samples.outputs[0][0]: expected a value of the first sample')
    }
  })

  it('whose first sample reads another sample', () => {
    const { parameters, forward } = network({
      sizes: [2, 2],
      activation: 'tanh',
      samples: 2,
      labelled: false,
      penalised: false,
      seed: 2,
    })
    const rows = [0, 1].map(() => [new Value(0.5), new Value(-0.5)])
    const standIn = new Value(0)
    // The first sample's output adds the second sample's first input.
    const first = forward(rows[0]!).map((output) => output.add(rows[1]![0]!))
    const loss = Value.sum([...first, standIn])
    const error = thrown(() =>
      compileGraph({
        output: loss,
        parameters,
        inputs: rows.flat(),
        samples: { inputs: rows, outputs: [first, [standIn, new Value(0)]] },
      }),
    )
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error.message).toContain("read another sample's inputs or outputs")
  })
})
