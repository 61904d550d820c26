import { Value } from '@mg/engine'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  AdamW,
  InvalidOptionError,
  ModelFormatError,
  NonFiniteValueError,
  type Optimizer,
  restoreOptimizer,
  SGD,
} from '../src/index.js'

const leaves = (...numbers: number[]) => numbers.map((x) => new Value(x))

/** Runs `optimizer` through steps whose gradients are given by hand, one row per step. */
function run(optimizer: Optimizer, gradients: number[][]): number[] {
  for (const row of gradients) {
    optimizer.parameters.forEach((p, i) => {
      p.grad = row[i]!
    })
    optimizer.step()
  }
  return optimizer.parameters.map((p) => p.data)
}

/** Adam as Kingma & Ba write it (bias-corrected m̂, v̂; ε outside the root), for comparison. */
function referenceAdam(
  start: number,
  gradients: number[],
  { lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, l2 = 0, decoupled = 0 },
): number {
  let p = start
  let m = 0
  let v = 0
  gradients.forEach((grad, index) => {
    const t = index + 1
    p = p - lr * decoupled * p
    const g = grad + l2 * p
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    const mHat = m / (1 - beta1 ** t)
    const vHat = v / (1 - beta2 ** t)
    p = p - (lr * mHat) / (Math.sqrt(vHat) + eps)
  })
  return p
}

describe('SGD', () => {
  it("is micrograd's p -= lr * grad without momentum", () => {
    expect(run(new SGD(leaves(1, -2), { learningRate: 0.1 }), [[0.5, -1]])).toEqual([
      1 - 0.1 * 0.5,
      -2 - 0.1 * -1,
    ])
  })

  it("keeps PyTorch's momentum buffer: b = g first, then b = μb + g; p -= lr·b", () => {
    const positions = run(new SGD(leaves(1), { learningRate: 0.1, momentum: 0.9 }), [[1], [1], [1]])
    // buffers 1, 1.9, 2.71 → 1 − 0.1 − 0.19 − 0.271
    expect(positions[0]).toBeCloseTo(0.439, 15)
  })

  it('adds weight decay to the gradient before momentum', () => {
    const optimizer = new SGD(leaves(2), { learningRate: 0.5, momentum: 0.5, weightDecay: 0.1 })
    // step 1: g = 1 + 0.1·2 = 1.2, b = 1.2, p = 2 − 0.6 = 1.4
    // step 2: g = 1 + 0.1·1.4 = 1.14, b = 0.5·1.2 + 1.14 = 1.74, p = 1.4 − 0.87 = 0.53
    expect(run(optimizer, [[1], [1]])[0]).toBeCloseTo(0.53, 15)
    expect(optimizer.stepCount).toBe(2)
  })

  it('zeroes the gradients of its parameters', () => {
    const optimizer = new SGD(leaves(1, 2), { learningRate: 1 })
    optimizer.parameters.forEach((p) => {
      p.grad = 3
    })
    optimizer.zeroGrad()
    expect(optimizer.parameters.map((p) => p.grad)).toEqual([0, 0])
  })
})

describe('Adam and AdamW', () => {
  const gradients = [0.5, -0.25, 0.1, 2, -0.7]

  it("matches Kingma & Ba's bias-corrected update", () => {
    const optimizer = new Adam(leaves(1), { learningRate: 0.1 })
    const [p] = run(
      optimizer,
      gradients.map((g) => [g]),
    )
    expect(p).toBeCloseTo(referenceAdam(1, gradients, { lr: 0.1 }), 14)
    expect(optimizer.stepCount).toBe(5)
  })

  it('moves each parameter by about the learning rate on its first step', () => {
    const [a, b] = run(new Adam(leaves(0, 0), { learningRate: 0.01 }), [[123, -0.004]])
    expect(a).toBeCloseTo(-0.01, 9)
    expect(b).toBeCloseTo(0.01, 5)
  })

  it('adds L2 weight decay to the gradient in Adam', () => {
    const [p] = run(
      new Adam(leaves(1.5), { learningRate: 0.05, weightDecay: 0.1, beta2: 0.99 }),
      gradients.map((g) => [g]),
    )
    expect(p).toBeCloseTo(referenceAdam(1.5, gradients, { lr: 0.05, l2: 0.1, beta2: 0.99 }), 14)
  })

  it('decouples weight decay in AdamW: p −= lr·wd·p, default wd 0.01', () => {
    const optimizer = new AdamW(leaves(1.5), { learningRate: 0.05 })
    expect(optimizer.weightDecay).toBe(0.01)
    const [p] = run(
      optimizer,
      gradients.map((g) => [g]),
    )
    expect(p).toBeCloseTo(referenceAdam(1.5, gradients, { lr: 0.05, decoupled: 0.01 }), 14)
    expect(p).not.toBeCloseTo(referenceAdam(1.5, gradients, { lr: 0.05, l2: 0.01 }), 6)
  })

  it("uses PyTorch's defaults", () => {
    const optimizer = new Adam(leaves(1))
    expect([
      optimizer.learningRate,
      optimizer.beta1,
      optimizer.beta2,
      optimizer.epsilon,
      optimizer.weightDecay,
    ]).toEqual([0.001, 0.9, 0.999, 1e-8, 0])
  })
})

describe('optimizer state', () => {
  const makers: [string, (parameters: Value[]) => Optimizer][] = [
    [
      'SGD',
      (parameters) => new SGD(parameters, { learningRate: 0.1, momentum: 0.9, weightDecay: 0.01 }),
    ],
    ['Adam', (parameters) => new Adam(parameters, { learningRate: 0.1, weightDecay: 0.01 })],
    ['AdamW', (parameters) => new AdamW(parameters, { learningRate: 0.1 })],
  ]
  const gradients = [
    [0.5, -1],
    [0.2, 0.3],
    [-0.4, 0.9],
    [1, 1],
    [-0.1, 0.05],
  ]

  for (const [name, make] of makers) {
    it(`${name}: a saved and restored optimizer continues exactly as the original`, () => {
      const original = make(leaves(1, -1))
      run(original, gradients.slice(0, 3))
      const saved = JSON.parse(JSON.stringify(original.state()))
      const copy = restoreOptimizer(leaves(...original.parameters.map((p) => p.data)), saved)
      expect(copy.constructor).toBe(original.constructor)
      expect(run(copy, gradients.slice(3))).toEqual(run(original, gradients.slice(3)))
      expect(copy.state()).toEqual(original.state())
    })
  }

  it('refuses a state of another optimizer, another size, or with corrupt numbers', () => {
    const sgd = new SGD(leaves(1, 2), { learningRate: 0.1, momentum: 0.9 })
    run(sgd, [[1, 1]])
    const state = sgd.state()
    expect(() => new Adam(leaves(1, 2)).loadState(state)).toThrow(
      /type: expected an 'adam' optimizer state/,
    )
    expect(() => new SGD(leaves(1), { learningRate: 1 }).loadState(state)).toThrow(
      /momentumBuffer: expected an array of 1 numbers, one per parameter/,
    )
    expect(() => sgd.loadState({ ...state, momentumBuffer: [1, null] })).toThrow(
      /momentumBuffer\[1\]: expected a finite number/,
    )
    expect(() => sgd.loadState({ ...state, learningRate: -1 })).toThrow(ModelFormatError)
    expect(() => sgd.loadState({ ...state, stepCount: 1.5 })).toThrow(/stepCount/)
    expect(() => sgd.loadState({ ...state, type: 'rmsprop' })).toThrow(
      /type: expected 'sgd', 'adam' or 'adamw'/,
    )
    expect(() => sgd.loadState('state')).toThrow(ModelFormatError)
    const adam = new Adam(leaves(1, 2)).state()
    expect(() => restoreOptimizer(leaves(1, 2), { ...adam, beta1: 1 })).toThrow(
      /beta1: expected a number in \[0, 1\)/,
    )
    expect(() => restoreOptimizer(leaves(1, 2), { ...adam, secondMoment: [1] })).toThrow(
      /secondMoment/,
    )
  })
})

describe('stepArrays: the same update on flat arrays', () => {
  const makers: [string, (parameters: Value[]) => Optimizer][] = [
    ['SGD', (parameters) => new SGD(parameters, { learningRate: 0.1 })],
    [
      'SGD with momentum and weight decay',
      (parameters) => new SGD(parameters, { learningRate: 0.1, momentum: 0.9, weightDecay: 0.01 }),
    ],
    ['Adam', (parameters) => new Adam(parameters, { learningRate: 0.1, weightDecay: 0.01 })],
    ['AdamW', (parameters) => new AdamW(parameters, { learningRate: 0.1 })],
  ]
  const finite = fc.double({ min: -10, max: 10, noNaN: true })

  it.each(makers)(
    '%s: steps on arrays and on Values interleave as one run, bit for bit',
    (_, make) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4 }).chain((count) =>
            fc.tuple(
              fc.array(finite, { minLength: count, maxLength: count }),
              fc.array(fc.array(finite, { minLength: count, maxLength: count }), {
                minLength: 1,
                maxLength: 6,
              }),
            ),
          ),
          ([start, gradients]) => {
            const onValues = make(leaves(...start))
            const mixed = make(leaves(...start))
            const data = new Float64Array(start.length)
            const grad = new Float64Array(start.length)
            gradients.forEach((row, step) => {
              run(onValues, [row])
              // Every other step on arrays: the state is the optimizer's, whichever path steps.
              if (step % 2 === 1) run(mixed, [row])
              else {
                mixed.parameters.forEach((p, i) => {
                  data[i] = p.data
                  grad[i] = row[i]!
                })
                mixed.stepArrays(data, grad)
                mixed.parameters.forEach((p, i) => {
                  p.data = data[i]!
                })
              }
            })
            expect(mixed.parameters.map((p) => p.data)).toEqual(
              onValues.parameters.map((p) => p.data),
            )
            expect(mixed.state()).toEqual(onValues.state())
          },
        ),
      )
    },
  )

  it.each(makers)('%s: rounds a Float32Array once per step', (_, make) => {
    const start = Math.fround(0.3)
    const onValues = make(leaves(start, -start))
    const data = Float32Array.of(start, -start)
    make(leaves(0, 0)).stepArrays(data, Float32Array.of(0.7, -0.2))
    run(onValues, [[Math.fround(0.7), Math.fround(-0.2)]])
    expect([...data]).toEqual(onValues.parameters.map((p) => Math.fround(p.data)))
  })

  it('refuses arrays of the wrong kind or length, and an update that overflows', () => {
    const optimizer = new SGD(leaves(1, 1e308), { learningRate: 10 })
    expect(() => optimizer.stepArrays(new Float64Array(3), new Float64Array(2))).toThrow(
      /^stepArrays: data: expected a Float64Array or Float32Array of 2 numbers, one per parameter/,
    )
    expect(() => optimizer.stepArrays(new Float64Array(2), [0, 0] as never)).toThrow(
      InvalidOptionError,
    )
    const data = Float64Array.of(1, 1e308)
    expect(() => optimizer.stepArrays(data, Float64Array.of(0, -1e308))).toThrow(
      /parameter 1 must be a finite number, received Infinity/,
    )
    expect(data[1]).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('bad input', () => {
  it('refuses bad hyperparameters and parameter lists', () => {
    expect(() => new SGD(leaves(1), { learningRate: -0.1 })).toThrow(
      /learningRate: expected a finite number ≥ 0, received -0.1/,
    )
    expect(() => new SGD(leaves(1), { learningRate: Number.NaN })).toThrow(InvalidOptionError)
    expect(() => new SGD(leaves(1), undefined as never)).toThrow(/learningRate/)
    expect(() => new SGD(leaves(1), { learningRate: 1, momentum: -0.5 })).toThrow(/momentum/)
    expect(() => new Adam(leaves(1), { beta1: 1 })).toThrow(/beta1: expected a number in \[0, 1\)/)
    expect(() => new Adam(leaves(1), { epsilon: -1 })).toThrow(/epsilon/)
    expect(() => new Adam([1, 2] as never)).toThrow(/parameters\[0\]: expected a Value/)
    const shared = new Value(1)
    expect(() => new SGD([shared, shared], { learningRate: 1 })).toThrow(/updated twice/)
    const optimizer = new SGD(leaves(1), { learningRate: 1 })
    expect(() => {
      optimizer.learningRate = Number.POSITIVE_INFINITY
    }).toThrow(InvalidOptionError)
  })

  it('refuses an update that overflows, naming the parameter', () => {
    const optimizer = new SGD(leaves(1, 1e308), { learningRate: 10 })
    optimizer.parameters[1]!.grad = -1e308
    expect(() => optimizer.step()).toThrow(NonFiniteValueError)
    expect(() => optimizer.step()).toThrow(/parameter 1 must be a finite number, received Infinity/)
  })
})
