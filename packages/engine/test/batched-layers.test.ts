/*
 * The batched replay: the matrix kernel against the scalar loop it replaces, the committed kernel
 * bytes against their text, and compiled graphs of layers run for many samples at once against
 * the scalar replay and the dynamic engine.
 */
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { assembleKernelModule, KERNEL_MODULES } from '../kernels/kernel-modules.js'
import { buildTape } from '../src/compile/build-tape.js'
import { paddedWidth } from '../src/compile/simd/graph-memory.js'
import { KERNEL_MODULES_BASE64 } from '../src/compile/simd/kernel-modules.js'
import { COLUMN_BLOCK, type Precision } from '../src/compile/simd/precision.js'
import {
  instantiateKernels,
  kernelMemory,
  simdAvailable,
} from '../src/compile/simd/wasm-kernels.js'
import { RECORD_WIDTH } from '../src/compile/tape.js'
import {
  compileGraph,
  InvalidOperandError,
  InvalidOptionError,
  type LaneAlgebra,
  NonFiniteGradientError,
  NonFiniteResultError,
  OPS,
  type UnaryOp,
  Value,
} from '../src/index.js'
import { OP_LIST } from '../src/ops.js'
import { catchError } from './support/catch-error.js'

/** A seeded stream of numbers in [-1, 1), so that every graph here is the same on every run. */
function numbers(seed: number) {
  let state = seed
  return () => {
    state = (state * 16_807) % 2_147_483_647
    return (state / 2_147_483_647) * 2 - 1
  }
}

type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear'

/**
 * An MLP of `sizes` (its last layer linear) run on `samples` samples, and a hinge-like loss of
 * its first outputs, built from `Value`s as a user would: the graph the batched replay is for.
 */
function layeredGraph(
  samples: number,
  sizes: readonly number[],
  activation: Activation,
  seed = 1,
  withBiases = true,
) {
  const next = numbers(seed)
  const layers = sizes.slice(1).map((width, index) => ({
    weights: Array.from({ length: width }, () =>
      Array.from({ length: sizes[index]! }, () => new Value(next())),
    ),
    biases: Array.from({ length: width }, () => new Value(next())),
    activation: index === sizes.length - 2 ? 'linear' : activation,
  }))
  const inputs: Value[] = []
  const outputs: Value[] = []
  for (let sample = 0; sample < samples; sample++) {
    let xs = Array.from({ length: sizes[0]! }, () => {
      const input = new Value(next() * 3)
      inputs.push(input)
      return input
    })
    for (const { weights, biases, activation } of layers)
      xs = weights.map((row, neuron) => {
        const sum = withBiases ? Value.dot(xs, row).add(biases[neuron]!) : Value.dot(xs, row)
        return activation === 'linear' ? sum : sum[activation]()
      })
    outputs.push(...xs)
  }
  const terms = outputs.map((output, index) =>
    output
      .mul(index % 2 === 0 ? 1 : -1)
      .add(1)
      .relu(),
  )
  const loss = Value.sum(terms).mul(1 / samples)
  const parameters = layers.flatMap(({ weights, biases }) => [
    ...weights.flat(),
    ...(withBiases ? biases : []),
  ])
  return { loss, parameters, inputs, outputs }
}

/** The largest difference between two arrays, relative to the largest magnitude in `expected`. */
function relativeDifference(received: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 0
  let difference = 0
  for (let index = 0; index < expected.length; index++) {
    scale = Math.max(scale, Math.abs(expected[index]!))
    difference = Math.max(difference, Math.abs(received[index]! - expected[index]!))
  }
  return scale === 0 ? difference : difference / scale
}

/**
 * Replays `graph` once forward and backward, and checks its loss and parameter gradients against
 * the dynamic engine's `loss.backward()`: the loss to the bit, the gradients to 1e-14.
 */
function expectDynamicNumbers(
  graph: ReturnType<typeof compileGraph>,
  loss: Value,
  parameters: readonly Value[],
) {
  graph.forward()
  graph.backward()
  loss.backward()
  expect(graph.value).toBe(loss.data)
  const dynamic = parameters.map((parameter) => parameter.grad)
  expect(relativeDifference(graph.parameterGrad, dynamic)).toBeLessThan(1e-14)
}

const available = simdAvailable()

/**
 * A kernel memory of `kilobytes` KB whose first `count` numbers of `precision` are seeded numbers
 * in [-10, 10), rounded by `round` (to float32, or not at all).
 */
function seededMemory(
  precision: Precision,
  kilobytes: number,
  count: number,
  seed: number,
  round: (x: number) => number,
) {
  const Floats = precision === 'float64' ? Float64Array : Float32Array
  const memory = kernelMemory(kilobytes * 1024)
  const all = new Floats(memory.buffer)
  const next = numbers(seed)
  for (let index = 0; index < count; index++) all[index] = round(next() * 10)
  return { Floats, bytes: Floats.BYTES_PER_ELEMENT, memory, all }
}

describe('the kernels’ modules', () => {
  it('run here: Node 20 and later have WebAssembly SIMD', () => {
    expect(available).toBe(true)
  })

  const modules = (['float64', 'float32'] as const).flatMap((precision) =>
    KERNEL_MODULES.map((module) => [module, precision] as const),
  )

  it.each(modules)(
    'are small enough for a browser to compile synchronously on its main thread (4 KB; %s, %s)',
    (module, precision) => {
      expect(Buffer.from(KERNEL_MODULES_BASE64[precision][module], 'base64').length).toBeLessThan(
        4096,
      )
    },
  )

  it.each(modules)('ship the bytes their text assembles to (%s, %s)', async (module, precision) => {
    const assembled = await assembleKernelModule(module, precision)
    const shipped = Buffer.from(KERNEL_MODULES_BASE64[precision][module], 'base64')
    expect(shipped.equals(Buffer.from(assembled))).toBe(true)
  })
})

describe('the matrix kernel', () => {
  /**
   * C = A·B with strided A, by the kernel and by the scalar loop of the given rounding: with a
   * bias (and then ReLU) or added to C's old value, for any number of columns (a partial last
   * block included), storing nothing past the last column; sometimes with a huge entry in A, so
   * that some sums overflow, and the kernel must say so (unless it adds into C).
   */
  const compare = (precision: Precision, round: (x: number) => number) =>
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 19 }),
      fc.integer({ min: 0, max: 300 }),
      fc.boolean(),
      fc.constantFrom('set', 'bias', 'relu', 'accumulate'),
      fc.integer({ min: 1, max: 1000 }),
      fc.option(fc.nat(), { freq: 3 }),
      (m, n, p, transposed, mode, seed, huge) => {
        const { Floats, bytes, memory, all } = seededMemory(precision, 128, 10_200, seed, round)
        const [a, b, c, bias] = [0, 3_000, 9_000, 10_000]
        if (huge !== null && p > 0)
          all[a + (huge % (m * p))] = round(precision === 'float64' ? 1e308 : 3e38)
        const before = Floats.from(all)
        // A is m × p, read by rows, or stored p × m and read by columns; C's rows are n + 3 apart.
        const [aRow, aCol] = transposed ? [1, m] : [p, 1]
        const cRow = n + 3
        const finite = instantiateKernels(memory, precision).gemm(
          m,
          n,
          p,
          a * bytes,
          aRow,
          aCol,
          b * bytes,
          n,
          c * bytes,
          cRow,
          mode === 'bias' || mode === 'relu' ? bias * bytes : -1,
          mode === 'accumulate' ? 1 : 0,
          mode === 'relu' ? OP_LIST.indexOf(OPS.relu) : -1,
        )
        const expected = Floats.from(before)
        let expectedFinite = 1
        for (let i = 0; i < m; i++)
          for (let j = 0; j < n; j++) {
            // Accumulating starts from C's old value; a bias comes after the whole sum.
            let total = mode === 'accumulate' ? before[c + i * cRow + j]! : 0
            for (let q = 0; q < p; q++)
              total = round(
                total + round(before[a + i * aRow + q * aCol]! * before[b + q * n + j]!),
              )
            if (mode === 'bias' || mode === 'relu') total = round(total + before[bias + j]!)
            if (!Number.isFinite(total)) expectedFinite = 0
            expected[c + i * cRow + j] = mode === 'relu' ? OPS.relu.forward(total) : total
          }
        // Adding into C is checked by the caller's later passes, not by the kernel.
        if (mode !== 'accumulate') expect(finite).toBe(expectedFinite)
        // C's rows with a margin on each side (nothing stored there), then everything else untouched.
        const region = (array: ArrayLike<number>) =>
          Array.from({ length: m * cRow + 16 }, (_, k) => array[c - 8 + k])
        expect(region(all)).toEqual(region(expected))
        let changed = 0
        for (let index = 0; index < 10_200; index++)
          if (!Object.is(all[index], expected[index])) changed++
        expect(changed).toBe(0)
      },
    )

  it.runIf(available)(
    'adds the terms of each entry in order, as the scalar loop does (float64)',
    () => {
      fc.assert(compare('float64', (x) => x))
    },
  )

  it.runIf(available)('rounds every product and sum to float32 (float32)', () => {
    fc.assert(compare('float32', Math.fround))
  })

  /**
   * One column (a layer of one neuron), by the kernel's form for it and by the scalar loop: every
   * row's sum in order, the bias, ReLU or nothing, for any number of rows (a partial last group of
   * rows included), storing nothing but the rows' outputs; sometimes with a sum that overflows.
   */
  const compareColumn = (precision: Precision, round: (x: number) => number) =>
    fc.property(
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 0, max: 40 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 1, max: 1000 }),
      fc.option(fc.nat(), { freq: 3 }),
      (m, p, withBias, relu, seed, huge) => {
        const { Floats, bytes, memory, all } = seededMemory(precision, 64, 2_000, seed, round)
        // Rows of A are p + 2 apart, outputs 3 apart; the weights and the bias sit after them.
        const [a, b, c, bias] = [0, 700, 800, 900]
        const aRow = p + 2
        if (huge !== null && p > 0)
          all[a + (huge % m) * aRow] = round(precision === 'float64' ? 1e308 : 3e38)
        const before = Floats.from(all)
        const finite = instantiateKernels(memory, precision).gemv(
          m,
          p,
          a * bytes,
          aRow,
          b * bytes,
          c * bytes,
          3,
          withBias ? bias * bytes : -1,
          relu ? OP_LIST.indexOf(OPS.relu) : -1,
        )
        const expected = Floats.from(before)
        let expectedFinite = 1
        for (let i = 0; i < m; i++) {
          let total = 0
          for (let q = 0; q < p; q++)
            total = round(total + round(before[a + i * aRow + q]! * before[b + q]!))
          if (withBias) total = round(total + before[bias]!)
          if (!Number.isFinite(total)) expectedFinite = 0
          expected[c + i * 3] = relu ? OPS.relu.forward(total) : total
        }
        expect(finite).toBe(expectedFinite)
        let changed = 0
        for (let index = 0; index < 2_000; index++)
          if (!Object.is(all[index], expected[index])) changed++
        expect(changed).toBe(0)
      },
    )

  it.runIf(available)('runs a layer of one neuron as the scalar loop does (float64)', () => {
    fc.assert(compareColumn('float64', (x) => x))
  })

  it.runIf(available)('runs a layer of one neuron in float32 (float32)', () => {
    fc.assert(compareColumn('float32', Math.fround))
  })

  it.runIf(available)('refuses an activation it has no lane form for, rather than skip it', () => {
    const kernels = instantiateKernels(kernelMemory(64 * 1024), 'float64')
    const log = OP_LIST.indexOf(OPS.log)
    const tanh = OP_LIST.indexOf(OPS.tanh)
    // tanh has a derivative form but no forward one; log has neither.
    expect(() => kernels.gemm(4, 4, 4, 0, 4, 1, 256, 4, 512, 4, -1, 0, tanh)).toThrow()
    expect(() => kernels.gemv(4, 4, 0, 4, 256, 512, 1, -1, log)).toThrow()
    expect(() => kernels.gradient(4, 4, 0, 256, 4, log, 512, 4, 768)).toThrow()
    expect(kernels.gemm(4, 4, 4, 0, 4, 1, 256, 4, 512, 4, -1, 0, -1)).toBe(1)
  })

  /**
   * The backward pass's start, by the kernel and by the scalar loop: `G = f'(out) · g` for each
   * derivative with a lane form (or none), the column sums of G, and whether every g is finite.
   */
  const comparePrologue = (precision: Precision, round: (x: number) => number) => {
    // The op's derivative in float64 is the scalar loop's; in float32 the kernel rounds each
    // operation of the op's lane form, so the reference does too.
    const rounded: LaneAlgebra<number> = {
      constant: (value) => value,
      add: (a, b) => round(a + b),
      sub: (a, b) => round(a - b),
      mul: (a, b) => round(a * b),
      wherePositive: (test, value) => (test > 0 ? value : 0),
    }
    const slope = (op: UnaryOp, out: number) =>
      precision === 'float64'
        ? op.derivative(0, out)
        : (op.lanes?.derivativeFromOutput?.(out, rounded) as number)
    return fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 19 }),
      fc.constantFrom(undefined, OPS.relu, OPS.tanh, OPS.sigmoid, OPS.exp),
      fc.integer({ min: 1, max: 1000 }),
      fc.option(fc.tuple(fc.nat(), fc.boolean()), { freq: 3 }),
      (rows, neurons, op, seed, notFinite) => {
        const { Floats, bytes, memory, all } = seededMemory(precision, 64, 2_000, seed, round)
        const [grads, values, sums, biasSums] = [0, 500, 1_000, 1_500]
        const row = neurons + 2
        const width = paddedWidth(neurons, COLUMN_BLOCK[precision], bytes)
        // A NaN among the gradients, or in the gap after a row, which the kernel reads but must ignore.
        const [nanRow, inGap] = notFinite ?? [0, false]
        if (notFinite !== null)
          all[grads + (nanRow % rows) * row + (inGap ? neurons : 0)] = Number.NaN
        const before = Floats.from(all)
        const finite = instantiateKernels(memory, precision).gradient(
          rows,
          neurons,
          grads * bytes,
          values * bytes,
          row,
          op === undefined ? -1 : OP_LIST.indexOf(op),
          sums * bytes,
          width,
          biasSums * bytes,
        )
        expect(finite).toBe(notFinite === null || inGap ? 1 : 0)
        const G = new Floats(rows * neurons)
        const columnSums = new Floats(neurons)
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < neurons; j++) {
            const g = before[grads + i * row + j]!
            const out = before[values + i * row + j]!
            G[i * neurons + j] = op === undefined ? g : round(slope(op, out) * g)
            columnSums[j] = round(columnSums[j]! + G[i * neurons + j]!)
          }
        const stored = Array.from({ length: rows * neurons }, (_, k) => {
          const [i, j] = [Math.floor(k / neurons), k % neurons]
          return all[sums + i * width + j]
        })
        expect(stored).toEqual(Array.from(G))
        expect(Array.from(all.subarray(biasSums, biasSums + neurons))).toEqual(
          Array.from(columnSums),
        )
        // The gradients and values it reads are left as they were.
        expect(Array.from(all.subarray(0, sums))).toEqual(Array.from(before.subarray(0, sums)))
      },
    )
  }

  it.runIf(available)('starts the backward pass as the scalar loop does (float64)', () => {
    fc.assert(comparePrologue('float64', (x) => x))
  })

  it.runIf(available)('starts the backward pass in float32 (float32)', () => {
    fc.assert(comparePrologue('float32', Math.fround))
  })
})

describe('the transpose kernel', () => {
  /**
   * A layer's weights (a row per neuron, rows `fromRow` apart) transposed into a matrix of rows
   * `toRow` apart, against the scalar loop: every number moved exactly, whole blocks and the rows
   * and columns past them alike, and nothing stored outside the target's columns.
   */
  const compareTranspose = (precision: Precision, round: (x: number) => number) =>
    fc.property(
      fc.integer({ min: 1, max: 21 }),
      fc.integer({ min: 1, max: 21 }),
      fc.nat(3),
      fc.nat(9),
      fc.integer({ min: 1, max: 1000 }),
      (rows, columns, fromGap, toGap, seed) => {
        const { Floats, bytes, memory, all } = seededMemory(precision, 64, 2_000, seed, round)
        const [from, to] = [0, 2_000]
        const [fromRow, toRow] = [columns + fromGap, rows + toGap]
        const before = Floats.from(all)
        instantiateKernels(memory, precision).transpose(
          rows,
          columns,
          from * bytes,
          fromRow,
          to * bytes,
          toRow,
        )
        const expected = Floats.from(before)
        for (let i = 0; i < rows; i++)
          for (let q = 0; q < columns; q++)
            expected[to + q * toRow + i] = before[from + i * fromRow + q]!
        expect(Array.from(all.subarray(0, to + columns * toRow + 8))).toEqual(
          Array.from(expected.subarray(0, to + columns * toRow + 8)),
        )
      },
    )

  it.runIf(available)('moves every weight where the matrix kernel reads it (float64)', () => {
    fc.assert(compareTranspose('float64', (x) => x))
  })

  it.runIf(available)('moves every weight where the matrix kernel reads it (float32)', () => {
    fc.assert(compareTranspose('float32', Math.fround))
  })
})

describe('a compiled graph of layers run for many samples', () => {
  it.each([
    ['relu', [2, 16, 16, 1]],
    ['tanh', [3, 5, 7, 2]],
    ['sigmoid', [4, 9, 1]],
    ['linear', [1, 3, 3]],
    // Fan-ins of 32 and 64 float64s: rows of weights 256 and 512 bytes apart, which G·W reads
    // from a copy with wider rows; and 64 neurons, whose scratch rows are widened too.
    ['relu', [3, 32, 64, 9, 2]],
  ] as const)(
    'with %s layers %j gives the scalar replay’s forward to the bit and its gradients to 1e-14',
    (activation, sizes) => {
      const { loss, parameters, inputs, outputs } = layeredGraph(13, sizes, activation)
      const declaration = { output: loss, parameters, inputs, observed: outputs }
      const scalar = compileGraph({ ...declaration, simd: false })
      const batched = compileGraph(declaration)
      expect([scalar.simd, batched.simd]).toEqual([false, available])
      for (const step of [0, 1]) {
        // The second step runs on new inputs and parameters.
        if (step === 1)
          for (const graph of [scalar, batched]) {
            graph.setInputs(Array.from(graph.inputData, (x) => x * -0.5))
            graph.parameterData[0] = 0.25
          }
        for (const graph of [scalar, batched]) {
          graph.forward()
          graph.zeroGrad()
          graph.backward()
        }
        expect(batched.value).toBe(scalar.value)
        expect(Array.from(batched.observedData)).toEqual(Array.from(scalar.observedData))
        expect(relativeDifference(batched.parameterGrad, scalar.parameterGrad)).toBeLessThan(1e-14)
        expect(relativeDifference(batched.inputGrad, scalar.inputGrad)).toBeLessThan(1e-14)
      }
    },
  )

  it('runs layers without biases, as the scalar replay does', () => {
    const { loss, parameters, inputs, outputs } = layeredGraph(9, [3, 6, 2], 'relu', 4, false)
    const declaration = { output: loss, parameters, inputs, observed: outputs }
    const scalar = compileGraph({ ...declaration, simd: false })
    const batched = compileGraph(declaration)
    for (const graph of [scalar, batched]) {
      graph.forward()
      graph.backward()
    }
    expect(batched.value).toBe(scalar.value)
    expect(Array.from(batched.observedData)).toEqual(Array.from(scalar.observedData))
    expect(relativeDifference(batched.parameterGrad, scalar.parameterGrad)).toBeLessThan(1e-14)
  })

  it('keeps a lone dot and a biased neuron written side by side apart', () => {
    const w = [0.5, 0.25, 0.75, 1.5].map((data) => new Value(data))
    const b = new Value(10)
    const rows = [0, 1, 2, 3].map((s) => [new Value(1 + s), new Value(2 - s)])
    // Each sample's two records look alike but for the bias, and their slots advance evenly.
    const loss = Value.sum(
      rows.map((x) => Value.dot(x, w.slice(0, 2)).mul(Value.dot(x, w.slice(2, 4)).add(b))),
    )
    const graph = compileGraph({ output: loss, parameters: [...w, b], inputs: rows.flat() })
    loss.backward()
    expect(graph.forward()).toBe(loss.data)
    graph.backward()
    expect(Array.from(graph.parameterGrad)).toEqual([...w, b].map((parameter) => parameter.grad))
  })

  it('adds each row’s gradient when every row of a layer reads the same xs', () => {
    const p = new Value(0.5)
    const q = new Value(-1.5)
    const squares = Array.from({ length: 4 }, () => {
      const d = Value.dot([p], [q])
      return d.mul(d)
    })
    const loss = Value.sum(squares)
    const graph = compileGraph({ output: loss, parameters: [p, q] })
    loss.backward()
    graph.forward()
    graph.backward()
    expect(Array.from(graph.parameterGrad)).toEqual([p.grad, q.grad]) // 9, -3
  })

  it('adds each row’s gradient when the rows read overlapping windows, as a convolution does', () => {
    const x = [1, 2, 3, 4, 5].map((data) => new Value(data / 4))
    const weights = [
      [0.5, -1],
      [2, 0.25],
    ].map((row) => row.map((data) => new Value(data)))
    const outputs: Value[] = []
    for (let start = 0; start < 4; start++)
      for (const row of weights) outputs.push(Value.dot(x.slice(start, start + 2), row).tanh())
    const loss = Value.sum(outputs)
    const graph = compileGraph({ output: loss, parameters: weights.flat(), inputs: x })
    loss.backward()
    graph.forward()
    graph.backward()
    expect(
      relativeDifference(
        graph.inputGrad,
        x.map((input) => input.grad),
      ),
    ).toBeLessThan(1e-15)
    expect(
      relativeDifference(
        graph.parameterGrad,
        weights.flat().map((weight) => weight.grad),
      ),
    ).toBeLessThan(1e-15)
  })

  it('skips the inputs’ gradients when asked to, and nothing else', () => {
    const { loss, parameters, inputs, outputs } = layeredGraph(13, [5, 16, 8, 1], 'relu')
    const declaration = { output: loss, parameters, inputs, observed: outputs }
    const replayed = (inputGradients: boolean) => {
      const graph = compileGraph({ ...declaration, inputGradients })
      graph.forward()
      graph.backward()
      return graph
    }
    const [all, parametersOnly] = [replayed(true), replayed(false)]
    expect(parametersOnly.value).toBe(all.value)
    expect(Array.from(parametersOnly.parameterGrad)).toEqual(Array.from(all.parameterGrad))
    expect(all.inputGrad.some((grad) => grad !== 0)).toBe(true)
    expect(parametersOnly.inputGrad.every((grad) => grad === 0)).toBe(true)
    expect(
      catchError(() => compileGraph({ ...declaration, inputGradients: 'no' as never })),
    ).toBeInstanceOf(InvalidOptionError)
  })

  it('leaves every input gradient at 0 without them, whatever op reads the input', () => {
    const [x, y, b] = [new Value(0.5), new Value(0.25), new Value(0.1)]
    const w = new Value(2)
    // A one-input op, a sum with a parameter's term, a neuron whose bias is an input.
    const output = Value.sum([
      x.tanh().mul(w),
      Value.sum([y, w.mul(3)]),
      Value.dot([w], [new Value(2)])
        .add(b)
        .tanh(),
    ])
    for (const simd of [true, false]) {
      const graph = compileGraph({
        output,
        parameters: [w],
        inputs: [x, y, b],
        inputGradients: false,
        simd,
      })
      graph.forward()
      graph.backward()
      output.backward()
      expect(Array.from(graph.inputGrad)).toEqual([0, 0, 0])
      expect(graph.parameterGrad[0]).toBeCloseTo(w.grad, 14)
      w.grad = 0
    }
    // An input gradient that would overflow is not computed, so nothing is thrown.
    const tiny = new Value(1e-320)
    const graph = compileGraph({
      output: tiny.log().mul(w),
      parameters: [w],
      inputs: [tiny],
      inputGradients: false,
    })
    graph.forward()
    graph.backward()
    expect(graph.inputGrad[0]).toBe(0)
  })

  it('names the op whose result overflows in a linear layer, as the scalar replay does', () => {
    for (const withBiases of [true, false]) {
      const { loss, parameters, inputs } = layeredGraph(5, [2, 3], 'linear', 2, withBiases)
      const messages = [false, true].map((simd) => {
        const graph = compileGraph({ output: loss, parameters, inputs, simd })
        graph.inputData[6] = 1e308
        graph.parameterData[0] = 1e10
        return (catchError(() => graph.forward()) as NonFiniteResultError).message
      })
      expect(messages[1]).toBe(messages[0])
      expect(messages[0]).toMatch(/^dot/)
    }
  })

  it('gives the dynamic engine’s loss and gradients', () => {
    const { loss, parameters, inputs } = layeredGraph(20, [2, 8, 8, 1], 'relu', 7)
    expectDynamicNumbers(compileGraph({ output: loss, parameters, inputs }), loss, parameters)
  })

  it('keeps a chain in which each sample reads the previous one’s output correct', () => {
    // The same layer applied again and again (shared weights, as in a recurrent net): no two of
    // its applications can run at once, since each reads the one before.
    const next = numbers(3)
    const weights = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => new Value(next())),
    )
    const start = Array.from({ length: 4 }, () => new Value(next()))
    let state = start
    for (let step = 0; step < 6; step++) state = weights.map((row) => Value.dot(state, row).tanh())
    const loss = Value.sum(state)
    const parameters = weights.flat()
    expectDynamicNumbers(
      compileGraph({ output: loss, parameters, inputs: start }),
      loss,
      parameters,
    )
  })

  it('runs a chain of alike ops inside each sample’s loss once for the whole batch', () => {
    // Each sample's loss takes the largest of its outputs as a + relu(b − a), a chain of adds,
    // muls and relus in which every op reads the one before: the next sample's first op is the
    // one that runs beside it.
    const samples = 13
    const { parameters, inputs, outputs } = layeredGraph(samples, [2, 6, 4], 'tanh', 5)
    const terms = Array.from({ length: samples }, (_, sample) => {
      const row = outputs.slice(sample * 4, sample * 4 + 4)
      let largest = row[0]!
      for (const value of row.slice(1)) largest = largest.add(value.sub(largest).relu())
      return largest.exp().log()
    })
    const loss = Value.sum(terms)
    const declaration = { output: loss, parameters, inputs, observed: [] }
    const recordsOf = (batch: boolean) =>
      buildTape(declaration, batch).records.length / RECORD_WIDTH
    // 13 samples × (3 × (sub, relu, add) + exp + log) ops, and a layer per sample and layer.
    expect(recordsOf(false)).toBeGreaterThan(samples * 11)
    expect(recordsOf(true)).toBeLessThan(20)
    const scalar = compileGraph({ ...declaration, simd: false })
    const batched = compileGraph(declaration)
    for (const graph of [scalar, batched]) {
      graph.forward()
      graph.backward()
    }
    loss.backward()
    expect(batched.value).toBe(scalar.value)
    expect(batched.value).toBe(loss.data)
    const dynamic = parameters.map((parameter) => parameter.grad)
    expect(relativeDifference(batched.parameterGrad, scalar.parameterGrad)).toBeLessThan(1e-14)
    expect(relativeDifference(batched.parameterGrad, dynamic)).toBeLessThan(1e-14)
  })

  it('names the op whose result overflows, as the scalar replay does', () => {
    const { loss, parameters, inputs } = layeredGraph(6, [2, 4, 1], 'tanh')
    for (const simd of [false, true]) {
      const graph = compileGraph({ output: loss, parameters, inputs, simd })
      graph.inputData[4] = 1e308
      graph.parameterData[0] = 1e10
      const error = catchError(() => graph.forward())
      expect(error).toBeInstanceOf(NonFiniteResultError)
      expect((error as NonFiniteResultError).op).toBe('dot')
    }
  })

  it('finds a sum that overflows inside a ReLU layer, which ReLU would hide, as the scalar replay does', () => {
    // ReLU turns −∞ into 0: the kernel checks each sum before it applies the activation.
    for (const sign of [1, -1]) {
      const { loss, parameters, inputs } = layeredGraph(6, [2, 4, 1], 'relu')
      const messages = [false, true].map((simd) => {
        const graph = compileGraph({ output: loss, parameters, inputs, simd })
        graph.inputData[4] = 1e308
        graph.parameterData[0] = sign * 1e10
        const error = catchError(() => graph.forward())
        expect(error).toBeInstanceOf(NonFiniteResultError)
        return (error as NonFiniteResultError).message
      })
      expect(messages[1]).toBe(messages[0])
    }
  })

  it('names the bias add when only adding the bias overflows, as the dynamic engine does', () => {
    // Three samples of a one-input neuron: x·w = 1e308 is finite, x·w + b is not.
    const w = new Value(1, { label: 'w' })
    const b = new Value(1, { label: 'b' })
    const inputs = [1, 2, 3].map((x) => new Value(x))
    const loss = Value.sum(inputs.map((x) => Value.dot([x], [w]).add(b).relu()))
    const dynamic = catchError(() => {
      inputs[1]!.data = 1e308
      b.data = 1e308
      Value.sum(inputs.map((x) => Value.dot([x], [w]).add(b).relu()))
    }) as NonFiniteResultError
    expect(dynamic.op).toBe('add')
    for (const simd of [false, true]) {
      const graph = compileGraph({ output: loss, parameters: [w, b], inputs, simd })
      graph.inputData[1] = 1e308
      graph.parameterData[1] = 1e308
      const error = catchError(() => graph.forward())
      expect(error).toBeInstanceOf(NonFiniteResultError)
      expect((error as NonFiniteResultError).message).toBe(dynamic.message)
    }
  })

  it('falls back to the scalar replay where the runtime has no WebAssembly', async () => {
    vi.resetModules()
    vi.stubGlobal('WebAssembly', undefined)
    try {
      const engine = await import('../src/index.js')
      const x = new engine.Value(2)
      const w = new engine.Value(0.5)
      const graph = engine.compileGraph({
        output: engine.Value.sum([0, 1, 2].map(() => engine.Value.dot([x], [w]).tanh())),
        parameters: [w],
        inputs: [x],
      })
      expect(graph.simd).toBe(false)
      expect(graph.forward()).toBe(3 * Math.tanh(1))
    } finally {
      vi.unstubAllGlobals()
      vi.resetModules()
    }
  })

  it('names the node whose gradient overflows, as the scalar replay does', () => {
    const { parameters, inputs, outputs } = layeredGraph(6, [2, 4, 1], 'relu')
    // 1 / o has the slope -1 / o², which overflows at o = 1e-160 while 1 / o is still finite.
    const output = Value.sum(outputs.map((o) => o.pow(-1)))
    for (const simd of [false, true]) {
      const graph = compileGraph({ output, parameters, inputs, simd })
      // The output layer's four weights and its bias come last: every output becomes 1e-160.
      graph.parameterData.fill(0, 12, 16)
      graph.parameterData[16] = 1e-160
      graph.forward()
      const error = catchError(() => graph.backward())
      expect(error).toBeInstanceOf(NonFiniteGradientError)
      expect((error as NonFiniteGradientError).op).toBe('add')
    }
  })
})

describe('float32', () => {
  it('trains in Float32Arrays, within float32 rounding of float64', () => {
    const { loss, parameters, inputs, outputs } = layeredGraph(13, [2, 16, 16, 1], 'relu')
    const declaration = { output: loss, parameters, inputs, observed: outputs }
    const double = compileGraph(declaration)
    const single = compileGraph({ ...declaration, precision: 'float32' })
    expect(single.precision).toBe('float32')
    expect(single.parameterData).toBeInstanceOf(Float32Array)
    expect(single.observedData).toBeInstanceOf(Float32Array)
    for (const graph of [double, single]) {
      graph.forward()
      graph.backward()
    }
    expect(Math.abs(single.value - double.value) / Math.abs(double.value)).toBeLessThan(1e-5)
    expect(relativeDifference(single.parameterGrad, double.parameterGrad)).toBeLessThan(1e-5)
  })

  it('types the arrays by the precision asked for, and as either when it is not known', () => {
    const x = new Value(1)
    const output = x.mul(2)
    expectTypeOf(compileGraph({ output }).inputData).toEqualTypeOf<Float64Array>()
    expectTypeOf(
      compileGraph({ output, precision: 'float32' }).inputData,
    ).toEqualTypeOf<Float32Array>()
    const chosen = ['float64', 'float32'][1] as Precision
    const graph = compileGraph({ output, inputs: [x], precision: chosen })
    expectTypeOf(graph.inputData).toEqualTypeOf<Float64Array | Float32Array>()
    expect(graph.inputData).toBeInstanceOf(Float32Array)
  })

  it('refuses an input float32 cannot hold, before writing any', () => {
    const x = new Value(1)
    const graph = compileGraph({ output: x.mul(2), inputs: [x], precision: 'float32' })
    expect(() => graph.setInputs([1e39])).toThrow(InvalidOperandError)
    expect(graph.inputData[0]).toBe(1)
  })

  it('names what overflows float32, though float64 would hold it', () => {
    const x = new Value(1e30)
    const w = new Value(1e10)
    const b = new Value(1)
    for (const [output, parameters, op] of [
      [Value.dot([x], [w]).mul(2), [w], 'dot'],
      [Value.dot([x], [w]).add(b).tanh(), [w, b], 'dot'],
      [x.mul(w), [w], 'mul'],
    ] as const)
      for (const simd of [true, false]) {
        const graph = compileGraph({
          output,
          parameters: [...parameters],
          inputs: [x],
          precision: 'float32',
          simd,
        })
        const error = catchError(() => graph.forward()) as NonFiniteResultError
        expect(error).toBeInstanceOf(NonFiniteResultError)
        expect(error.op).toBe(op)
        expect(error.result).toBe(Number.POSITIVE_INFINITY)
      }
  })

  it('refuses a precision or simd option it does not know', () => {
    const x = new Value(1)
    expect(() => compileGraph({ output: x.mul(2), precision: 'float16' as never })).toThrow(
      InvalidOptionError,
    )
    expect(() => compileGraph({ output: x.mul(2), simd: 'yes' as never })).toThrow(
      InvalidOptionError,
    )
  })
})
