import { NonFiniteResultError } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  cosineSchedule,
  createRng,
  evaluate,
  InvalidLabelError,
  InvalidOptionError,
  LengthMismatchError,
  linearDecay,
  MLP,
  mseLoss,
  NonFiniteValueError,
  SGD,
  type StepRecord,
  TrainingDivergedError,
  train,
} from '../src/index.js'
import { microgradDemoData } from './fixtures/micrograd-demo.js'
import { makeSpiral } from './fixtures/spiral.js'

const moons = microgradDemoData() // labels ±1
const moons01 = { X: moons.X, y: moons.y.map((label) => (label + 1) / 2) }

function small(seed = 1) {
  const model = new MLP(2, [8, 1], { seed })
  return { model, optimizer: new SGD(model.parameters(), { learningRate: 0.5 }) }
}

/** A short mini-batch run from the same weights, its batches shuffled by `seed` (fresh if none). */
function miniBatchRun(seed?: number) {
  const { model, optimizer } = small(9)
  const history = train(model, moons, { loss: 'hinge', optimizer, steps: 12, batchSize: 16, seed })
  return { seed: history.seed, losses: history.steps.map((record) => record.loss) }
}

describe('train', () => {
  it('returns one record per step and calls onStep with each', () => {
    const { model, optimizer } = small()
    const seen: StepRecord[] = []
    const history = train(model, moons, {
      loss: 'hinge',
      optimizer,
      schedule: linearDecay({ steps: 10 }),
      steps: 10,
      seed: 4,
      onStep: (record) => seen.push(record),
    })
    expect(history.steps).toHaveLength(10)
    expect(seen).toEqual(history.steps)
    expect(history.seed).toBe(4)
    expect(history.steps.map((record) => record.step)).toEqual([...Array(10).keys()])
    expect(history.steps.map((record) => record.learningRate)).toEqual(
      [...Array(10).keys()].map(linearDecay({ steps: 10 })),
    )
    for (const record of history.steps) {
      expect(record.epoch).toBe(record.step)
      expect(record.msPerStep).toBeGreaterThanOrEqual(0)
      expect(record.loss).toBe(record.dataLoss)
      expect(record.accuracy).toBeGreaterThanOrEqual(0)
      expect(record.accuracy).toBeLessThanOrEqual(1)
    }
    expect(history.totalMs).toBeGreaterThanOrEqual(0)
    expect(history.steps[9]!.loss).toBeLessThan(history.steps[0]!.loss)
  })

  it('adds the L2 penalty to the loss it minimises and reports the data loss apart', () => {
    const { model, optimizer } = small()
    const [record] = train(model, moons, {
      loss: 'hinge',
      optimizer,
      steps: 1,
      l2Alpha: 0.01,
    }).steps
    const penalty =
      0.01 *
      Array.from(new MLP(2, [8, 1], { seed: 1 }).getParameterValues()).reduce(
        (t, p) => t + p * p,
        0,
      )
    expect(record!.loss - record!.dataLoss).toBeCloseTo(penalty, 14)
  })

  it('is deterministic under a seed, mini-batches included', () => {
    expect(miniBatchRun(5).losses).toEqual(miniBatchRun(5).losses)
    expect(miniBatchRun(5).losses).not.toEqual(miniBatchRun(6).losses)
  })

  it('reports the fresh seed it drew, which replays the run', () => {
    const first = miniBatchRun()
    expect(miniBatchRun(first.seed).losses).toEqual(first.losses)
  })

  it('visits every sample once per epoch in mini-batches', () => {
    const data = { X: Array.from({ length: 10 }, (_, i) => [i / 10, 1]), y: [...Array(10).keys()] }
    const model = new MLP(2, [1], { seed: 1 })
    const batches: number[][] = []
    const history = train(model, data, {
      loss: (outputs, labels) => {
        batches.push(labels)
        return mseLoss(
          outputs.map((row) => row[0]!),
          labels,
        )
      },
      optimizer: new SGD(model.parameters(), { learningRate: 0.01 }),
      epochs: 3,
      batchSize: 4,
      seed: 2,
    })
    expect(history.steps).toHaveLength(9)
    expect(history.steps.map((r) => r.epoch)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2])
    expect(batches.map((batch) => batch.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 4, 2])
    for (let epoch = 0; epoch < 3; epoch++) {
      expect(
        batches
          .slice(3 * epoch, 3 * epoch + 3)
          .flat()
          .sort((a, b) => a - b),
      ).toEqual([...Array(10).keys()])
    }
    expect(batches.slice(0, 3).flat()).not.toEqual(batches.slice(3, 6).flat())
    // The order is the shared generator's shuffle: one seed, one stream, in every package.
    const rng = createRng(2)
    const epochs = [0, 1, 2].map(() => rng.shuffle([...Array(10).keys()]))
    expect(batches.flat()).toEqual(epochs.flat())
  })

  it('maps 0/1 labels to ±1 for the hinge loss, and ±1 to 0/1 for BCE', () => {
    const losses = (data: typeof moons, loss: 'hinge' | 'bce') => {
      const { model, optimizer } = small(3)
      return train(model, data, { loss, optimizer, steps: 5 }).steps.map((r) => [
        r.loss,
        r.accuracy,
      ])
    }
    expect(losses(moons01, 'hinge')).toEqual(losses(moons, 'hinge'))
    expect(losses(moons, 'bce')).toEqual(losses(moons01, 'bce'))
  })

  it('learns the moons with BCE and Adam', () => {
    const model = new MLP(2, [16, 1], { seed: 2, activation: 'tanh', init: 'scaled' })
    const history = train(model, moons01, {
      loss: 'bce',
      optimizer: new Adam(model.parameters(), { learningRate: 0.05 }),
      steps: 150,
    })
    expect(history.steps.at(-1)!.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(evaluate(model, moons01, { loss: 'bce' }).accuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('fits a line with MSE', () => {
    const data = { X: [[-1], [0], [1], [2]], y: [-1, 1, 3, 5] } // y = 2x + 1
    const model = new MLP(1, [1], { seed: 1 })
    const history = train(model, data, {
      loss: 'mse',
      optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
      steps: 200,
    })
    expect(history.steps.at(-1)!.loss).toBeLessThan(1e-10)
    expect(model.predict([3])[0]).toBeCloseTo(7, 4)
  })

  it('learns a 3-class spiral with softmax cross-entropy and Adam to ≥ 95% accuracy', () => {
    const spiral = makeSpiral(50, 3, 7)
    const model = new MLP(2, [16, 16, 3], { seed: 1, init: 'scaled' })
    const history = train(model, spiral, {
      loss: 'softmax-cross-entropy',
      optimizer: new Adam(model.parameters(), { learningRate: 0.03 }),
      schedule: cosineSchedule({ initial: 0.03, final: 0.003, steps: 150 }),
      steps: 150,
    })
    expect(history.steps[0]!.accuracy).toBeLessThan(0.6)
    expect(
      evaluate(model, spiral, { loss: 'softmax-cross-entropy' }).accuracy,
    ).toBeGreaterThanOrEqual(0.95)
  })

  it('stops with an error naming the step when training diverges', () => {
    const model = new MLP(1, [1], { rng: { uniform: () => 0.75 } })
    const optimizer = new SGD(model.parameters(), { learningRate: 1000 })
    const seen: number[] = []
    let error: unknown
    try {
      train(
        model,
        { X: [[100]], y: [1] },
        { loss: 'mse', optimizer, steps: 100, onStep: (r) => seen.push(r.step) },
      )
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(TrainingDivergedError)
    const diverged = error as TrainingDivergedError
    expect(diverged.step).toBe(seen.length)
    expect(diverged.message).toMatch(new RegExp(`^train: diverged at step ${seen.length}: `))
    expect(diverged.message).toMatch(/Lower the learning rate/)
    expect(diverged.cause).toSatisfy(
      (cause) => cause instanceof NonFiniteResultError || cause instanceof NonFiniteValueError,
    )
  })
})

describe('evaluate', () => {
  it('gives the loss and accuracy train would see, without recording a graph or touching gradients', () => {
    const { model, optimizer } = small(4)
    const before = evaluate(model, moons, { loss: 'hinge', l2Alpha: 1e-3 })
    model.parameters().forEach((p) => {
      p.grad = 0.25
    })
    expect(evaluate(model, moons, { loss: 'hinge' }).loss).toBeLessThan(before.loss)
    expect(model.parameters().every((p) => p.grad === 0.25)).toBe(true)
    const [record] = train(model, moons, {
      loss: 'hinge',
      optimizer,
      steps: 1,
      l2Alpha: 1e-3,
    }).steps
    expect(before.loss).toBe(record!.loss)
    expect(before.accuracy).toBe(record!.accuracy)
  })
})

describe('bad input', () => {
  const { model, optimizer } = small()
  const options = { loss: 'hinge' as const, optimizer, steps: 1 }

  it('refuses malformed data', () => {
    expect(() => train(model, { X: [], y: [] }, options)).toThrow(
      /data.X: expected a non-empty array/,
    )
    expect(() => train(model, { X: [[1, 2]], y: [1, -1] }, options)).toThrow(LengthMismatchError)
    expect(() => train(model, { X: [[1, Number.NaN]], y: [1] }, options)).toThrow(
      /data.X\[0\] feature 1 must be a finite number, received NaN/,
    )
    expect(() => train(model, { X: [[1, 2]], y: [Number.POSITIVE_INFINITY] }, options)).toThrow(
      NonFiniteValueError,
    )
    expect(() => train(model, { X: [[1, 2, 3]], y: [1] }, options)).toThrow(
      /expected an input of 2 numbers/,
    )
    expect(() => train(model, null as never, options)).toThrow(/data: expected an object/)
  })

  it('refuses labels the loss cannot take', () => {
    expect(() => train(model, { X: [[1, 2]], y: [2] }, options)).toThrow(InvalidLabelError)
    const three = new MLP(2, [3], { seed: 1 })
    const threeOptions = { optimizer: new SGD(three.parameters(), { learningRate: 1 }), steps: 1 }
    expect(() =>
      train(three, { X: [[1, 2]], y: [3] }, { ...threeOptions, loss: 'softmax-cross-entropy' }),
    ).toThrow(/label 0 must be a class index in \[0, 3\)/)
    expect(() => train(three, { X: [[1, 2]], y: [1] }, { ...threeOptions, loss: 'hinge' })).toThrow(
      /a model with one output for 'hinge' \(its output has 3 values\).*softmax-cross-entropy/,
    )
  })

  it('refuses bad options', () => {
    expect(() => train(model, moons, { ...options, loss: 'l1' as never })).toThrow(
      /loss: expected 'hinge', 'mse', 'bce'/,
    )
    expect(() => train(model, moons, { ...options, loss: () => 1 as never })).toThrow(
      /returns a Value/,
    )
    expect(() => train(model, moons, { ...options, optimizer: {} as never })).toThrow(
      /optimizer: expected an optimizer/,
    )
    expect(() => train(model, moons, { ...options, epochs: 2 })).toThrow(
      /Pass one of steps or epochs/,
    )
    expect(() => train(model, moons, { ...options, steps: 0 })).toThrow(
      /steps: expected a whole number/,
    )
    expect(() => train(model, moons, { ...options, batchSize: 0 })).toThrow(/batchSize/)
    expect(() => train(model, moons, { ...options, seed: 0.5 })).toThrow(/seed/)
    expect(() => train(model, moons, { ...options, l2Alpha: -1 })).toThrow(/l2Alpha/)
    expect(() => train(model, moons, { ...options, schedule: 0.1 as never })).toThrow(/schedule/)
    expect(() => train({} as never, moons, options)).toThrow(InvalidOptionError)
    expect(() => evaluate(model, moons, {} as never)).toThrow(/loss/)
  })
})
