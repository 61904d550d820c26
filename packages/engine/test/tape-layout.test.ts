/*
 * What the compiler makes of an MLP: the records of its tape. The replay's numbers do not show
 * these choices (a tape of one record per node gives the same numbers, only slower), so they are
 * pinned here: each neuron fused with its bias and activation, a layer's neurons merged into one
 * strided record, every sample laid out alike, and with batching, each layer one record for the
 * whole batch.
 */
import { describe, expect, it } from 'vitest'
import { buildTape } from '../src/compile/build-tape.js'
import {
  A,
  A_ROW_STRIDE,
  A_STRIDE,
  ACTIVATION,
  B,
  B_STRIDE,
  BIAS,
  BIAS_STRIDE,
  CODE,
  DOT,
  LENGTH,
  NO_ACTIVATION,
  OUT,
  OUT_ROW_STRIDE,
  OUT_STRIDE,
  RECORD_WIDTH,
  REPEAT,
  ROWS,
  SUM,
} from '../src/compile/tape.js'
import { OPS, Value } from '../src/index.js'

const SIZES = [2, 4, 4, 1]
const SAMPLES = 3
const CODES = Object.values(OPS)

/** An MLP of {@link SIZES} (ReLU, last layer linear) on {@link SAMPLES} samples, with a hinge loss. */
function mlpOnSamples() {
  let state = 1
  const next = () => {
    state = (state * 16_807) % 2_147_483_647
    return (state / 2_147_483_647) * 2 - 1
  }
  const layers = SIZES.slice(1).map((width, index) => ({
    weights: Array.from({ length: width }, () =>
      Array.from({ length: SIZES[index]! }, () => new Value(next())),
    ),
    biases: Array.from({ length: width }, () => new Value(next())),
  }))
  const inputs: Value[] = []
  const scores: Value[] = []
  for (let sample = 0; sample < SAMPLES; sample++) {
    let xs = Array.from({ length: SIZES[0]! }, () => {
      const input = new Value(next())
      inputs.push(input)
      return input
    })
    layers.forEach(({ weights, biases }, layer) => {
      xs = weights.map((row, neuron) => {
        const sum = Value.dot(xs, row).add(biases[neuron]!)
        return layer < layers.length - 1 ? sum.relu() : sum
      })
    })
    scores.push(xs[0]!)
  }
  const loss = Value.sum(scores.map((score) => score.mul(-1).add(1).relu()))
  const parameters = layers.flatMap(({ weights, biases }) => [...weights.flat(), ...biases])
  return { output: loss, parameters, inputs, observed: [] }
}

/** The tape's records as objects of the fields named, with the op's name. */
function recordsOf(batch: boolean) {
  const { records } = buildTape(mlpOnSamples(), batch)
  return Array.from({ length: records.length / RECORD_WIDTH }, (_, index) => {
    const at = index * RECORD_WIDTH
    const field = (offset: number) => records[at + offset]!
    return {
      op: CODES[field(CODE)]!.name,
      out: field(OUT),
      a: field(A),
      b: field(B),
      length: field(LENGTH),
      bias: field(BIAS),
      activation: field(ACTIVATION),
      repeat: field(REPEAT),
      outStride: field(OUT_STRIDE),
      aStride: field(A_STRIDE),
      bStride: field(B_STRIDE),
      biasStride: field(BIAS_STRIDE),
      rows: field(ROWS),
      outRowStride: field(OUT_ROW_STRIDE),
      aRowStride: field(A_ROW_STRIDE),
    }
  })
}

describe('the tape of an MLP', () => {
  it('has one record per layer and sample: the neurons fused with bias and activation, merged with strides', () => {
    const records = recordsOf(false)
    // Per sample: three layers, then the hinge term's mul, add and relu; then the sum.
    expect(records.map(({ op }) => op)).toEqual([
      ...Array.from({ length: SAMPLES }, () => ['dot', 'dot', 'dot', 'mul', 'add', 'relu']).flat(),
      'sum',
    ])
    for (let sample = 0; sample < SAMPLES; sample++) {
      const [first, second, last] = records.slice(sample * 6, sample * 6 + 3)
      for (const [layer, record] of [first!, second!, last!].entries()) {
        const nin = SIZES[layer]!
        const width = SIZES[layer + 1]!
        expect(record).toMatchObject({ length: nin, repeat: width, rows: 1 })
        if (width > 1)
          // Each neuron reads the same xs and its own row of weights and bias, and writes beside
          // the one before.
          expect(record).toMatchObject({ outStride: 1, aStride: 0, bStride: nin, biasStride: 1 })
        expect(record.bias).toBeGreaterThanOrEqual(0)
        expect(record.activation === NO_ACTIVATION).toBe(layer === SIZES.length - 2)
      }
      // Each layer reads what the layer before wrote.
      expect(second!.a).toBe(first!.out)
      expect(last!.a).toBe(second!.out)
      // The same weights for every sample.
      expect([first!.b, second!.b, last!.b]).toEqual([records[0]!.b, records[1]!.b, records[2]!.b])
    }
    // Every sample's slots lie at the same step from the previous sample's, but the hinge terms,
    // which the sum reads side by side.
    const step = records[6]!.out - records[0]!.out
    expect(step).toBeGreaterThan(0)
    for (let index = 0; index < 5; index++) {
      expect(records[6 + index]!.out - records[index]!.out).toBe(step)
      expect(records[12 + index]!.out - records[6 + index]!.out).toBe(step)
    }
    expect([records[11]!.out - records[5]!.out, records[17]!.out - records[11]!.out]).toEqual([
      1, 1,
    ])
    expect(records[18]).toMatchObject({ a: records[5]!.out, length: SAMPLES })
  })

  it('runs each layer, and each op of the loss, once for the whole batch when batched', () => {
    const unbatched = recordsOf(false)
    const step = unbatched[6]!.out - unbatched[0]!.out
    const records = recordsOf(true)
    expect(records.map(({ op }) => op)).toEqual(['dot', 'dot', 'dot', 'mul', 'add', 'relu', 'sum'])
    for (const [layer, record] of records.slice(0, 3).entries()) {
      expect(record).toMatchObject({
        rows: SAMPLES,
        outRowStride: step,
        // The first layer reads the inputs, side by side; the others the layer before.
        aRowStride: layer === 0 ? SIZES[0] : step,
        out: unbatched[layer]!.out,
        b: unbatched[layer]!.b,
        repeat: SIZES[layer + 1],
      })
    }
    for (const record of records.slice(3, 5))
      expect(record).toMatchObject({ rows: 1, repeat: SAMPLES, outStride: step, aStride: step })
    expect(records[5]).toMatchObject({ rows: 1, repeat: SAMPLES, outStride: 1, aStride: step })
    expect(records[6]).toMatchObject({ op: 'sum', length: SAMPLES })
    expect(CODES[SUM]!.name).toBe('sum')
    expect(CODES[DOT]!.name).toBe('dot')
  })
})
