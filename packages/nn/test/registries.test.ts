import { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  AdamW,
  accuracy,
  binaryCrossEntropyWithLogits,
  createOptimizer,
  getLoss,
  hingeLoss,
  InvalidLabelError,
  InvalidOptionError,
  LOSSES,
  lossNames,
  MLP,
  mseLoss,
  OPTIMIZERS,
  optimizerNames,
  restoreOptimizer,
  SGD,
  softmaxCrossEntropy,
  train,
} from '../src/index.js'

const rows = (...scores: number[][]) => scores.map((row) => row.map((x) => new Value(x)))

describe('LOSSES', () => {
  it('lists each named loss once, under its own name, in a fixed order', () => {
    expect(lossNames).toEqual(['hinge', 'mse', 'bce', 'softmax-cross-entropy'])
    for (const name of lossNames) {
      expect(LOSSES[name].name).toBe(name)
      expect(getLoss(name)).toBe(LOSSES[name])
      expect(LOSSES[name].title).not.toBe('')
      expect(LOSSES[name].labelEncoding).not.toBe('')
    }
    expect(Object.isFrozen(LOSSES)).toBe(true)
    expect(() => getLoss('l1' as never)).toThrow(InvalidOptionError)
    expect(() => getLoss('l1' as never)).toThrow(
      /loss: expected 'hinge', 'mse', 'bce' or 'softmax-cross-entropy', received "l1"/,
    )
  })

  it('maps labels as train does: hinge 0 → −1, bce −1 → 0, the others unchanged', () => {
    expect([0, 1, -1].map(LOSSES.hinge.mapLabel)).toEqual([-1, 1, -1])
    expect([0, 1, -1].map(LOSSES.bce.mapLabel)).toEqual([0, 1, 0])
    expect([0, 2, -0.5].map(LOSSES.mse.mapLabel)).toEqual([0, 2, -0.5])
    expect([0, 2].map(LOSSES['softmax-cross-entropy'].mapLabel)).toEqual([0, 2])
  })

  it('says which losses need two classes and how many outputs each needs', () => {
    expect(lossNames.filter((name) => LOSSES[name].binary)).toEqual(['hinge', 'bce'])
    expect(lossNames.map((name) => LOSSES[name].outputCount(2))).toEqual([1, 1, 1, 2])
    expect(lossNames.map((name) => LOSSES[name].outputCount(4))).toEqual([1, 4, 1, 4])
  })

  it('computes each loss as its function does', () => {
    const one = rows([0.5], [-2], [1.5])
    const scores = one.map((row) => row[0]!)
    expect(LOSSES.hinge.compute(one, [1, -1, -1]).data).toBe(hingeLoss(scores, [1, -1, -1]).data)
    expect(LOSSES.bce.compute(one, [1, 0, 0]).data).toBe(
      binaryCrossEntropyWithLogits(scores, [1, 0, 0]).data,
    )
    expect(LOSSES.mse.compute(one, [1, 0, 2]).data).toBe(mseLoss(scores, [1, 0, 2]).data)
    const three = rows([2, 0.1, -1], [0, 3, 1])
    expect(LOSSES['softmax-cross-entropy'].compute(three, [0, 2]).data).toBe(
      softmaxCrossEntropy(three, [0, 2]).data,
    )
  })

  it('takes mse against one-hot rows when the model has one output per class', () => {
    const outputs = rows([0.5, 0, 1], [0, 2, 0])
    // Targets [1,0,0] and [0,1,0]: squared errors 0.25 + 0 + 1 and 0 + 1 + 0 over 6 entries.
    expect(LOSSES.mse.compute(outputs, [0, 1]).data).toBeCloseTo(2.25 / 6, 15)
    expect(() => LOSSES.mse.compute(outputs, [0, 3])).toThrow(InvalidLabelError)
    expect(() => LOSSES.mse.compute(outputs, [0, 3])).toThrow(/mseLoss: label 1 must be a class/)
    expect(LOSSES.mse.labelInputs.encode([2, 0], 3)).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ])
    expect(LOSSES.mse.labelInputs.encode([0.5], 1)).toEqual([[0.5]])
  })

  it('measures accuracy by sign, by arg-max, and for mse about the middle of its targets', () => {
    const scores = [[0.3], [-2], [1.5]]
    expect(LOSSES.hinge.accuracyFor([-1, 1])(scores, [1, -1, -1])).toBe(
      accuracy(scores, [1, -1, -1]),
    )
    // 0/1 targets: the threshold is 0.5, so 0.3 predicts class 0.
    expect(LOSSES.mse.accuracyFor([0, 1, 1])(scores, [0, 0, 1])).toBe(1)
    // accuracyFor is accuracy() with accuracyOptions, the one statement of each rule.
    expect(LOSSES.mse.accuracyOptions([0, 1, 1])).toEqual({ threshold: 0.5, labelThreshold: 0.5 })
    expect(accuracy(scores, [0, 0, 1], LOSSES.mse.accuracyOptions([0, 1, 1]))).toBe(1)
    expect(LOSSES.hinge.accuracyOptions([-1, 1])).toEqual({})
    expect(
      LOSSES.mse.accuracyFor([0, 1, 2])(
        [
          [0.1, 0.9, 0],
          [1, 0, 0],
        ],
        [1, 2],
      ),
    ).toBe(0.5)
  })

  it('trains a three-class model on one-hot mse', () => {
    const model = new MLP(2, [8, 3], { seed: 3 })
    const data = {
      X: [
        [0, 1],
        [1, 0],
        [-1, -1],
      ],
      y: [0, 1, 2],
    }
    const optimizer = new SGD(model.parameters(), { learningRate: 0.1 })
    const history = train(model, data, { loss: 'mse', optimizer, steps: 200 })
    expect(history.steps.at(-1)!.loss).toBeLessThan(history.steps[0]!.loss / 4)
    expect(history.steps.at(-1)!.accuracy).toBe(1)
  })
})

describe('createOptimizer', () => {
  const parameters = () => [new Value(1), new Value(-2)]

  it('builds each optimizer by name, with the options of its class', () => {
    expect(optimizerNames).toEqual(['sgd', 'adam', 'adamw'])
    expect(optimizerNames.map((name) => OPTIMIZERS[name].title)).toEqual(['SGD', 'Adam', 'AdamW'])
    const sgd = createOptimizer('sgd', parameters(), { learningRate: 0.5, momentum: 0.9 })
    expect(sgd).toBeInstanceOf(SGD)
    expect(sgd.state()).toMatchObject({ type: 'sgd', learningRate: 0.5, momentum: 0.9 })
    const adam = createOptimizer('adam', parameters(), { learningRate: 0.01 })
    expect(adam).toBeInstanceOf(Adam)
    expect(adam).not.toBeInstanceOf(AdamW)
    const adamw = createOptimizer('adamw', parameters(), {})
    expect(adamw).toBeInstanceOf(AdamW)
    expect(adamw.state()).toMatchObject({ type: 'adamw', learningRate: 0.001, weightDecay: 0.01 })
  })

  it('updates exactly as the class built by hand does', () => {
    for (const name of optimizerNames) {
      const byName = createOptimizer(name, parameters(), { learningRate: 0.1 })
      const restored = restoreOptimizer(parameters(), byName.state())
      for (const optimizer of [byName, restored]) {
        for (const parameter of optimizer.parameters) parameter.grad = 0.3
        optimizer.step()
      }
      expect(restored.parameters.map((p) => p.data)).toEqual(byName.parameters.map((p) => p.data))
    }
  })

  it('refuses an unknown name or missing options', () => {
    expect(() => createOptimizer('rmsprop' as never, parameters(), {} as never)).toThrow(
      /optimizer: expected 'sgd', 'adam', 'adamw', received "rmsprop"/,
    )
    expect(() => createOptimizer('adam', parameters(), null as never)).toThrow(InvalidOptionError)
    expect(() => createOptimizer('sgd', parameters(), {} as never)).toThrow(/learningRate/)
  })
})
