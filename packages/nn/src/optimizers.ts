import type { Value } from '@mg/engine'
import { Adam, type AdamOptions, AdamW } from './adam.js'
import { InvalidOptionError } from './errors.js'
import type { Optimizer } from './optimizer.js'
import { parseOptimizerState } from './optimizer-state.js'
import { checkArray } from './random-source.js'
import { SGD, type SgdOptions } from './sgd.js'

/** The name of an optimizer in {@link OPTIMIZERS}, as {@link createOptimizer} and saved states take it. */
export type OptimizerName = 'sgd' | 'adam' | 'adamw'

/** The options {@link createOptimizer} takes for each optimizer: those of its class. */
export interface OptimizerOptionsByName {
  /** {@link SGD}'s options. */
  sgd: SgdOptions
  /** {@link Adam}'s options. */
  adam: AdamOptions
  /** {@link AdamW}'s options (the same as Adam's; its weight decay defaults to 0.01). */
  adamw: AdamOptions
}

/** An optimizer that {@link createOptimizer} builds by name: an entry of {@link OPTIMIZERS}. */
export interface NamedOptimizer {
  /** Its name, as {@link createOptimizer} takes it. */
  readonly name: OptimizerName
  /** A short title for menus and summaries, such as `'AdamW'`. */
  readonly title: string
  /** What it does, in a few words, for help text. */
  readonly description: string
}

/**
 * The optimizers {@link createOptimizer} builds by name, one entry each; {@link optimizerNames}
 * lists the keys in order. The classes ({@link SGD}, {@link Adam}, {@link AdamW}) stay public.
 *
 * @example
 * ```ts
 * import { OPTIMIZERS, optimizerNames } from '@mg/nn'
 *
 * for (const name of optimizerNames) console.log(name, OPTIMIZERS[name].title)
 * ```
 */
export const OPTIMIZERS: Readonly<Record<OptimizerName, NamedOptimizer>> = Object.freeze({
  sgd: {
    name: 'sgd',
    title: 'SGD',
    description: "micrograd's gradient descent; momentum and weight decay optional",
  },
  adam: {
    name: 'adam',
    title: 'Adam',
    description: 'steps scaled by running means of the gradient and its square',
  },
  adamw: {
    name: 'adamw',
    title: 'AdamW',
    description: 'Adam with weight decay decoupled from the gradient (default 0.01)',
  },
} satisfies Record<OptimizerName, NamedOptimizer>)

const CLASSES: {
  [Name in OptimizerName]: new (
    parameters: readonly Value[],
    options: OptimizerOptionsByName[Name],
  ) => Optimizer
} = { sgd: SGD, adam: Adam, adamw: AdamW }

/**
 * The names of {@link OPTIMIZERS} in order: `'sgd'`, `'adam'`, `'adamw'`.
 *
 * @example
 * ```ts
 * import { optimizerNames } from '@mg/nn'
 *
 * console.log(`--optimizer <${optimizerNames.join('|')}>`)
 * ```
 */
export const optimizerNames: readonly OptimizerName[] = Object.freeze(
  Object.keys(OPTIMIZERS) as OptimizerName[],
)

/**
 * Builds the optimizer named `name` on `parameters`: `new SGD(parameters, options)`,
 * `new Adam(…)` or `new AdamW(…)`, for code that picks one by name (a command-line flag, a menu).
 *
 * @throws {@link InvalidOptionError} for a name that is not in {@link optimizerNames}, or options
 * the optimizer refuses.
 * @example
 * ```ts
 * import { createOptimizer, MLP } from '@mg/nn'
 *
 * const model = new MLP(2, [8, 1], { seed: 1 })
 * const optimizer = createOptimizer('adamw', model.parameters(), { learningRate: 0.01 })
 * console.log(optimizer.learningRate) // 0.01
 * ```
 */
export function createOptimizer<Name extends OptimizerName>(
  name: Name,
  parameters: readonly Value[],
  options: OptimizerOptionsByName[Name],
): Optimizer {
  if (typeof name !== 'string' || !Object.hasOwn(CLASSES, name))
    throw new InvalidOptionError(
      'optimizer',
      name,
      optimizerNames.map((each) => `'${each}'`).join(', '),
    )
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object such as { learningRate: 0.01 }')
  const Class = CLASSES[name] as new (
    parameters: readonly Value[],
    options: OptimizerOptionsByName[Name],
  ) => Optimizer
  return new Class(parameters, options)
}

/**
 * Builds the optimizer a saved state describes ({@link SGD}, {@link Adam} or {@link AdamW}) on
 * `parameters` and restores its buffers.
 *
 * @throws {@link ModelFormatError} naming the field if the state is corrupt or of another size.
 * @throws {@link InvalidOptionError} if `parameters` is not an array of `Value`s.
 * @example
 * ```ts
 * import { MLP, restoreOptimizer, SGD } from '@mg/nn'
 *
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const saved = JSON.stringify(new SGD(model.parameters(), { learningRate: 0.1 }).state())
 * const optimizer = restoreOptimizer(model.parameters(), JSON.parse(saved))
 * console.log(optimizer.learningRate) // 0.1
 * ```
 */
export function restoreOptimizer(parameters: readonly Value[], state: unknown): Optimizer {
  checkArray(
    'parameters',
    parameters,
    'an array of Values, such as model.parameters()',
    'restoreOptimizer',
  )
  return buildOptimizer(parameters, state, '')
}

/** {@link restoreOptimizer}, naming fields below `path` in its errors (`optimizer.beta1`). */
export function buildOptimizer(
  parameters: readonly Value[],
  state: unknown,
  path: string,
): Optimizer {
  const parsed = parseOptimizerState(state, parameters.length, path)
  const optimizer = createOptimizer(parsed.type, parameters, { learningRate: parsed.learningRate })
  optimizer.loadState(parsed)
  return optimizer
}
