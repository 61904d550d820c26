import type { Value } from '@mg/engine'
import { type AccuracyOptions, accuracy } from './accuracy.js'
import { BCE_LABELS, binaryCrossEntropyWithLogits } from './binary-cross-entropy.js'
import { checkLabels, type LabelRule } from './check-pairs.js'
import { InvalidOptionError } from './errors.js'
import { HINGE_LABELS, hingeLoss } from './hinge-loss.js'
import { MSE_TARGETS, mseLoss } from './mse-loss.js'
import { checkClassIndex, softmaxCrossEntropy } from './softmax-cross-entropy.js'

/** The name of a loss in {@link LOSSES}, as the `loss` option of {@link train} takes it. */
export type LossName = 'hinge' | 'mse' | 'bce' | 'softmax-cross-entropy'

/** How a compiled graph takes a loss's labels: as input `Value`s, whose data changes with every batch. */
export interface LabelInputs {
  /**
   * Checks every (mapped) label and returns, per sample, the numbers its label inputs hold: the
   * label itself for one output, or a one-hot row for one output per class.
   */
  encode(labels: readonly number[], outputCount: number): number[][]
  /** The batch loss on label `Value`s laid out as {@link LabelInputs.encode} lays out numbers. */
  compute(outputs: readonly (readonly Value[])[], labels: readonly (readonly Value[])[]): Value
}

/** A loss that {@link train}, {@link createTrainer} and {@link evaluate} know by name: an entry of {@link LOSSES}. */
export interface NamedLoss {
  /** Its name, as the `loss` option takes it. */
  readonly name: LossName
  /** A short title for menus and summaries, such as `'Hinge (SVM)'`. */
  readonly title: string
  /** The labels it trains on, in words, such as `'±1 (0 becomes −1)'`. */
  readonly labelEncoding: string
  /** Whether it separates exactly two classes, with one output; the others take any number of classes. */
  readonly binary: boolean
  /** How many outputs a model needs for data with `classCount` classes. */
  outputCount(classCount: number): number
  /** Maps one of a data set's labels to the one the loss takes (hinge: 0 → −1; bce: −1 → 0). */
  mapLabel(label: number): number
  /** The batch loss from the model's outputs (one row per sample) and the mapped labels. */
  compute(outputs: readonly (readonly Value[])[], labels: readonly number[]): Value
  /**
   * The accuracy rule on a data set whose mapped labels are `dataLabels`, as the options of
   * {@link accuracy}: one score is right when it is above `threshold` exactly when its label is
   * above `labelThreshold`, a row of scores when its largest is at the label's class index. Both
   * thresholds are 0 but for `'mse'`, which puts them midway between the smallest and largest
   * target. Training and {@link evaluate} measure accuracy by it.
   */
  accuracyOptions(dataLabels: readonly number[]): AccuracyOptions
  /**
   * The same rule as a function of a batch's output numbers (one row per sample) and labels that
   * returns the fraction predicted right: {@link accuracy} with {@link NamedLoss.accuracyOptions}.
   */
  accuracyFor(
    dataLabels: readonly number[],
  ): (scores: readonly (readonly number[])[], labels: readonly number[]) => number
  /** How a compiled step (`compiled: true`) takes the labels, as inputs of its graph. */
  readonly labelInputs: LabelInputs
}

/** A label kept as it is. */
const same = (label: number) => label
/** The accuracy rule of every loss but `'mse'`: {@link accuracy}'s defaults, scores and labels by sign. */
const bySign = (): AccuracyOptions => ({})

/**
 * `'mse'`'s accuracy rule: for two classes as targets (0/1, ±1, 2/4), a prediction is right on
 * its target's side of the midpoint between the extremes.
 */
function aboutTheMiddle(dataLabels: readonly number[]): AccuracyOptions {
  const lowest = dataLabels.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY)
  const highest = dataLabels.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY)
  const middle = (lowest + highest) / 2
  return { threshold: middle, labelThreshold: middle }
}

/** {@link NamedLoss.accuracyFor} of a loss whose {@link NamedLoss.accuracyOptions} are `optionsFor`. */
function rowsAccuracy(optionsFor: (dataLabels: readonly number[]) => AccuracyOptions) {
  return (dataLabels: readonly number[]) => {
    const options = optionsFor(dataLabels)
    return (scores: readonly (readonly number[])[], labels: readonly number[]) =>
      accuracy(scores, labels, options)
  }
}

/**
 * The named losses, one entry each: name, title, label encoding, outputs, loss, accuracy rule and
 * compiled label inputs. Apps read their menus and help text from it; {@link lossNames} lists the
 * keys in order.
 *
 * @example
 * ```ts
 * import { LOSSES, lossNames } from '@mg/nn'
 *
 * for (const name of lossNames) console.log(name, LOSSES[name].title, LOSSES[name].labelEncoding)
 * console.log(LOSSES.hinge.mapLabel(0)) // -1
 * console.log(LOSSES['softmax-cross-entropy'].outputCount(3)) // 3
 * ```
 */
export const LOSSES: Readonly<Record<LossName, NamedLoss>> = Object.freeze({
  hinge: {
    name: 'hinge',
    title: 'Hinge (SVM)',
    labelEncoding: '±1 (0 becomes −1)',
    binary: true,
    outputCount: () => 1,
    mapLabel: (label) => (label === 0 ? -1 : label),
    compute: (outputs, labels) => hingeLoss(firstOutputs(outputs, 'hinge'), labels),
    accuracyOptions: bySign,
    accuracyFor: rowsAccuracy(bySign),
    labelInputs: oneLabelInput(HINGE_LABELS, hingeLoss, 'hinge'),
  },
  mse: {
    name: 'mse',
    title: 'Mean squared error',
    labelEncoding: 'a target, or a class index (one-hot) with one output per class',
    binary: false,
    outputCount: (classCount) => (classCount === 2 ? 1 : classCount),
    mapLabel: same,
    compute: (outputs, labels) =>
      mseLoss(outputs.flat(), mseTargets(labels, outputs[0]?.length ?? 1).flat()),
    accuracyOptions: aboutTheMiddle,
    accuracyFor: rowsAccuracy(aboutTheMiddle),
    labelInputs: {
      encode: mseTargets,
      compute: (outputs, labels) => mseLoss(outputs.flat(), labels.flat()),
    },
  },
  bce: {
    name: 'bce',
    title: 'Logistic (binary cross-entropy)',
    labelEncoding: '0/1 (−1 becomes 0)',
    binary: true,
    outputCount: () => 1,
    mapLabel: (label) => (label === -1 ? 0 : label),
    compute: (outputs, labels) =>
      binaryCrossEntropyWithLogits(firstOutputs(outputs, 'bce'), labels),
    accuracyOptions: bySign,
    accuracyFor: rowsAccuracy(bySign),
    labelInputs: oneLabelInput(BCE_LABELS, binaryCrossEntropyWithLogits, 'bce'),
  },
  'softmax-cross-entropy': {
    name: 'softmax-cross-entropy',
    title: 'Softmax cross-entropy',
    labelEncoding: 'a class index 0, 1, 2, …',
    binary: false,
    outputCount: (classCount) => classCount,
    mapLabel: same,
    compute: softmaxCrossEntropy,
    accuracyOptions: bySign,
    accuracyFor: rowsAccuracy(bySign),
    // One-hot rows: picking z_c by the label would be a branch a compiled graph cannot replay.
    labelInputs: {
      encode: (labels, outputCount) => oneHotRows(labels, outputCount, 'softmaxCrossEntropy'),
      compute: softmaxCrossEntropy,
    },
  },
} satisfies Record<LossName, NamedLoss>)

/**
 * The names of {@link LOSSES} in order: `'hinge'`, `'mse'`, `'bce'`, `'softmax-cross-entropy'`.
 *
 * @example
 * ```ts
 * import { lossNames } from '@mg/nn'
 *
 * console.log(`--loss <${lossNames.join('|')}>`)
 * ```
 */
export const lossNames: readonly LossName[] = Object.freeze(Object.keys(LOSSES) as LossName[])

/** The one output of each sample, for a loss that takes one score per sample. */
function firstOutputs(outputs: readonly (readonly Value[])[], name: LossName): Value[] {
  return outputs.map((row) => {
    if (row.length !== 1)
      throw new InvalidOptionError(
        'loss',
        name,
        `a model with one output for '${name}' (its output has ${row.length} values)`,
        `For several classes use ${lossNames
          .filter((other) => !LOSSES[other].binary)
          .map((other) => `'${other}'`)
          .join(' or ')}.`,
      )
    return row[0]!
  })
}

/** Each class index as a row of `outputCount` numbers, 1 at the class and 0 elsewhere. */
function oneHotRows(labels: readonly number[], outputCount: number, caller: string): number[][] {
  return labels.map((label, index) => {
    checkClassIndex(index, label, outputCount, caller)
    return Array.from({ length: outputCount }, (_, column) => (column === label ? 1 : 0))
  })
}

/** The targets of `'mse'`: each label as it is for one output, a class index's one-hot row for several. */
function mseTargets(labels: readonly number[], outputCount: number): number[][] {
  if (outputCount !== 1) return oneHotRows(labels, outputCount, 'mseLoss')
  checkLabels(MSE_TARGETS, labels)
  return labels.map((label) => [label])
}

/** Label inputs for a loss on one output per sample: one input per label, as it is. */
function oneLabelInput(
  rule: LabelRule,
  loss: (scores: Value[], labels: Value[]) => Value,
  name: LossName,
): LabelInputs {
  return {
    encode: (labels) => {
      checkLabels(rule, labels)
      return labels.map((label) => [label])
    },
    compute: (outputs, labels) =>
      loss(
        firstOutputs(outputs, name),
        labels.map((row) => row[0]!),
      ),
  }
}
