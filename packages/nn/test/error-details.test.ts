/*
 * Every refusal nn makes, each with the error it throws: the messages are kept in a snapshot, so
 * each stays readable (what was expected, what was received, how to fix it) and changes only on
 * purpose. Then the boundaries of the rules behind them.
 */
import { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { fourPoints } from '../../common/test/support/public-surface.js'
import { catchError } from '../../engine/test/support/catch-error.js'
import {
  Adam,
  AdamW,
  accuracy,
  createTrainer,
  evaluate,
  getLoss,
  LOSSES,
  linearDecay,
  loadModel,
  MgError,
  MLP,
  mseLoss,
  NonFiniteValueError,
  SGD,
  saveModel,
  softmaxCrossEntropy,
  stepSchedule,
  TrainingDivergedError,
  train,
} from '../src/index.js'

const data = fourPoints([1, -1, 1, -1])
const model = () => new MLP(2, [3, 1], { seed: 5 })
const sgd = (on: MLP, learningRate = 0.1) => new SGD(on.parameters(), { learningRate })
/** Trains a fresh model one step with `options` laid over valid ones. */
const trainWith = (options: object, given: object = data, on = model()) =>
  train(on, given as typeof data, { loss: 'hinge', optimizer: sgd(on), steps: 1, ...options })
/** A saved model's document with `edit` applied, as text. */
const savedWith = (edit: (document: Record<string, unknown>) => void, optimizer?: 'adam') => {
  const on = model()
  const document = JSON.parse(
    saveModel(on, optimizer ? { optimizer: new Adam(on.parameters()) } : {}),
  )
  edit(document)
  return JSON.stringify(document)
}

const REFUSALS: [string, () => unknown][] = [
  ['a schedule that is not a function', () => trainWith({ schedule: 0.1 })],
  ['an onStep that is not a function', () => trainWith({ onStep: 'log' })],
  ['a batch size of 0', () => trainWith({ batchSize: 0 })],
  ['compiled: "yes"', () => trainWith({ compiled: 'yes' })],
  ['a negative historyLimit', () => trainWith({ historyLimit: -1 })],
  ['both steps and epochs', () => trainWith({ epochs: 2 })],
  ['0 epochs', () => trainWith({ steps: undefined, epochs: 0 })],
  ['a negative l2Alpha', () => trainWith({ l2Alpha: -1 })],
  ['no loss', () => trainWith({ loss: 'huber' })],
  ['a custom loss that returns a number', () => trainWith({ loss: () => 1 })],
  ['an optimizer that is not one', () => trainWith({ optimizer: {} })],
  ['options that are not an object', () => train(model(), data, 5 as never)],
  ["a typo in train's options", () => trainWith({ compild: true })],
  [
    "train's run length given to createTrainer",
    () => {
      const on = model()
      return createTrainer(on, data, { loss: 'hinge', optimizer: sgd(on), steps: 5 } as never)
    },
  ],
  ['a typo in MLP options', () => new MLP(2, [1], { seeed: 1 } as never)],
  ['a typo in SGD options', () => new SGD(model().parameters(), { lr: 0.1 } as never)],
  ['a typo in AdamW options', () => new AdamW(model().parameters(), { beta: 0.9 } as never)],
  [
    'a typo in evaluate options',
    () => evaluate(model(), data, { loss: 'hinge', l2alpha: 1 } as never),
  ],
  ['a typo in accuracy options', () => accuracy([1], [1], { treshold: 0.5 } as never)],
  ['a typo in linearDecay options', () => linearDecay({ step: 10 } as never)],
  [
    'a model without forward()',
    () => train({} as never, data, { loss: 'hinge', optimizer: sgd(model()) }),
  ],
  ['data that is not an object', () => trainWith({}, null as never)],
  ['no samples', () => trainWith({}, { X: [], y: [] })],
  ['labels that are not an array', () => trainWith({}, { X: data.X, y: 1 })],
  ['X and y of different lengths', () => trainWith({}, { X: data.X, y: [1] })],
  ['a feature row that is not an array', () => trainWith({}, { X: [[1, 2], 3], y: [1, -1] })],
  ['a feature that is NaN', () => trainWith({}, { X: [[1, Number.NaN]], y: [1] })],
  ['a label that is not a number', () => trainWith({}, { X: [[1, 2]], y: ['1'] })],
  [
    'a trainer asked for 0 steps',
    () => {
      const on = model()
      return createTrainer(on, data, { loss: 'hinge', optimizer: sgd(on) }).step(0)
    },
  ],
  ['a size of 0', () => new MLP(0, [1])],
  ['no layers', () => new MLP(2, [])],
  ['an activation that does not exist', () => new MLP(2, [1], { activation: 'gelu' as never })],
  [
    'an output activation that does not exist',
    () => new MLP(2, [1], { outputActivation: 'x' as never }),
  ],
  ['activations of the wrong length', () => new MLP(2, [3, 1], { activations: ['relu'] })],
  ['an init that does not exist', () => new MLP(2, [1], { init: 'he' as never })],
  ['an rng whose uniform() gives 1', () => new MLP(2, [1], { rng: { uniform: () => 1 } })],
  [
    'an rng whose uniform() gives "0.5"',
    () => new MLP(2, [1], { rng: { uniform: () => '0.5' as never } }),
  ],
  ['parameter values that are not an array', () => model().setParameterValues('1,2' as never)],
  ['parameter values of the wrong length', () => model().setParameterValues([1])],
  [
    'a parameter value that is NaN',
    () => model().setParameterValues(new Array(13).fill(Number.NaN)),
  ],
  ['parameters that are not an array', () => new SGD('w' as never, { learningRate: 0.1 })],
  ['a parameter that is not a Value', () => new SGD([1] as never, { learningRate: 0.1 })],
  [
    'a repeated parameter',
    () => new SGD([new Value(1), ...[new Value(2)].flatMap((w) => [w, w])], { learningRate: 0.1 }),
  ],
  ['a negative learning rate', () => new SGD(model().parameters(), { learningRate: -1 })],
  ['beta1 of 1', () => new Adam(model().parameters(), { beta1: 1 })],
  ['beta2 below 0', () => new Adam(model().parameters(), { beta2: -0.1 })],
  ['beta1 that is a string', () => new Adam(model().parameters(), { beta1: '0.9' as never })],
  [
    'an SGD loading an Adam state',
    () => sgd(model()).loadState(new Adam(model().parameters()).state()),
  ],
  [
    'an Adam loading an SGD state',
    () => new Adam(model().parameters()).loadState(sgd(model()).state()),
  ],
  [
    'saving with an optimizer that is not one',
    () => saveModel(model(), { optimizer: {} as never }),
  ],
  ['saving a model that is not an MLP', () => saveModel({} as never)],
  ['a step size of 0', () => stepSchedule({ initial: 1, stepSize: 0 })],
  ['a schedule asked for step 1.5', () => stepSchedule({ initial: 1, stepSize: 2 })(1.5)],
  ['a loss name that does not exist', () => getLoss('l1' as never)],
  ['accuracy with a NaN label', () => accuracy([0.5], [Number.NaN])],
  ['accuracy with a class index of 1.5', () => accuracy([[1, 2]], [1.5])],
  ['accuracy with a class index out of range', () => accuracy([[1, 2]], [2])],
  ['accuracy with an empty row of logits', () => accuracy([[]], [0])],
  ['accuracy with a threshold of NaN', () => accuracy([1], [1], { threshold: Number.NaN })],
  [
    'softmax with a class index of 1.5',
    () => softmaxCrossEntropy([[new Value(1), new Value(2)]], [1.5]),
  ],
  ['softmax with an empty row', () => softmaxCrossEntropy([[]], [0])],
  ['softmax with a probability row too short', () => softmaxCrossEntropy([[1, 2]], [[1]])],
  ['softmax with a probability of 1.5', () => softmaxCrossEntropy([[1, 2]], [[1.5, 0]])],
  [
    'softmax with a probability of "0.5"',
    () => softmaxCrossEntropy([[1, 2]], [['0.5' as never, 0.5]]),
  ],
  ['softmax with a negative probability', () => softmaxCrossEntropy([[1, 2]], [[-0.5, 1]])],
  ['mse with a target of NaN', () => mseLoss([new Value(1)], [Number.NaN])],
  [
    'hinge on a model with two outputs',
    () => LOSSES.hinge.compute([[new Value(1), new Value(2)]], [1]),
  ],
  ['a saved nin of 1.5', () => loadModel(savedWith((document) => (document.nin = 1.5)))],
  ['a saved nin of "2"', () => loadModel(savedWith((document) => (document.nin = '2')))],
  ['no saved layers', () => loadModel(savedWith((document) => (document.layers = [])))],
  [
    'a saved layer without weights',
    () =>
      loadModel(
        savedWith((document) => ((document.layers as { weights: unknown }[])[0]!.weights = [])),
      ),
  ],
  [
    'a saved activation that does not exist',
    () =>
      loadModel(
        savedWith(
          (document) => ((document.layers as { activation: unknown }[])[1]!.activation = 'gelu'),
        ),
      ),
  ],
  [
    'a saved Adam state with beta2 of 1',
    () =>
      loadModel(
        savedWith((document) => ((document.optimizer as { beta2: number }).beta2 = 1), 'adam'),
      ),
  ],
  [
    'a saved Adam state with a moment "0"',
    () =>
      loadModel(
        savedWith(
          (document) => ((document.optimizer as { firstMoment: unknown[] }).firstMoment[0] = '0'),
          'adam',
        ),
      ),
  ],
  [
    'a saved stepCount of 1.5',
    () =>
      loadModel(
        savedWith(
          (document) => ((document.optimizer as { stepCount: number }).stepCount = 1.5),
          'adam',
        ),
      ),
  ],
  [
    'a saved learning rate of "0.1"',
    () =>
      loadModel(
        savedWith(
          (document) => ((document.optimizer as { learningRate: unknown }).learningRate = '0.1'),
          'adam',
        ),
      ),
  ],
]

describe('every refusal', () => {
  it('throws an MgError whose message says what was expected and received', () => {
    const messages = REFUSALS.map(([what, run]) => {
      const error = catchError(run)
      expect(MgError.isInstance(error), `${what}: ${String(error)}`).toBe(true)
      return `${what} → ${(error as Error).name}: ${(error as Error).message}`
    })
    expect(messages).toMatchSnapshot()
  })
})

describe('the boundaries of the rules', () => {
  it('accuracy: a score equal to the threshold is negative, a tie goes to the first class', () => {
    expect(accuracy([0, 0.5], [1, 1], { threshold: 0.5 })).toBe(0)
    expect(accuracy([[2, 2, 1]], [0])).toBe(1)
    expect(accuracy([[1, 3, 3]], [1])).toBe(1)
    expect(accuracy([[1, 3, 3]], [2])).toBe(0)
  })

  it("mse's accuracy puts the threshold midway between the extreme targets", () => {
    const rule = LOSSES.mse.accuracyFor([2, 4, 2])
    expect(rule([[3.5], [2.5]], [4, 2])).toBe(1)
    expect(rule([[3], [3.01]], [2, 4])).toBe(1)
    expect(rule([[2.9], [3.1]], [4, 2])).toBe(0)
    expect(rule([[3]], [4])).toBe(0)
    expect(rule([[0, 1, 0]], [1])).toBe(1)
  })

  it('schedules take step 0 and a step size of 1', () => {
    const schedule = stepSchedule({ initial: 1, stepSize: 1, gamma: 0.5 })
    expect([0, 1, 2].map(schedule)).toEqual([1, 0.5, 0.25])
  })

  it('Adam takes beta1 of 0 and SGD a learning rate of 0', () => {
    expect(new Adam(model().parameters(), { beta1: 0 }).beta1).toBe(0)
    expect(new SGD(model().parameters(), { learningRate: 0 }).learningRate).toBe(0)
  })

  it('zeroGrad sets every gradient of a model to 0', () => {
    const on = model()
    for (const parameter of on.parameters()) parameter.grad = 3
    on.zeroGrad()
    expect(on.parameters().map((parameter) => parameter.grad)).toEqual(new Array(13).fill(0))
  })

  it('a parameter that overflows in the update stops training, naming the step', () => {
    const on = model()
    // The last bias's gradient is 4e10, so one step of 1e300 overflows it.
    const loss = (outputs: Value[][]) => Value.sum(outputs.map((row) => row[0]!)).mul(1e10)
    const error = catchError(() => trainWith({ loss, optimizer: sgd(on, 1e300) }, data, on))
    expect(error).toBeInstanceOf(TrainingDivergedError)
    expect(error).toMatchObject({ step: 0 })
    expect((error as TrainingDivergedError).cause).toBeInstanceOf(NonFiniteValueError)
    expect((error as Error).message).toMatch(/the update made parameter \d+ -?Infinity/)
    expect((error as Error).message).toMatch(/step 0/)
  })

  it('a forward pass that overflows stops training, naming the step and the op', () => {
    const loss = (outputs: Value[][]) =>
      Value.sum(outputs.map((row) => row[0]!))
        .mul(1e300)
        .mul(1e300)
    const error = catchError(() => trainWith({ loss }))
    expect(error).toBeInstanceOf(TrainingDivergedError)
    expect((error as Error).message).toMatch(/the forward pass produced -?Infinity in mul/)
    expect((error as TrainingDivergedError).cause).toMatchObject({ op: 'mul' })
  })

  it('a gradient that overflows stops training, naming the step', () => {
    // The square root of a loss of exactly 0 has an infinite slope.
    const loss = (outputs: Value[][]) =>
      Value.sum(outputs.map((row) => row[0]!))
        .mul(0)
        .pow(0.5)
    const error = catchError(() => trainWith({ loss }))
    expect(error).toBeInstanceOf(TrainingDivergedError)
    expect(error).toMatchObject({ step: 0 })
    expect((error as Error).message).toMatch(/a gradient became Infinity/)
    expect((error as TrainingDivergedError).cause).toBeInstanceOf(MgError)
  })

  it('times every step within the run', () => {
    const history = trainWith({ steps: 3 })
    const stepped = history.steps.reduce((total, record) => total + record.msPerStep, 0)
    expect(history.totalMs).toBeGreaterThan(0)
    expect(stepped).toBeLessThanOrEqual(history.totalMs + 1e-6)
    for (const record of history.steps) expect(record.msPerStep).toBeGreaterThanOrEqual(0)
  })

  it('names the place of a bad last bias when saving', () => {
    const on = model()
    on.parameters().at(-1)!.data = Number.NaN
    expect(() => saveModel(on)).toThrow(/layers\[1\]\.biases\[0\]/)
    const first = model()
    first.parameters()[0]!.data = Number.NaN
    expect(() => saveModel(first)).toThrow(/layers\[0\]\.weights\[0\]\[0\]/)
  })
})
