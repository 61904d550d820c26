import { compileGraph, gradcheck, Value } from '@mg/engine'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accuracy,
  binaryCrossEntropyWithLogits,
  hingeLoss,
  InvalidLabelError,
  InvalidOptionError,
  LengthMismatchError,
  l2Penalty,
  mseLoss,
  softmaxCrossEntropy,
} from '../src/index.js'

const values = (numbers: number[]) => numbers.map((x) => new Value(x))
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** Runs `loss` on fresh leaves and returns its value and the leaves' gradients. */
function lossAndGrads(numbers: number[], loss: (leaves: Value[]) => Value) {
  const leaves = values(numbers)
  const out = loss(leaves)
  out.backward()
  return { value: out.data, grads: leaves.map((leaf) => leaf.grad) }
}

describe('hingeLoss', () => {
  it('is the mean of relu(1 − y·s), with gradient −y/n where the margin is violated', () => {
    const { value, grads } = lossAndGrads([0.5, -2, 3, 2], (s) => hingeLoss(s, [1, 1, -1, 1]))
    // margins: 1 − 0.5 = 0.5, 1 + 2 = 3, 1 + 3 = 4, 1 − 2 < 0 → 0
    expect(value).toBeCloseTo((0.5 + 3 + 4 + 0) / 4, 15)
    expect(grads).toEqual([-0.25, -0.25, 0.25, 0])
  })

  it('passes gradcheck', () => {
    expect(gradcheck((s) => hingeLoss(s, [1, -1, 1]), [0.3, 0.7, -1.2]).ok).toBe(true)
  })

  it('refuses labels other than ±1 and mismatched lengths', () => {
    expect(() => hingeLoss(values([1, 2]), [1, 0])).toThrow(InvalidLabelError)
    expect(() => hingeLoss(values([1, 2]), [1, 0])).toThrow(/label 1 must be −1 or 1, received 0/)
    expect(() => hingeLoss(values([1, 2]), [1])).toThrow(LengthMismatchError)
    expect(() => hingeLoss([], [])).toThrow(InvalidOptionError)
  })
})

describe('mseLoss', () => {
  it("is PyTorch's MSELoss: mean (p − t)², gradient 2(p − t)/n", () => {
    const { value, grads } = lossAndGrads([2.5, 0, 2], (p) => mseLoss(p, [3, -0.5, 2]))
    expect(value).toBeCloseTo(1 / 6, 15)
    expect(grads[0]).toBeCloseTo(-1 / 3, 15)
    expect(grads[1]).toBeCloseTo(1 / 3, 15)
    expect(grads[2]).toBe(0)
  })

  it('passes gradcheck and refuses non-finite targets', () => {
    expect(gradcheck((p) => mseLoss(p, [1, -2]), [0.1, 0.4]).ok).toBe(true)
    expect(() => mseLoss(values([1]), [Number.NaN])).toThrow(InvalidLabelError)
  })
})

describe('binaryCrossEntropyWithLogits', () => {
  it("matches PyTorch's −[y log σ(x) + (1 − y) log(1 − σ(x))], gradient (σ(x) − y)/n", () => {
    const x = [0.5, -1, 2, 0, -0.3]
    const y = [1, 0, 1, 0, 0.3]
    const { value, grads } = lossAndGrads(x, (logits) => binaryCrossEntropyWithLogits(logits, y))
    const expected =
      x.reduce(
        (total, xi, i) =>
          total - (y[i]! * Math.log(sigmoid(xi)) + (1 - y[i]!) * Math.log(1 - sigmoid(xi))),
        0,
      ) / x.length
    expect(value).toBeCloseTo(expected, 14)
    grads.forEach((grad, i) => {
      expect(grad).toBeCloseTo((sigmoid(x[i]!) - y[i]!) / x.length, 15)
    })
  })

  it('does not overflow for logits of ±1000', () => {
    const right = lossAndGrads([1000, -1000], (logits) =>
      binaryCrossEntropyWithLogits(logits, [1, 0]),
    )
    expect(right.value).toBe(0)
    expect(right.grads).toEqual([0, 0])
    const wrong = lossAndGrads([1000, -1000], (logits) =>
      binaryCrossEntropyWithLogits(logits, [0, 1]),
    )
    expect(wrong.value).toBe(1000)
    expect(wrong.grads).toEqual([0.5, -0.5])
  })

  it('passes gradcheck on both sides of 0', () => {
    expect(
      gradcheck((x) => binaryCrossEntropyWithLogits(x, [1, 0, 0.5]), [-0.7, 1.3, 0.2]).ok,
    ).toBe(true)
  })

  it('refuses labels outside [0, 1]', () => {
    expect(() => binaryCrossEntropyWithLogits(values([1, 2]), [0, -1])).toThrow(
      /label 1 must be in \[0, 1\]/,
    )
  })
})

describe('softmaxCrossEntropy', () => {
  it("matches PyTorch's CrossEntropyLoss: mean of log Σ e^z − z_c, gradient (softmax − onehot)/n", () => {
    const rows = [
      [1, 2, 3],
      [0.5, -1, 0],
    ]
    const classes = [0, 2]
    const leaves = rows.map(values)
    const loss = softmaxCrossEntropy(leaves, classes)
    loss.backward()
    const naive = rows.map(
      (row, i) => Math.log(row.reduce((t, z) => t + Math.exp(z), 0)) - row[classes[i]!]!,
    )
    expect(loss.data).toBeCloseTo((naive[0]! + naive[1]!) / 2, 15)
    expect(naive[0]).toBeCloseTo(2.40760596444438, 13) // torch.nn.functional.cross_entropy([[1., 2., 3.]], [0])
    rows.forEach((row, i) => {
      const total = row.reduce((t, z) => t + Math.exp(z), 0)
      row.forEach((z, j) => {
        expect(leaves[i]![j]!.grad).toBeCloseTo(
          (Math.exp(z) / total - (j === classes[i] ? 1 : 0)) / 2,
          15,
        )
      })
    })
  })

  it('does not overflow for logits of ±1000', () => {
    const logits = [values([1000, 0, -1000]), values([1000, 0, -1000])]
    const loss = softmaxCrossEntropy(logits, [0, 2])
    loss.backward()
    expect(loss.data).toBe(1000) // (0 + 2000) / 2
    expect(logits[1]!.map((z) => z.grad)).toEqual([0.5, 0, -0.5])
  })

  it('does not change when every logit of a row moves by the same amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (row, shift) => {
          const base = softmaxCrossEntropy([values(row)], [0]).data
          const moved = softmaxCrossEntropy([values(row.map((z) => z + shift))], [0]).data
          expect(Math.abs(base - moved)).toBeLessThan(1e-9 * Math.max(1, base))
        },
      ),
    )
  })

  it('equals binary cross-entropy for two classes with logits [0, x]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.constantFrom(0, 1),
        (x, label) => {
          const softmax = softmaxCrossEntropy([values([0, x])], [label]).data
          const binary = binaryCrossEntropyWithLogits(values([x]), [label]).data
          expect(Math.abs(softmax - binary)).toBeLessThan(1e-12 * Math.max(1, binary))
        },
      ),
    )
  })

  it('passes gradcheck', () => {
    expect(
      gradcheck(
        ([a, b, c, d]) =>
          softmaxCrossEntropy(
            [
              [a!, b!],
              [c!, d!],
            ],
            [1, 0],
          ),
        [0.2, -0.4, 1.1, 0.3],
      ).ok,
    ).toBe(true)
  })

  it('refuses bad class indices and empty rows', () => {
    expect(() => softmaxCrossEntropy([values([1, 2, 3])], [3])).toThrow(
      /label 0 must be a class index in \[0, 3\)/,
    )
    expect(() => softmaxCrossEntropy([values([1, 2]), values([1, 2])], [0, 0.5])).toThrow(
      InvalidLabelError,
    )
    expect(() => softmaxCrossEntropy([[]], [0])).toThrow(InvalidOptionError)
  })
})

describe('labels held in Values (the inputs of a compiled graph)', () => {
  const scores = [0.7, -1.3, 2.1, 0, -0.2]
  it.each([
    ['hingeLoss', hingeLoss, [1, -1, -1, 1, -1]],
    ['mseLoss', mseLoss, [0.5, -1, 3, 0, -0.25]],
    ['binaryCrossEntropyWithLogits', binaryCrossEntropyWithLogits, [1, 0, 0.3, 1, 0]],
  ] as const)(
    '%s gives the same loss and gradients as with numbers, and a gradient for each label',
    (_, loss, labels) => {
      const withNumbers = lossAndGrads(scores, (leaves) => loss(leaves, labels))
      const labelValues = values([...labels])
      const withValues = lossAndGrads(scores, (leaves) => loss(leaves, labelValues))
      expect(withValues.value).toBe(withNumbers.value)
      withValues.grads.forEach((grad, index) => {
        expect(grad).toBeCloseTo(withNumbers.grads[index]!, 15)
      })
      // The labels stay in the graph: a compiled graph replays the loss for other labels.
      const graph = compileGraph({
        output: loss(values(scores), labelValues),
        inputs: labelValues,
      })
      const others = [...labels].reverse()
      graph.setInputs(others)
      expect(graph.forward()).toBe(loss(scores, others).data)
    },
  )

  it('checks a Value label by its data', () => {
    expect(() => hingeLoss(values([1, 2]), values([1, 0]))).toThrow(
      /hingeLoss: label 1 must be −1 or 1, received 0/,
    )
    expect(() => binaryCrossEntropyWithLogits(values([1]), values([2]))).toThrow(InvalidLabelError)
  })

  it('records binary cross-entropy without a branch: a compiled graph replays it for logits of ±1000', () => {
    const logit = new Value(1) // positive at record time
    const label = new Value(1)
    const graph = compileGraph({
      output: binaryCrossEntropyWithLogits([logit], [label]),
      inputs: [logit, label],
    })
    for (const [x, y, loss, slope] of [
      [-1000, 1, 1000, -1],
      [1000, 0, 1000, 1],
      [-1000, 0, 0, 0],
      [0, 1, Math.LN2, -0.5],
    ]) {
      graph.setInputs([x!, y!])
      expect(graph.forward()).toBe(loss)
      graph.zeroGrad()
      graph.backward()
      expect(graph.inputGrad[0]).toBe(slope)
    }
  })

  it('gives binary cross-entropy its slope σ(0) − y at a logit of exactly 0', () => {
    const { grads } = lossAndGrads([0, 0, 0], (x) => binaryCrossEntropyWithLogits(x, [1, 0, 0.25]))
    expect(grads).toEqual([(0.5 - 1) / 3, 0.5 / 3, 0.25 / 3])
  })
})

describe('softmaxCrossEntropy with rows of class probabilities', () => {
  const rows = [
    [1, 2, 3],
    [0.5, -1, 0],
    [-0.3, 0.8, 0.1],
  ]

  it('gives the class-index loss for one-hot rows, in numbers or Values', () => {
    const byIndex = lossAndGrads(rows.flat(), (z) =>
      softmaxCrossEntropy([z.slice(0, 3), z.slice(3, 6), z.slice(6)], [0, 2, 1]),
    )
    const oneHot = [
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]
    for (const targets of [oneHot, oneHot.map(values)]) {
      const byRow = lossAndGrads(rows.flat(), (z) =>
        softmaxCrossEntropy([z.slice(0, 3), z.slice(3, 6), z.slice(6)], targets),
      )
      expect(Math.abs(byRow.value - byIndex.value)).toBeLessThan(1e-15)
      byRow.grads.forEach((grad, index) => {
        expect(Math.abs(grad - byIndex.grads[index]!)).toBeLessThan(1e-15)
      })
    }
  })

  it("matches PyTorch's probability targets: mean of −Σ t log softmax, gradient (softmax·Σt − t)/n", () => {
    const targets = [
      [0.2, 0.3, 0.5],
      [1, 0, 0],
      [0.6, 0, 0.3], // PyTorch does not require a row to sum to 1
    ]
    const { value, grads } = lossAndGrads(rows.flat(), (z) =>
      softmaxCrossEntropy([z.slice(0, 3), z.slice(3, 6), z.slice(6)], targets),
    )
    const softmax = rows.map((row) => {
      const total = row.reduce((sum, z) => sum + Math.exp(z), 0)
      return row.map((z) => Math.exp(z) / total)
    })
    const expected =
      rows.reduce(
        (sum, _, i) => sum - targets[i]!.reduce((t, p, j) => t + p * Math.log(softmax[i]![j]!), 0),
        0,
      ) / 3
    expect(value).toBeCloseTo(expected, 14)
    rows.forEach((row, i) => {
      const mass = targets[i]!.reduce((t, p) => t + p, 0)
      row.forEach((_, j) => {
        expect(grads[3 * i + j]).toBeCloseTo((softmax[i]![j]! * mass - targets[i]![j]!) / 3, 15)
      })
    })
  })

  it('records the shift with ops: a compiled graph replays the loss for logits far from the recorded ones', () => {
    const logits = values([0, 0, 0])
    const targets = values([0, 0, 1])
    const graph = compileGraph({
      output: softmaxCrossEntropy([logits], [targets]),
      inputs: [...logits, ...targets],
    })
    graph.setInputs([1000, 0, -1000, 0, 0, 1])
    expect(graph.forward()).toBe(2000)
    graph.setInputs([1, 2, 3, 1, 0, 0])
    expect(graph.forward()).toBeCloseTo(2.40760596444438, 13) // PyTorch, as above
  })

  it('does not overflow for logits of ±1000, and refuses bad rows', () => {
    const logits = [values([1000, 0, -1000]), values([-1000, 0, 1000])]
    const loss = softmaxCrossEntropy(logits, [
      [0, 0, 1],
      [0, 0, 1],
    ])
    loss.backward()
    expect(loss.data).toBe(1000) // (2000 + 0) / 2
    expect(logits[0]!.map((z) => z.grad)).toEqual([0.5, 0, -0.5])
    expect(() => softmaxCrossEntropy([values([1, 2])], [[0.5, 0.5, 0]])).toThrow(
      LengthMismatchError,
    )
    expect(() => softmaxCrossEntropy([values([1, 2])], [[1.5, 0]])).toThrow(
      /label 0 must be a row of class probabilities in \[0, 1\], received 1.5/,
    )
  })
})

describe('l2Penalty', () => {
  it('is alpha · Σ p², gradient 2·alpha·p', () => {
    const parameters = values([1, -2, 3])
    const penalty = l2Penalty(parameters, 0.1)
    penalty.backward()
    expect(penalty.data).toBeCloseTo(1.4, 15)
    expect(parameters.map((p) => p.grad)).toEqual([0.2, -0.4, 0.6000000000000001])
  })

  it("equals micrograd's alpha * sum(p*p) bit for bit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 40 }),
        (numbers) => {
          const micrograd = numbers.reduce((total, p) => total + p * p, 0) * 1e-4
          expect(l2Penalty(values(numbers), 1e-4).data).toBe(micrograd)
        },
      ),
    )
  })

  it('passes gradcheck and refuses a negative alpha', () => {
    expect(gradcheck((p) => l2Penalty(p, 0.5), [0.3, -1.7]).ok).toBe(true)
    expect(() => l2Penalty(values([1]), -1)).toThrow(/alpha: expected a finite number ≥ 0/)
  })
})

describe('accuracy', () => {
  it('scores ±1 labels by sign, as micrograd', () => {
    expect(accuracy([0.3, -2, 1.5], [1, -1, -1])).toBeCloseTo(2 / 3, 15)
    expect(accuracy(values([0.3, -2]), [1, -1])).toBe(1)
    expect(accuracy([[0.3], [-2]], [1, -1])).toBe(1)
  })

  it('scores 0/1 probabilities with threshold 0.5', () => {
    expect(accuracy([0.9, 0.2, 0.6], [1, 0, 0], { threshold: 0.5 })).toBeCloseTo(2 / 3, 15)
  })

  it('scores regression targets about a label threshold', () => {
    // Targets 2 and 4: both thresholds midway, as the 'mse' entry of LOSSES puts them.
    const middle = { threshold: 3, labelThreshold: 3 }
    expect(accuracy([2.5, 3.5, 3.1], [2, 4, 2], middle)).toBeCloseTo(2 / 3, 15)
    // By default both targets are above 0, the positive class, as are both scores.
    expect(accuracy([2.5, 3.5], [2, 4])).toBe(1)
  })

  it('scores multi-class logits by argmax', () => {
    expect(
      accuracy(
        [
          [2, 0.1, -1],
          [0, 3, 1],
        ],
        [0, 2],
      ),
    ).toBe(0.5)
  })

  it('is always in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true }), fc.constantFrom(-1, 1)), { minLength: 1 }),
        (pairs) => {
          const result = accuracy(
            pairs.map(([score]) => score),
            pairs.map(([, label]) => label),
          )
          expect(result).toBeGreaterThanOrEqual(0)
          expect(result).toBeLessThanOrEqual(1)
        },
      ),
    )
  })

  it('refuses bad input', () => {
    expect(() => accuracy([1, 2], [1])).toThrow(LengthMismatchError)
    expect(() => accuracy([[1, 2]], [2])).toThrow(InvalidLabelError)
    expect(() => accuracy([1], [1], { threshold: Number.NaN })).toThrow(/threshold/)
    expect(() => accuracy([1], [1], { labelThreshold: '0' as never })).toThrow(
      /labelThreshold: expected a finite number/,
    )
    expect(() => accuracy([[]], [1])).toThrow(InvalidOptionError)
  })
})
