import { checkOptimizerFor } from './check-optimizer.js'
import { InvalidOptionError, ModelFormatError, NonFiniteValueError } from './errors.js'
import { MLP } from './mlp.js'
import type { ModelJson } from './model-json.js'
import { Optimizer, type OptimizerState } from './optimizer.js'
import { buildOptimizer } from './optimizers.js'
import { checkOptionsObject } from './random-source.js'

/** What {@link saveModel} writes: a {@link ModelJson} plus, optionally, the optimizer's state. */
export type SavedModel = ModelJson & {
  /** The optimizer's {@link Optimizer.state}, present when `saveModel` was given an optimizer. */
  optimizer?: OptimizerState
}

/** What {@link loadModel} returns. */
export interface LoadedModel {
  /** The model, with every parameter exactly as saved. */
  model: MLP
  /** The optimizer, rebuilt on `model.parameters()`, when one was saved. */
  optimizer: Optimizer | undefined
}

const NEGATIVE_ZERO = '\u0000negative zero\u0000'

/**
 * Writes a model, and optionally its optimizer's state, as JSON text that {@link loadModel} reads
 * back bit for bit (including the sign of zeros, which `JSON.stringify` alone drops).
 *
 * @throws {@link NonFiniteValueError} naming the parameter (or optimizer entry) that is not a
 * finite number: `JSON.stringify` would write it as `null`, a file nothing could load.
 * @throws {@link InvalidOptionError} if `model` is not an `MLP`, or `optimizer` was not built on
 * its parameters.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { MLP, SGD, saveModel } from '@mg/nn'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const optimizer = new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 })
 * writeFileSync('model.json', saveModel(model, { optimizer }))
 * ```
 */
export function saveModel(model: MLP, options?: { optimizer?: Optimizer }): string {
  if (!(model instanceof MLP)) throw new InvalidOptionError('model', model, 'an MLP')
  const { optimizer } = checkOptionsObject(options, 'saveModel', ['optimizer'])
  const document: SavedModel = model.toJSON()
  const parameters = model.parameters()
  checkFiniteModel(parameters, document)
  if (optimizer !== undefined) {
    if (!(optimizer instanceof Optimizer))
      throw new InvalidOptionError(
        'optimizer',
        optimizer,
        'an optimizer such as an SGD or Adam',
        '',
        {
          functionName: 'saveModel',
        },
      )
    checkOptimizerFor(parameters, optimizer, true, 'saveModel')
    document.optimizer = optimizer.state()
    checkFiniteState(document.optimizer)
  }
  const text = JSON.stringify(document, (_key, value: unknown) =>
    Object.is(value, -0) ? NEGATIVE_ZERO : value,
  )
  return text.replaceAll(JSON.stringify(NEGATIVE_ZERO), '-0')
}

/**
 * Reads text written by {@link saveModel} (or `JSON.stringify(model)`), refusing anything corrupt,
 * truncated or inconsistent with a {@link ModelFormatError} that says what is wrong.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { loadModel } from '@mg/nn'
 * const { model, optimizer } = loadModel(readFileSync('model.json', 'utf8')) // saveModel's file
 * ```
 */
export function loadModel(text: string): LoadedModel {
  if (typeof text !== 'string') throw new ModelFormatError('', 'expected JSON text', text)
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new ModelFormatError(
      '',
      'expected complete JSON text (it may be truncated or corrupt)',
      text,
      {
        cause: error,
      },
    )
  }
  const model = MLP.fromJSON(document)
  const state = (document as { optimizer?: unknown }).optimizer
  const optimizer =
    state === undefined ? undefined : buildOptimizer(model.parameters(), state, 'optimizer')
  return { model, optimizer }
}

const DIVERGED =
  'A model that diverged cannot be saved: restore a snapshot (getParameterValues and ' +
  'setParameterValues) or train again with a lower learning rate.'

/** Throws naming the first parameter that is not finite, with its place in the saved document. */
function checkFiniteModel(parameters: readonly { data: number }[], document: ModelJson): void {
  const index = parameters.findIndex((parameter) => !Number.isFinite(parameter.data))
  if (index < 0) return
  let remaining = index
  let place = ''
  document.layers.forEach((layer, layerIndex) => {
    layer.weights.forEach((row, neuronIndex) => {
      if (place !== '' || remaining > row.length) {
        remaining -= row.length + 1
        return
      }
      place =
        remaining === row.length
          ? `layers[${layerIndex}].biases[${neuronIndex}]`
          : `layers[${layerIndex}].weights[${neuronIndex}][${remaining}]`
    })
  })
  throw new NonFiniteValueError(
    'saveModel: parameter',
    index,
    parameters[index]!.data,
    `It would be ${place} in the file. ${DIVERGED}`,
  )
}

/** Throws naming the first entry of an optimizer's state that is not finite. */
function checkFiniteState(state: OptimizerState): void {
  for (const [field, value] of Object.entries(state)) {
    const entries = Array.isArray(value) ? value : [value]
    const index = entries.findIndex((entry) => typeof entry === 'number' && !Number.isFinite(entry))
    if (index >= 0)
      throw new NonFiniteValueError(
        `saveModel: optimizer.${field}${Array.isArray(value) ? ' entry' : ''}`,
        index,
        entries[index],
        DIVERGED,
      )
  }
}
