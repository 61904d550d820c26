/*
 * A compiled run keeps the parameters' numbers in flat arrays between the edges of a burst. These
 * tests pin what the rest of the world sees at those edges: the model's Values before each onStep
 * and after each trainer.step(), the caller's changes between bursts, and the optimizer's state,
 * each equal to what the dynamic run (which works on the Values throughout) gives.
 */
import type { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  AdamW,
  createTrainer,
  evaluate,
  loadModel,
  MLP,
  type Optimizer,
  type OptimizerState,
  SGD,
  type StepRecord,
  saveModel,
  type TrainerOptions,
  TrainingDivergedError,
} from '../src/index.js'
import { microgradDemoData } from './fixtures/micrograd-demo.js'
import { makeSpiral } from './fixtures/spiral.js'
import { thrownBy } from './thrown-by.js'

const moons = microgradDemoData()
// 60 points in batches of 25: steps of 25, 25 and 10 samples, so two recorded graphs.
const spiral = makeSpiral(20, 3, 7)
const spiralOptions = {
  loss: 'softmax-cross-entropy',
  l2Alpha: 1e-4,
  batchSize: 25,
  seed: 3,
} as const satisfies Partial<TrainerOptions>

/** Compiled and dynamic numbers agree to this (the graph may sum a batch's gradients in another order). */
const TOLERANCE = 1e-12

function expectClose(received: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(received.length).toBe(expected.length)
  for (let index = 0; index < expected.length; index++)
    expect(Math.abs(received[index]! - expected[index]!), `entry ${index}`).toBeLessThan(TOLERANCE)
}

/** Scalars of two optimizer states equal, per-parameter buffers within {@link TOLERANCE}. */
function expectSameState(received: OptimizerState, expected: OptimizerState) {
  const buffers = (state: OptimizerState) =>
    Object.entries(state).filter(([, value]) => Array.isArray(value))
  const scalars = (state: OptimizerState) =>
    Object.entries(state).filter(([, value]) => !Array.isArray(value))
  expect(scalars(received)).toEqual(scalars(expected))
  const expectedBuffers = new Map(buffers(expected))
  expect(buffers(received).map(([name]) => name)).toEqual([...expectedBuffers.keys()])
  for (const [name, values] of buffers(received))
    expectClose(values as number[], expectedBuffers.get(name) as number[])
}

const numbersOf = (record: StepRecord) => [record.loss, record.dataLoss]
const grads = (parameters: readonly Value[]) => parameters.map((parameter) => parameter.grad)

interface Run {
  model: MLP
  optimizer: Optimizer
  records: StepRecord[]
  /** The model's parameters and gradients as each onStep saw them. */
  seen: { data: Float64Array; grad: number[] }[]
}

/**
 * Trains a fresh model in `bursts`, calling `between(model, burst)` after each burst, and
 * `onStep` (if given) from the trainer's own onStep.
 */
function trainInBursts(
  compiled: boolean,
  setup: {
    data: { X: number[][]; y: number[] }
    createModel: () => MLP
    createOptimizer: (model: MLP) => Optimizer
    options: Omit<TrainerOptions, 'optimizer' | 'compiled' | 'onStep'>
    bursts: number[]
    between?: (model: MLP, burst: number) => void
    onStep?: (model: MLP, record: StepRecord) => void
  },
): Run {
  const model = setup.createModel()
  const optimizer = setup.createOptimizer(model)
  const seen: Run['seen'] = []
  const trainer = createTrainer(model, setup.data, {
    ...setup.options,
    optimizer,
    compiled,
    onStep: (record) => {
      seen.push({ data: model.getParameterValues(), grad: grads(model.parameters()) })
      setup.onStep?.(model, record)
    },
  })
  const records: StepRecord[] = []
  setup.bursts.forEach((count, burst) => {
    records.push(...trainer.step(count))
    setup.between?.(model, burst)
  })
  return { model, optimizer, records, seen }
}

/** Runs `setup` dynamically and compiled and expects the same steps, parameters and state. */
function expectCompiledLikeDynamic(setup: Parameters<typeof trainInBursts>[1]) {
  const dynamic = trainInBursts(false, setup)
  const compiled = trainInBursts(true, setup)
  expectClose(compiled.records.flatMap(numbersOf), dynamic.records.flatMap(numbersOf))
  expect(compiled.records.map((record) => record.accuracy)).toEqual(
    dynamic.records.map((record) => record.accuracy),
  )
  expectClose(compiled.model.getParameterValues(), dynamic.model.getParameterValues())
  expectClose(grads(compiled.model.parameters()), grads(dynamic.model.parameters()))
  expectSameState(compiled.optimizer.state(), dynamic.optimizer.state())
  return { dynamic, compiled }
}

describe('compiled training in bursts', () => {
  it('shows onStep the parameters and gradients of the step just taken', () => {
    const setup = {
      data: spiral,
      createModel: () => new MLP(2, [8, 3], { seed: 4 }),
      createOptimizer: (model: MLP) =>
        new SGD(model.parameters(), { learningRate: 0.2, momentum: 0.9 }),
      options: spiralOptions,
      bursts: [7, 6],
    }
    const { dynamic, compiled } = expectCompiledLikeDynamic(setup)
    expect(compiled.seen).toHaveLength(13)
    compiled.seen.forEach((seen, step) => {
      expectClose(seen.data, dynamic.seen[step]!.data)
      expectClose(seen.grad, dynamic.seen[step]!.grad)
    })
    // Bit for bit: what onStep saw after step k is what the Values hold after a burst ending at k.
    const model = setup.createModel()
    const optimizer = setup.createOptimizer(model)
    const trainer = createTrainer(model, spiral, { ...spiralOptions, optimizer, compiled: true })
    compiled.seen.forEach((seen) => {
      trainer.step(1)
      expect(model.getParameterValues()).toEqual(seen.data)
      expect(grads(model.parameters())).toEqual(seen.grad)
    })
  })

  it('takes up parameters the caller changed between two bursts', () => {
    const halve = (model: MLP) =>
      model.setParameterValues(model.getParameterValues().map((value) => value / 2))
    const options = { loss: 'hinge', l2Alpha: 1e-4 } as const
    expectCompiledLikeDynamic({
      data: moons,
      createModel: () => new MLP(2, [16, 16, 1], { seed: 1337 }),
      createOptimizer: (model) => new SGD(model.parameters(), { learningRate: 0.5 }),
      options,
      bursts: [5, 5],
      between: (model, burst) => burst === 0 && halve(model),
    })
    // Full batches: the first step after the change measures the halved model.
    const model = new MLP(2, [16, 16, 1], { seed: 1337 })
    const optimizer = new SGD(model.parameters(), { learningRate: 0.5 })
    const trainer = createTrainer(model, moons, { ...options, optimizer, compiled: true })
    trainer.step(5)
    halve(model)
    const expected = evaluate(model, moons, options).loss
    expect(Math.abs(trainer.step(1)[0]!.loss - expected)).toBeLessThan(TOLERANCE)
  })

  it('takes up parameters that onStep changes', () => {
    expectCompiledLikeDynamic({
      data: spiral,
      createModel: () => new MLP(2, [8, 3], { seed: 4 }),
      createOptimizer: (model) => new Adam(model.parameters(), { learningRate: 0.05 }),
      options: spiralOptions,
      bursts: [4, 8],
      // A constraint applied after every step: the first weight is clipped to [-0.1, 0.1].
      onStep: (model) => {
        const weight = model.parameters()[0]!
        weight.data = Math.max(-0.1, Math.min(0.1, weight.data))
      },
    })
  })

  for (const [name, createOptimizer] of [
    [
      'SGD with momentum and weight decay',
      (model: MLP) =>
        new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9, weightDecay: 1e-3 }),
    ],
    [
      'Adam',
      (model: MLP) => new Adam(model.parameters(), { learningRate: 0.02, weightDecay: 1e-3 }),
    ],
    ['AdamW', (model: MLP) => new AdamW(model.parameters(), { learningRate: 0.02 })],
  ] as const)
    it(`leaves ${name} in the dynamic run's state, over a smaller last batch`, () => {
      const { compiled } = expectCompiledLikeDynamic({
        data: spiral,
        createModel: () => new MLP(2, [12, 3], { seed: 1, init: 'scaled' }),
        createOptimizer,
        options: spiralOptions,
        // 3 steps per epoch: the bursts end mid-epoch, between the two graphs.
        bursts: [2, 10, 5],
      })
      expect(compiled.optimizer.stepCount).toBe(17)
    })

  it('trains only the optimizer’s parameters, in its order, and leaves the others as they were', () => {
    const { compiled } = expectCompiledLikeDynamic({
      data: moons,
      createModel: () => new MLP(2, [8, 1], { seed: 5, activation: 'tanh' }),
      createOptimizer: (model) =>
        new Adam(model.parameters().slice(10).reverse(), { learningRate: 0.05 }),
      options: { loss: 'bce', batchSize: 30, seed: 2 },
      bursts: [6, 3],
    })
    const untouched = new MLP(2, [8, 1], { seed: 5, activation: 'tanh' }).getParameterValues()
    expect(compiled.model.getParameterValues().subarray(0, 10)).toEqual(untouched.subarray(0, 10))
    expect(compiled.model.getParameterValues().subarray(10)).not.toEqual(untouched.subarray(10))
  })

  it('continues from a saved model and optimizer as the run itself continues', () => {
    const setup = {
      data: moons,
      createModel: () => new MLP(2, [16, 1], { seed: 3 }),
      createOptimizer: (model: MLP) =>
        new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 }),
      options: { loss: 'hinge', l2Alpha: 1e-4 } as const,
    }
    const run = trainInBursts(true, { ...setup, bursts: [10] })
    const saved = loadModel(saveModel(run.model, { optimizer: run.optimizer }))
    const resumed = createTrainer(saved.model, moons, {
      ...setup.options,
      optimizer: saved.optimizer!,
      compiled: true,
    })
    const original = createTrainer(run.model, moons, {
      ...setup.options,
      optimizer: run.optimizer,
      compiled: true,
    })
    expect(resumed.step(10).map(numbersOf)).toEqual(original.step(10).map(numbersOf))
    expect(saved.model.getParameterValues()).toEqual(run.model.getParameterValues())
    expect(saved.optimizer!.state()).toEqual(run.optimizer.state())
  })

  it('leaves the Values where the dynamic run leaves them when training diverges', () => {
    // One sample, so the compiled graph sums nothing in another order: bit for bit.
    const diverge = (compiled: boolean) => {
      const model = new MLP(1, [1], { rng: { uniform: () => 0.75 } })
      const trainer = createTrainer(
        model,
        { X: [[100]], y: [1] },
        { loss: 'mse', optimizer: new SGD(model.parameters(), { learningRate: 1000 }), compiled },
      )
      trainer.step(1)
      const thrown = thrownBy(() => trainer.step(50))
      expect(thrown).toBeInstanceOf(TrainingDivergedError)
      return {
        step: (thrown as TrainingDivergedError).step,
        cause: ((thrown as Error).cause as Error).name,
        parameters: model.getParameterValues(),
        grads: grads(model.parameters()),
      }
    }
    expect(diverge(true)).toEqual(diverge(false))
  })
})
