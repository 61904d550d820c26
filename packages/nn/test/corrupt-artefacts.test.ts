import { describe, expect, it } from 'vitest'
import { fourPoints } from '../../common/test/support/public-surface.js'
import { catchError } from '../../engine/test/support/catch-error.js'
import {
  Adam,
  createTrainer,
  InvalidOptionError,
  loadModel,
  MLP,
  ModelFormatError,
  NonFiniteValueError,
  restoreOptimizer,
  SGD,
  saveModel,
  train,
} from '../src/index.js'

const data = fourPoints([1, -1, 1, -1])
const model = () => new MLP(2, [3, 1], { seed: 7 })

/** Steps `optimizer` on the hinge loss of `on` once, so its buffers are filled. */
function stepped<T extends SGD | Adam>(on: MLP, optimizer: T): T {
  train(on, data, { loss: 'hinge', optimizer, steps: 2 })
  return optimizer
}

/** The saved text of `on` and its optimizer, with `edit` applied to the optimizer's state. */
function savedWith(on: MLP, optimizer: SGD | Adam, edit: (state: Record<string, unknown>) => void) {
  const document = JSON.parse(saveModel(on, { optimizer }))
  edit(document.optimizer)
  return JSON.stringify(document)
}

describe('saveModel refuses a model it could not write faithfully', () => {
  it.each([
    [Number.NaN, 4, 'layers[0].weights[1][1]'],
    [Number.POSITIVE_INFINITY, 2, 'layers[0].biases[0]'],
    [Number.NEGATIVE_INFINITY, 12, 'layers[1].biases[0]'],
  ])('a parameter of %s, naming it (parameter %i, %s)', (bad, index, place) => {
    const on = model()
    on.parameters()[index]!.data = bad
    const error = catchError(() => saveModel(on))
    expect(error).toBeInstanceOf(NonFiniteValueError)
    expect(error).toMatchObject({ index })
    expect(Object.is((error as NonFiniteValueError).value, bad)).toBe(true)
    expect((error as Error).message).toContain(
      `saveModel: parameter ${index} must be a finite number`,
    )
    expect((error as Error).message).toContain(place)
  })

  it('an optimizer state that is not finite, naming the entry', () => {
    const on = model()
    const optimizer = new Adam(on.parameters(), { learningRate: 0.1 })
    const weight = on.parameters()[3]!
    weight.grad = Number.POSITIVE_INFINITY
    expect(() => optimizer.step()).toThrow(NonFiniteValueError)
    for (const parameter of on.parameters()) parameter.data = 0.5
    const error = catchError(() => saveModel(on, { optimizer }))
    expect(error).toBeInstanceOf(NonFiniteValueError)
    expect((error as Error).message).toMatch(/^saveModel: optimizer\.firstMoment entry 3 /)
  })

  it('an optimizer built on part of the model or in another order', () => {
    const on = model()
    const partial = new SGD(on.parameters().slice(1), { learningRate: 0.1 })
    expect(catchError(() => saveModel(on, { optimizer: partial }))).toMatchObject({
      option: 'optimizer',
      functionName: 'saveModel',
    })
    const reversed = new SGD(on.parameters().reverse(), { learningRate: 0.1 })
    expect(() => saveModel(on, { optimizer: reversed })).toThrow(InvalidOptionError)
  })
})

describe('loadModel validates an optimizer state as strictly as the weights', () => {
  const adam = (on: MLP) => new Adam(on.parameters())
  const sgd = (momentum: number) => (on: MLP) =>
    new SGD(on.parameters(), { learningRate: 0.1, momentum })
  /** The saved text of a model whose optimizer (stepped twice if `steps`) had `edit` applied. */
  const corrupt =
    (
      make: (on: MLP) => SGD | Adam,
      steps: boolean,
      edit: (state: Record<string, unknown>, on: MLP) => void,
    ) =>
    () => {
      const on = model()
      const optimizer = steps ? stepped(on, make(on)) : make(on)
      return savedWith(on, optimizer, (state) => edit(state, on))
    }
  const setEntry =
    (field: string, index: number, value: number) => (state: Record<string, unknown>) => {
      ;(state[field] as number[])[index] = value
    }
  it.each<readonly [string, () => string, string]>([
    [
      'a negative second moment',
      corrupt(adam, true, setEntry('secondMoment', 5, -1e-9)),
      'optimizer.secondMoment[5]',
    ],
    [
      'first moments before any step',
      corrupt(adam, false, setEntry('firstMoment', 0, 0.25)),
      'optimizer.firstMoment[0]',
    ],
    [
      'second moments before any step',
      corrupt(adam, false, setEntry('secondMoment', 2, 0.25)),
      'optimizer.secondMoment[2]',
    ],
    [
      'a momentum buffer before any step',
      corrupt(sgd(0.9), false, (state, on) => {
        state.momentumBuffer = on.parameters().map(() => 0)
      }),
      'optimizer.momentumBuffer',
    ],
    [
      'a momentum buffer without momentum',
      corrupt(sgd(0), true, (state, on) => {
        state.momentumBuffer = on.parameters().map(() => 0.5)
      }),
      'optimizer.momentumBuffer',
    ],
    [
      'no momentum buffer after steps with momentum',
      corrupt(sgd(0.5), true, (state) => {
        state.momentumBuffer = null
      }),
      'optimizer.momentumBuffer',
    ],
    ...(
      [
        ['a negative learning rate', 'learningRate', -0.1],
        ['a learning rate that is text', 'learningRate', 'fast'],
        ['a beta1 of 1', 'beta1', 1],
        ['a negative beta2', 'beta2', -0.5],
        ['a negative epsilon', 'epsilon', -1e-8],
        ['a fractional step count', 'stepCount', 1.5],
        ['a negative step count', 'stepCount', -2],
      ] as const
    ).map(
      ([what, field, value]) =>
        [
          what,
          corrupt(adam, true, (state) => {
            state[field] = value
          }),
          `optimizer.${field}`,
        ] as const,
    ),
    [
      'a first moment that is text',
      corrupt(adam, true, (state) => {
        ;(state.firstMoment as unknown[])[3] = '0.1'
      }),
      'optimizer.firstMoment[3]',
    ],
    [
      'a negative momentum',
      corrupt(sgd(0.5), true, (state) => {
        state.momentum = -0.5
      }),
      'optimizer.momentum',
    ],
  ])('refuses %s', (_, text, path) => {
    const error = catchError(() => loadModel(text()))
    expect(error).toBeInstanceOf(ModelFormatError)
    expect(error).toMatchObject({ path })
  })

  it('refuses the same states in restoreOptimizer and loadState', () => {
    const on = model()
    const state = { ...stepped(on, new Adam(on.parameters())).state() }
    state.secondMoment = state.secondMoment.map((value) => -value - 1)
    expect(() => restoreOptimizer(on.parameters(), state)).toThrow(ModelFormatError)
    expect(() => new Adam(on.parameters()).loadState(state)).toThrow(ModelFormatError)
  })

  it.each([
    ['a fresh Adam', (on: MLP) => new Adam(on.parameters())],
    ['an Adam after steps', (on: MLP) => stepped(on, new Adam(on.parameters()))],
    [
      'a fresh SGD with momentum',
      (on: MLP) => new SGD(on.parameters(), { learningRate: 0.1, momentum: 0.9 }),
    ],
    [
      'an SGD with momentum after steps',
      (on: MLP) => stepped(on, new SGD(on.parameters(), { learningRate: 0.1, momentum: 0.9 })),
    ],
    [
      'a plain SGD after steps',
      (on: MLP) => stepped(on, new SGD(on.parameters(), { learningRate: 0.1 })),
    ],
  ])('still loads every state an optimizer reaches: %s', (_, make) => {
    const on = model()
    const optimizer = make(on)
    const loaded = loadModel(saveModel(on, { optimizer }))
    expect(loaded.optimizer?.state()).toEqual(optimizer.state())
  })
})

describe('training with an optimizer that does not update the model is refused', () => {
  it.each([
    ['train', (on: MLP, optimizer: SGD) => train(on, data, { loss: 'hinge', optimizer, steps: 1 })],
    [
      'createTrainer',
      (on: MLP, optimizer: SGD) => createTrainer(on, data, { loss: 'hinge', optimizer }),
    ],
  ])("%s, given an optimizer built on another model's parameters", (_, run) => {
    const on = model()
    const before = on.getParameterValues()
    const other = new SGD(model().parameters(), { learningRate: 0.1 })
    const error = catchError(() => run(on, other))
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toMatchObject({ option: 'optimizer' })
    expect((error as Error).message).toContain("built on another model's parameters")
    expect(on.getParameterValues()).toEqual(before)
  })

  it('an optimizer with no parameters', () => {
    const on = model()
    const empty = new SGD([], { learningRate: 0.1 })
    expect(() => train(on, data, { loss: 'hinge', optimizer: empty, steps: 1 })).toThrow(
      /holds no parameters/,
    )
  })

  it('but trains an optimizer on part of the model, such as its last layer', () => {
    const on = model()
    const last = on.layers.at(-1)!.parameters()
    const optimizer = new SGD(last, { learningRate: 0.5 })
    const firstLayer = on.layers[0]!.parameters().map((parameter) => parameter.data)
    const before = last.map((parameter) => parameter.data)
    train(on, data, { loss: 'hinge', optimizer, steps: 3 })
    expect(last.map((parameter) => parameter.data)).not.toEqual(before)
    expect(on.layers[0]!.parameters().map((parameter) => parameter.data)).toEqual(firstLayer)
  })
})
