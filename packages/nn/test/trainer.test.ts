import { type Operand, Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  cosineSchedule,
  createTrainer,
  InvalidOptionError,
  linearDecay,
  MLP,
  SGD,
  type StepRecord,
  type TrainerOptions,
  TrainingDivergedError,
  train,
} from '../src/index.js'
import { microgradDemoData } from './fixtures/micrograd-demo.js'
import { makeSpiral } from './fixtures/spiral.js'
import { thrownBy } from './thrown-by.js'

const moons = microgradDemoData()
const spiral = makeSpiral(20, 3, 7)

/** A record without its timing, the one field that differs between two runs of the same steps. */
const numbers = ({ msPerStep: _, ...record }: StepRecord) => record

interface Case {
  name: string
  data: { X: number[][]; y: number[] }
  createModel: () => MLP
  createOptimizer: (model: MLP) => SGD | Adam
  options: Omit<TrainerOptions, 'optimizer' | 'compiled'>
  steps: number
}

const cases: Case[] = [
  {
    name: "micrograd's demo, full batch",
    data: moons,
    createModel: () => new MLP(2, [16, 16, 1], { seed: 1337 }),
    createOptimizer: (model) => new SGD(model.parameters(), { learningRate: 1 }),
    options: { loss: 'hinge', l2Alpha: 1e-4, schedule: linearDecay({ steps: 35 }), seed: 1 },
    steps: 35,
  },
  {
    // 60 points in batches of 25: steps of 25, 25 and 10 samples, so epochs end mid-burst.
    name: 'a spiral in mini-batches with Adam',
    data: spiral,
    createModel: () => new MLP(2, [12, 3], { seed: 1, init: 'scaled' }),
    createOptimizer: (model) => new Adam(model.parameters(), { learningRate: 0.05 }),
    options: {
      loss: 'softmax-cross-entropy',
      l2Alpha: 1e-4,
      schedule: cosineSchedule({ initial: 0.05, final: 0.005, steps: 35 }),
      batchSize: 25,
      seed: 3,
    },
    steps: 35,
  },
]

describe('createTrainer', () => {
  for (const compiled of [false, true])
    for (const { name, data, createModel, createOptimizer, options, steps } of cases)
      it(`takes in bursts the very steps of one train run (${name}, compiled: ${compiled})`, () => {
        const whole = createModel()
        const history = train(whole, data, {
          ...options,
          optimizer: createOptimizer(whole),
          steps,
          compiled,
        })
        const model = createModel()
        const seen: StepRecord[] = []
        const trainer = createTrainer(model, data, {
          ...options,
          optimizer: createOptimizer(model),
          compiled,
          onStep: (record) => seen.push(record),
        })
        const bursts: StepRecord[][] = []
        for (const count of [10, 10, 1, 10, 4]) bursts.push(trainer.step(count))
        expect(bursts.map((burst) => burst.length)).toEqual([10, 10, 1, 10, 4])
        expect(trainer.stepCount).toBe(steps)
        expect(trainer.history.steps).toEqual(bursts.flat())
        expect(seen).toEqual(bursts.flat())
        expect(trainer.history.seed).toBe(history.seed)
        // Bit for bit: every step's numbers, and the parameters at the end.
        expect(trainer.history.steps.map(numbers)).toEqual(history.steps.map(numbers))
        expect([...model.getParameterValues()]).toEqual([...whole.getParameterValues()])
      })

  /** A small mini-batch run on the spiral: 3 steps per epoch. */
  const spiralTrainer = (historyLimit?: number) => {
    const model = new MLP(2, [4, 3], { seed: 2 })
    const trainer = createTrainer(model, spiral, {
      loss: 'softmax-cross-entropy',
      optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
      batchSize: 25,
      seed: 5,
      historyLimit,
    })
    return { model, trainer }
  }

  it('numbers steps and epochs across calls, and keeps one growing history', () => {
    const { trainer } = spiralTrainer()
    const { history } = trainer
    expect(trainer.stepsPerEpoch).toBe(3)
    expect(trainer.stepCount).toBe(0)
    expect(trainer.step()).toHaveLength(1)
    const later = trainer.step(4)
    expect(later.map((record) => [record.step, record.epoch])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
    ])
    expect(trainer.history).toBe(history)
    expect(history.steps).toHaveLength(5)
    expect(history.totalMs).toBeGreaterThanOrEqual(0)
  })

  it('keeps only the latest historyLimit records, without changing the steps taken', () => {
    const run = (historyLimit?: number) => {
      const { model, trainer } = spiralTrainer(historyLimit)
      const returned = [...trainer.step(4), ...trainer.step(6)]
      return { trainer, returned, parameters: [...model.getParameterValues()] }
    }
    const whole = run()
    const limited = run(3)
    expect(limited.trainer.stepCount).toBe(10)
    expect(limited.trainer.history.steps.map((record) => record.step)).toEqual([7, 8, 9])
    expect(limited.trainer.history.steps.map(numbers)).toEqual(
      whole.trainer.history.steps.slice(-3).map(numbers),
    )
    expect(limited.returned.map(numbers)).toEqual(whole.returned.map(numbers))
    expect(limited.parameters).toEqual(whole.parameters)

    const none = run(0)
    expect(none.trainer.history.steps).toEqual([])
    expect(none.returned).toHaveLength(10)
    expect(none.trainer.stepCount).toBe(10)
  })

  it("keeps a train run's history to historyLimit too", () => {
    const model = new MLP(2, [4, 1], { seed: 1 })
    const optimizer = new SGD(model.parameters(), { learningRate: 0.1 })
    const history = train(model, moons, { loss: 'hinge', optimizer, steps: 12, historyLimit: 5 })
    expect(history.steps.map((record) => record.step)).toEqual([7, 8, 9, 10, 11])
  })

  it('takes parameters changed between calls, and leaves numbers and gradients on them (compiled)', () => {
    // Full batch and mini-batches of two sizes: the numbers live in one graph, or move between two.
    for (const batchSize of [undefined, 40]) {
      const runs = [false, true].map((compiled) => {
        const model = new MLP(2, [8, 1], { seed: 4 })
        const trainer = createTrainer(model, moons, {
          loss: 'hinge',
          l2Alpha: 1e-4,
          optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
          batchSize,
          seed: 2,
          compiled,
        })
        trainer.step(3)
        const [first, second] = model.parameters()
        first!.data = 0.125
        second!.data -= 0.5
        const records = trainer.step(4).map(numbers)
        const parameters = model.parameters()
        return {
          records,
          data: parameters.map((parameter) => parameter.data),
          grad: parameters.map((parameter) => parameter.grad),
        }
      })
      const [dynamic, compiled] = runs as [(typeof runs)[0], (typeof runs)[0]]
      for (const field of ['data', 'grad'] as const)
        compiled[field].forEach((value, index) => {
          expect(value).toBeCloseTo(dynamic[field][index]!, 12)
        })
      compiled.records.forEach((record, index) => {
        expect(record.loss).toBeCloseTo(dynamic.records[index]!.loss, 12)
      })
    }
  })

  it('leaves the gradients of a step that diverged, whether or not the model was read before it', () => {
    const run = (compiled: boolean, read: boolean) => {
      const w = new Value(1)
      const model = { forward: (x: readonly Operand[]) => [w.mul(x[0]!)], parameters: () => [w] }
      const trainer = createTrainer(
        model,
        { X: [[1]], y: [0] },
        {
          loss: (outputs) => outputs[0]![0]!.pow(0.5),
          optimizer: new SGD([w], { learningRate: 2 }),
          compiled,
        },
      )
      trainer.step() // w: 1 → 0, where √(w·x) has no slope
      if (read) void w.data
      expect(() => trainer.step()).toThrow(TrainingDivergedError)
      return [w.data, w.grad]
    }
    const dynamic = run(false, false)
    expect(run(true, false)).toEqual(dynamic)
    expect(run(true, true)).toEqual(dynamic)
  })

  it('lets the model go after train, so that a kept model does not keep the run', () => {
    const model = new MLP(2, [8, 1], { seed: 4 })
    train(model, moons, {
      loss: 'hinge',
      optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
      steps: 2,
      compiled: true,
    })
    // The engine's mark of a held Value, which would point at the trainer.
    const holders = model
      .parameters()
      .map((parameter) => (parameter as unknown as { _holder: unknown })._holder)
    expect(holders.every((holder) => holder === undefined)).toBe(true)
  })

  it('hands a model over between two compiled trainers that take turns', () => {
    // SGD keeps no state, so two trainers taking turns on one model train it as one trainer does.
    const trained = (turns: 'one trainer' | 'two trainers') => {
      const model = new MLP(2, [8, 1], { seed: 4 })
      const make = () =>
        createTrainer(model, moons, {
          loss: 'hinge',
          optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
          compiled: true,
        })
      const trainers = turns === 'one trainer' ? [make()] : [make(), make()]
      for (let step = 0; step < 6; step++) trainers[step % trainers.length]!.step()
      return model.parameters().map((parameter) => [parameter.data, parameter.grad])
    }
    expect(trained('two trainers')).toEqual(trained('one trainer'))
  })

  it('reports divergence with the step number of the whole run', () => {
    const model = new MLP(2, [8, 1], { seed: 1 })
    const trainer = createTrainer(model, moons, {
      loss: 'mse',
      optimizer: new SGD(model.parameters(), { learningRate: 1e6 }),
      compiled: true,
    })
    trainer.step(1)
    const thrown = thrownBy(() => trainer.step(50))
    expect(thrown).toBeInstanceOf(TrainingDivergedError)
    const { step } = thrown as TrainingDivergedError
    expect(step).toBeGreaterThanOrEqual(1)
    expect(trainer.stepCount).toBe(step)
  })

  it('refuses bad options at creation and a bad count at each call', () => {
    const model = new MLP(2, [4, 1], { seed: 1 })
    const optimizer = new SGD(model.parameters(), { learningRate: 0.1 })
    expect(() => createTrainer(model, moons, { loss: 'hinge', optimizer, batchSize: 0 })).toThrow(
      InvalidOptionError,
    )
    expect(() => createTrainer(model, moons, { loss: 'nope' as 'hinge', optimizer })).toThrow(
      InvalidOptionError,
    )
    const trainer = createTrainer(model, moons, { loss: 'hinge', optimizer })
    for (const historyLimit of [-1, 1.5, Number.NaN, '10' as unknown as number])
      expect(() => createTrainer(model, moons, { loss: 'hinge', optimizer, historyLimit })).toThrow(
        /historyLimit/,
      )
    expect(() =>
      createTrainer(model, moons, {
        loss: 'hinge',
        optimizer,
        historyLimit: Number.POSITIVE_INFINITY,
      }),
    ).not.toThrow()
    for (const count of [0, -1, 1.5, Number.NaN])
      expect(() => trainer.step(count)).toThrow(InvalidOptionError)
    expect(trainer.stepCount).toBe(0)
  })
})
