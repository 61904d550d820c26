import { InvalidOptionError, ModelFormatError } from './errors.js'
import { MLP } from './mlp.js'
import type { ModelJson } from './model-json.js'
import type { Optimizer, OptimizerState } from './optimizer.js'
import { buildOptimizer } from './optimizers.js'

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
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { MLP, SGD, saveModel } from '@mg/nn'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const optimizer = new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 })
 * writeFileSync('model.json', saveModel(model, { optimizer }))
 * ```
 */
export function saveModel(model: MLP, options: { optimizer?: Optimizer } = {}): string {
  if (!(model instanceof MLP)) throw new InvalidOptionError('model', model, 'an MLP')
  const document: SavedModel = model.toJSON()
  const { optimizer } = options
  if (optimizer !== undefined) {
    const parameters = model.parameters()
    const matches =
      optimizer.parameters?.length === parameters.length &&
      optimizer.parameters.every((parameter, index) => parameter === parameters[index])
    if (!matches)
      throw new InvalidOptionError(
        'optimizer',
        optimizer,
        "an optimizer built on this model's parameters()",
      )
    document.optimizer = optimizer.state()
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
