import { Value } from '@mg/engine'
import { describe, it } from 'vitest'
import {
  describePublicSurface,
  expectInvalidOption,
  fourPoints,
  type SurfaceEntry,
} from '../../common/test/support/public-surface.js'
import * as nn from '../src/index.js'
import {
  Adam,
  AdamW,
  accuracy,
  binaryCrossEntropyWithLogits,
  constantSchedule,
  cosineSchedule,
  createOptimizer,
  createRng,
  createSeededRandom,
  createTrainer,
  evaluate,
  getLoss,
  hingeLoss,
  Layer,
  l2Penalty,
  linearDecay,
  loadModel,
  MLP,
  Module,
  mseLoss,
  Neuron,
  Optimizer,
  restoreOptimizer,
  SGD,
  saveModel,
  softmaxCrossEntropy,
  stepSchedule,
  train,
} from '../src/index.js'

const data = fourPoints([1, 0, 1, 0])
const model = () => new MLP(2, [3, 1], { seed: 1 })
const sgdOn = (on: MLP) => new SGD(on.parameters(), { learningRate: 0.1 })
const trainOptions = (on: MLP) => ({ loss: 'hinge' as const, optimizer: sgdOn(on) })
/** Valid training options for `on` with `options` laid over them, or `options` as it is when it is not an object. */
const withTraining = (on: unknown, options: unknown) =>
  on instanceof MLP && typeof options === 'object' && options !== null && !Array.isArray(options)
    ? { ...trainOptions(on), ...options }
    : (options as never)

// TypeScript-protected members, visible at run time but not part of the API.
const PRIVATE = ['SGD#update', 'Adam#update']

/** The method `name` of a fresh instance made by `make`, called with the arguments given. */
function method<T>(
  make: () => T,
  name: keyof T & string,
  args: unknown[],
  owner?: string,
): SurfaceEntry {
  const className = owner ?? (make() as { constructor: { name: string } }).constructor.name
  return {
    name: `${className}#${name}`,
    args,
    run: (...given: never[]) => (make()[name] as (...args: unknown[]) => unknown)(...given),
  }
}

const optimizerEntries = (
  name: string,
  make: (parameters: Value[], options: never) => Optimizer,
  options: object,
): SurfaceEntry[] => [
  { name, args: [model().parameters(), options], run: make },
  method(() => make(model().parameters(), options as never), 'state', []),
  method(
    () => {
      const optimizer = make(model().parameters(), options as never)
      return Object.assign(optimizer, { again: () => optimizer.state() })
    },
    'loadState',
    [make(model().parameters(), options as never).state()],
  ),
]

const ENTRIES: SurfaceEntry[] = [
  {
    name: 'Neuron',
    args: [2, { seed: 1 }],
    run: (nin: number, options) => new Neuron(nin, options),
  },
  method(() => new Neuron(2, { seed: 1 }), 'forward', [[1, 2]]),
  method(() => new Neuron(2, { seed: 1 }), 'parameters', []),
  method(() => new Neuron(2, { seed: 1 }), 'toString', []),
  {
    name: 'Layer',
    args: [2, 3, { seed: 1 }],
    run: (nin: number, nout: number, options) => new Layer(nin, nout, options),
  },
  method(() => new Layer(2, 3, { seed: 1 }), 'forward', [[1, 2]]),
  method(() => new Layer(2, 3, { seed: 1 }), 'parameters', []),
  method(() => new Layer(2, 3, { seed: 1 }), 'toString', []),
  {
    name: 'MLP',
    args: [2, [16, 1], { seed: 1 }],
    run: (nin: number, nouts: number[], options) => new MLP(nin, nouts, options),
  },
  method(model, 'forward', [[1, 2]]),
  method(model, 'predict', [[1, 2]]),
  method(model, 'parameters', []),
  method(model, 'toString', []),
  method(model, 'toJSON', []),
  { name: 'MLP.fromJSON', args: [model().toJSON()], run: (json: unknown) => MLP.fromJSON(json) },
  { name: 'Module', args: [], run: () => new (Module as unknown as new () => Module)() },
  method(model, 'zeroGrad', [], 'Module'),
  method(model, 'getParameterValues', [], 'Module'),
  method(model, 'setParameterValues', [model().getParameterValues()], 'Module'),
  ...optimizerEntries('SGD', (parameters, options) => new SGD(parameters, options), {
    learningRate: 0.1,
    momentum: 0.9,
  }),
  ...optimizerEntries('Adam', (parameters, options) => new Adam(parameters, options), {
    learningRate: 0.1,
  }),
  ...optimizerEntries('AdamW', (parameters, options) => new AdamW(parameters, options), {
    learningRate: 0.1,
  }),
  {
    name: 'Optimizer',
    args: [model().parameters(), 0.1],
    run: (parameters: Value[], rate: number) =>
      new (Optimizer as unknown as new (parameters: Value[], rate: number) => Optimizer)(
        parameters,
        rate,
      ),
  },
  method(() => sgdOn(model()), 'zeroGrad', [], 'Optimizer'),
  method(() => sgdOn(model()), 'step', [], 'Optimizer'),
  method(
    () => sgdOn(model()),
    'stepArrays',
    [model().getParameterValues(), new Float64Array(model().parameterCount)],
    'Optimizer',
  ),
  {
    name: 'Optimizer#learningRate=',
    args: [0.5],
    run: (rate: number) => {
      sgdOn(model()).learningRate = rate
    },
  },
  {
    name: 'createOptimizer',
    args: ['adam', model().parameters(), { learningRate: 0.1 }],
    run: (name: 'adam', parameters: Value[], options: never) =>
      createOptimizer(name, parameters, options),
  },
  {
    name: 'restoreOptimizer',
    args: [model().parameters(), sgdOn(model()).state()],
    run: (parameters: Value[], state: unknown) => restoreOptimizer(parameters, state),
  },
  {
    name: 'l2Penalty',
    args: [model().parameters(), 1e-4],
    run: (parameters: Value[], alpha: number) => l2Penalty(parameters, alpha),
  },
  {
    name: 'hingeLoss',
    args: [[new Value(0.5)], [1]],
    run: (scores: Value[], labels: number[]) => hingeLoss(scores, labels),
  },
  {
    name: 'mseLoss',
    args: [[new Value(0.5)], [1]],
    run: (scores: Value[], labels: number[]) => mseLoss(scores, labels),
  },
  {
    name: 'binaryCrossEntropyWithLogits',
    args: [[new Value(0.5)], [1]],
    run: (scores: Value[], labels: number[]) => binaryCrossEntropyWithLogits(scores, labels),
  },
  {
    name: 'softmaxCrossEntropy',
    args: [[[new Value(0.5), new Value(1)]], [1]],
    run: (logits: Value[][], labels: number[]) => softmaxCrossEntropy(logits, labels),
  },
  {
    name: 'accuracy',
    args: [[0.5, -1], [1, -1], { threshold: 0 }],
    run: (scores: number[], labels: number[], options) => accuracy(scores, labels, options),
  },
  { name: 'getLoss', args: ['hinge'], run: (name: 'hinge') => getLoss(name) },
  { name: 'constantSchedule', args: [0.1], run: (rate: number) => constantSchedule(rate)(0) },
  { name: 'linearDecay', args: [{ steps: 10 }], run: (options: never) => linearDecay(options)(1) },
  {
    name: 'cosineSchedule',
    args: [{ initial: 0.1, steps: 10 }],
    run: (options: never) => cosineSchedule(options)(1),
  },
  {
    name: 'stepSchedule',
    args: [{ initial: 0.1, stepSize: 10 }],
    run: (options: never) => stepSchedule(options)(1),
  },
  ...[
    constantSchedule(0.1),
    linearDecay(),
    cosineSchedule({ initial: 1, steps: 5 }),
    stepSchedule({ initial: 1, stepSize: 2 }),
  ].map(
    (schedule, index): SurfaceEntry => ({
      name: `schedule ${index} (step)`,
      args: [3],
      run: schedule,
    }),
  ),
  { name: 'createRng', args: [1], run: (seed: number) => createRng(seed) },
  { name: 'createSeededRandom', args: [1], run: (seed: number) => createSeededRandom(seed) },
  {
    name: 'train',
    args: [model(), data, { steps: 1 }],
    run: (on: MLP, given: typeof data, options: object) =>
      train(on, given, withTraining(on, options)),
  },
  {
    name: 'createTrainer',
    args: [model(), data, { historyLimit: 1 }],
    run: (on: MLP, given: typeof data, options: object) =>
      createTrainer(on, given, withTraining(on, options)),
  },
  {
    name: 'trainer.step',
    args: [2],
    run: (count: number) => {
      const on = model()
      return createTrainer(on, data, trainOptions(on)).step(count)
    },
  },
  {
    name: 'evaluate',
    args: [model(), data, { loss: 'hinge' }],
    run: (on: MLP, given: typeof data, options: never) => evaluate(on, given, options),
  },
  {
    name: 'saveModel',
    args: [model(), {}],
    run: (on: MLP, options: never) => saveModel(on, options),
  },
  { name: 'loadModel', args: [saveModel(model())], run: (text: string) => loadModel(text) },
]

describePublicSurface(nn, ENTRIES, { internal: PRIVATE, snapshot: true })

describe('the wrong arguments of issue 17, each refused naming the argument', () => {
  it.each([
    ['new MLP(2, [16, 1], null)', () => new MLP(2, [16, 1], null as never), 'options'],
    ['new Neuron(2, null)', () => new Neuron(2, null as never), 'options'],
    ['new Layer(2, 3, null)', () => new Layer(2, 3, null as never), 'options'],
    ['new SGD(parameters, null)', () => new SGD(model().parameters(), null as never), 'options'],
    ['new Adam(parameters, null)', () => new Adam(model().parameters(), null as never), 'options'],
    [
      'new AdamW(parameters, null)',
      () => new AdamW(model().parameters(), null as never),
      'options',
    ],
    ['linearDecay(null)', () => linearDecay(null as never), 'options'],
    ['cosineSchedule(null)', () => cosineSchedule(null as never), 'options'],
    ['stepSchedule(null)', () => stepSchedule(null as never), 'options'],
    ['accuracy(scores, labels, null)', () => accuracy([1], [1], null as never), 'options'],
    ['evaluate(model, data, null)', () => evaluate(model(), data, null as never), 'options'],
    ['saveModel(model, null)', () => saveModel(model(), null as never), 'options'],
    ['restoreOptimizer(null, state)', () => restoreOptimizer(null as never, {}), 'parameters'],
    ['a schedule asked for step -1', () => linearDecay()(-1), 'step'],
    [
      "a schedule asked for step '3'",
      () => cosineSchedule({ initial: 1, steps: 5 })('3' as never),
      'step',
    ],
  ])('%s', (_, run, option) => expectInvalidOption(run, option))
})
