import { NonFiniteResultError, type Operand, Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  cosineSchedule,
  evaluate,
  InputSizeError,
  InvalidLabelError,
  InvalidOptionError,
  linearDecay,
  MLP,
  mseLoss,
  NonFiniteValueError,
  SGD,
  type TrainableModel,
  TrainingDivergedError,
  type TrainOptions,
  train,
} from '../src/index.js'
import { MICROGRAD_DEMO_LOSS, microgradDemoData, pythonRandom } from './fixtures/micrograd-demo.js'
import { makeSpiral } from './fixtures/spiral.js'

type Options = Omit<TrainOptions, 'optimizer' | 'compiled'>

/** Trains a fresh model both ways and returns each run's losses, accuracies and final parameters. */
function bothWays(
  createModel: () => MLP,
  data: { X: number[][]; y: number[] },
  createOptimizer: (model: MLP) => SGD | Adam,
  options: Options,
) {
  return [false, true].map((compiled) => {
    const model = createModel()
    const history = train(model, data, {
      ...options,
      optimizer: createOptimizer(model),
      compiled,
    })
    return {
      losses: history.steps.map((record) => record.loss),
      dataLosses: history.steps.map((record) => record.dataLoss),
      accuracies: history.steps.map((record) => record.accuracy),
      parameters: model.getParameterValues(),
    }
  }) as [Run, Run]
}

interface Run {
  losses: number[]
  dataLosses: number[]
  accuracies: number[]
  parameters: Float64Array
}

function expectClose(received: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(received.length).toBe(expected.length)
  for (let index = 0; index < expected.length; index++)
    expect(Math.abs(received[index]! - expected[index]!), `entry ${index}`).toBeLessThan(tolerance)
}

describe('train with compiled: true', () => {
  it("follows the dynamic run of micrograd's demo at every step, to the published step-99 loss", () => {
    const [dynamic, compiled] = bothWays(
      () => new MLP(2, [16, 16, 1], { rng: pythonRandom(1337) }),
      microgradDemoData(),
      (model) => new SGD(model.parameters(), { learningRate: 1 }),
      { loss: 'hinge', l2Alpha: 1e-4, schedule: linearDecay(), steps: 100 },
    )
    expect(compiled.losses).toHaveLength(100)
    expectClose(compiled.losses, dynamic.losses, 1e-12)
    expectClose(compiled.dataLosses, dynamic.dataLosses, 1e-12)
    expect(compiled.accuracies).toEqual(dynamic.accuracies)
    expectClose(compiled.parameters, dynamic.parameters, 1e-12)
    expect(compiled.losses[0]).toBe(MICROGRAD_DEMO_LOSS.step0)
    expect(Math.abs(compiled.losses[99]! - MICROGRAD_DEMO_LOSS.step99)).toBeLessThan(1e-9)
    expect(compiled.accuracies[99]).toBe(1)
  })

  it('follows the dynamic run on mini-batches with Adam and softmax cross-entropy, smaller last batch included', () => {
    // 60 points in batches of 25: steps of 25, 25 and 10 samples, so two recorded graphs that
    // take turns updating the same parameters.
    const spiral = makeSpiral(20, 3, 7)
    const [dynamic, compiled] = bothWays(
      () => new MLP(2, [16, 16, 3], { seed: 1, init: 'scaled' }),
      spiral,
      (model) => new Adam(model.parameters(), { learningRate: 0.05 }),
      {
        loss: 'softmax-cross-entropy',
        l2Alpha: 1e-4,
        schedule: cosineSchedule({ initial: 0.05, final: 0.005, steps: 120 }),
        epochs: 40,
        batchSize: 25,
        seed: 3,
      },
    )
    expect(compiled.losses).toHaveLength(120)
    expectClose(compiled.losses, dynamic.losses, 1e-12)
    expectClose(compiled.dataLosses, dynamic.dataLosses, 1e-12)
    expect(compiled.accuracies).toEqual(dynamic.accuracies)
    expectClose(compiled.parameters, dynamic.parameters, 1e-12)
    const model = new MLP(2, [16, 16, 3], { seed: 1, init: 'scaled' })
    model.setParameterValues(compiled.parameters)
    expect(evaluate(model, spiral, { loss: 'softmax-cross-entropy' }).accuracy).toBeGreaterThan(0.9)
  })

  it.each([
    ['bce', [0, 1]],
    ['mse', [-1, 1]],
    ['hinge', [0, 1]],
  ] as const)('follows the dynamic run with %s on mini-batches', (loss, classes) => {
    const { X, y } = microgradDemoData()
    const data = { X, y: y.map((label) => (label === 1 ? classes[1] : classes[0])) }
    const [dynamic, compiled] = bothWays(
      () => new MLP(2, [8, 1], { seed: 5, activation: 'tanh' }),
      data,
      (model) => new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 }),
      { loss, epochs: 3, batchSize: 30, seed: 8 },
    )
    expectClose(compiled.losses, dynamic.losses, 1e-12)
    expect(compiled.accuracies).toEqual(dynamic.accuracies)
    expectClose(compiled.parameters, dynamic.parameters, 1e-12)
  })

  it('follows the dynamic run with mse on one-hot rows for three classes, on mini-batches', () => {
    const [dynamic, compiled] = bothWays(
      () => new MLP(2, [8, 3], { seed: 2, activation: 'tanh' }),
      makeSpiral(10, 3, 4),
      (model) => new SGD(model.parameters(), { learningRate: 0.1 }),
      { loss: 'mse', l2Alpha: 1e-4, epochs: 4, batchSize: 8, seed: 2 },
    )
    expectClose(compiled.losses, dynamic.losses, 1e-12)
    expect(compiled.accuracies).toEqual(dynamic.accuracies)
    expectClose(compiled.parameters, dynamic.parameters, 1e-12)
  })

  it('stops with an error naming the step when training diverges, as the dynamic run does', () => {
    const run = (compiled: boolean) => {
      const model = new MLP(1, [1], { rng: { uniform: () => 0.75 } })
      const optimizer = new SGD(model.parameters(), { learningRate: 1000 })
      const seen: number[] = []
      try {
        train(
          model,
          { X: [[100]], y: [1] },
          { loss: 'mse', optimizer, steps: 100, compiled, onStep: (r) => seen.push(r.step) },
        )
      } catch (error) {
        return { error, seen }
      }
      throw new Error('training did not diverge')
    }
    const dynamic = run(false)
    const compiled = run(true)
    expect(compiled.error).toBeInstanceOf(TrainingDivergedError)
    const diverged = compiled.error as TrainingDivergedError
    expect(diverged.step).toBe(compiled.seen.length)
    expect(diverged.step).toBe((dynamic.error as TrainingDivergedError).step)
    expect(diverged.message).toMatch(new RegExp(`^train: diverged at step ${diverged.step}: `))
    expect(diverged.cause).toSatisfy(
      (cause) => cause instanceof NonFiniteResultError || cause instanceof NonFiniteValueError,
    )
  })

  it('trains a model that ignores a feature and has a parameter the loss never reaches', () => {
    // y = 3·x0 + 1; x1 is noise the model never reads, and `unused` is in no path to the loss.
    const weight = new Value(0)
    const bias = new Value(0)
    const unused = new Value(2)
    const model: TrainableModel = {
      forward: (x: readonly Operand[]) => [weight.mul(x[0]!).add(bias)],
      parameters: () => [weight, bias, unused],
    }
    const X = [-1, -0.5, 0, 0.5, 1].map((x0, index) => [x0, index % 2])
    unused.grad = 7
    const history = train(
      model,
      { X, y: X.map(([x0]) => 3 * x0! + 1) },
      {
        loss: 'mse',
        optimizer: new SGD(model.parameters(), { learningRate: 0.2 }),
        steps: 300,
        compiled: true,
      },
    )
    expect(history.steps.at(-1)!.loss).toBeLessThan(1e-20)
    expect(weight.data).toBeCloseTo(3, 10)
    expect(bias.data).toBeCloseTo(1, 10)
    expect(unused.data).toBe(2)
    expect(unused.grad).toBe(0)
  })

  it('accepts a loss function on full batches, where the labels never change', () => {
    const data = { X: [[-1], [0], [1], [2]], y: [-1, 1, 3, 5] }
    const losses = [false, true].map((compiled) => {
      const model = new MLP(1, [1], { seed: 1 })
      return train(model, data, {
        loss: (outputs, labels) =>
          mseLoss(
            outputs.map((row) => row[0]!),
            labels,
          ),
        optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
        steps: 20,
        compiled,
      }).steps.map((record) => record.loss)
    })
    expectClose(losses[1]!, losses[0]!, 1e-12)
  })

  it('refuses what it cannot record, before the first step', () => {
    const model = new MLP(2, [4, 1], { seed: 1 })
    const options = {
      optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
      steps: 1,
      compiled: true,
    }
    const { X, y } = microgradDemoData()
    expect(() =>
      train(model, { X, y }, { ...options, loss: (outputs) => outputs[0]![0]!, batchSize: 10 }),
    ).toThrow(/batchSize: expected full batches \(no batchSize\) for compiled: true with a loss/)
    // The label of a sample far from the first batch is checked up front.
    expect(() =>
      train(model, { X, y: [...y.slice(0, 99), 2] }, { ...options, loss: 'hinge', batchSize: 10 }),
    ).toThrow(InvalidLabelError)
    expect(() =>
      train(model, { X: [...X, [1]], y: [...y, 1] }, { ...options, loss: 'hinge' }),
    ).toThrow(InputSizeError)
    expect(() =>
      train(model, { X, y }, { ...options, loss: 'hinge', compiled: 'yes' as never }),
    ).toThrow(/compiled: expected true or false, received "yes"/)
    // A loss that reads only the first sample's score leaves the others unreachable.
    const unreachable = (() => {
      try {
        train(model, { X, y }, { ...options, loss: (outputs) => outputs[0]![0]!.mul(1) })
      } catch (error) {
        return error
      }
    })()
    expect(unreachable).toBeInstanceOf(InvalidOptionError)
    expect((unreachable as Error).message).toMatch(
      /^compiled: expected a model and loss whose step compileGraph can record.*not reachable/,
    )
  })
})

describe("train with compiled: true, precision: 'float32'", () => {
  const demoRun = (precision: 'float64' | 'float32') => {
    const model = new MLP(2, [16, 16, 1], { rng: pythonRandom(1337) })
    const history = train(model, microgradDemoData(), {
      loss: 'hinge',
      l2Alpha: 1e-4,
      schedule: linearDecay(),
      steps: 100,
      optimizer: new SGD(model.parameters(), { learningRate: 1 }),
      compiled: true,
      precision,
    })
    return {
      losses: history.steps.map((record) => record.loss),
      accuracies: history.steps.map((record) => record.accuracy),
    }
  }

  it("computes micrograd's demo in float32, within float32 rounding of the float64 run", () => {
    const double = demoRun('float64')
    const single = demoRun('float32')
    // Every loss is a float32 number: the graph ran in float32.
    expect(single.losses.every((loss) => Math.fround(loss) === loss)).toBe(true)
    expect(double.losses.some((loss) => Math.fround(loss) !== loss)).toBe(true)
    const relative = single.losses.map(
      (loss, step) => Math.abs(loss - double.losses[step]!) / double.losses[step]!,
    )
    expect(Math.max(...relative)).toBeLessThan(RELATIVE_FLOAT32_DRIFT)
    expect(single.accuracies[99]).toBe(1)
  })

  it('refuses an unknown precision, and float32 without compiled: true', () => {
    const model = new MLP(2, [4, 1], { seed: 1 })
    const run = (options: Partial<TrainOptions>) => () =>
      train(model, microgradDemoData(), {
        loss: 'hinge',
        steps: 1,
        optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
        ...options,
      })
    expect(run({ compiled: true, precision: 'float16' as never })).toThrow(
      /precision.*'float64' or 'float32'/,
    )
    expect(run({ precision: 'float32' })).toThrow(InvalidOptionError)
    expect(run({ precision: 'float32' })).toThrow(/compiled: true/)
    expect(run({ precision: 'float64' })).not.toThrow()
  })

  it('refuses a feature float32 cannot hold, naming it, before any step', () => {
    const model = new MLP(2, [4, 1], { seed: 1 })
    const before = model.getParameterValues()
    const data = {
      X: [
        [0, 1],
        [2, 1e39],
      ],
      y: [1, -1],
    }
    const run = () =>
      train(model, data, {
        loss: 'hinge',
        steps: 1,
        optimizer: new SGD(model.parameters(), { learningRate: 0.1 }),
        compiled: true,
        precision: 'float32',
      })
    expect(run).toThrow(NonFiniteValueError)
    expect(run).toThrow(/data\.X\[1\] feature.*1e\+39.*float32/)
    expect(model.getParameterValues()).toEqual(before)
  })
})

/**
 * How far float32 training may drift from float64 over micrograd's 100 demo steps, relative to the
 * loss: float32 keeps about 7 digits and the steps compound the rounding (measured: 5e-6).
 */
const RELATIVE_FLOAT32_DRIFT = 1e-4
