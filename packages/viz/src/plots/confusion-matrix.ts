import { InvalidInputError } from '../errors.js'
import { escapeXml } from '../format.js'
import { checkNonEmptyList, checkOptionNames, integerOption, stringOption } from '../options.js'
import { OKABE_ITO, tint } from '../theme.js'
import { openSvg, round } from './frame.js'

/** Options of {@link confusionMatrixSvg}. */
export interface ConfusionMatrixOptions {
  /**
   * A name for each class, in class order; default `'0'`, `'1'`, … up to the largest label given.
   * Their count sets the number of rows and columns.
   */
  classNames?: readonly string[]
  /** Heading above the matrix and the picture's accessible name; default `'Confusion matrix'`. */
  title?: string
  /** Side of one cell in pixels, 16 to 120; default 40. */
  cellSize?: number
}

const OPTION_NAMES = ['classNames', 'title', 'cellSize'] as const
const TEXT = '#222222'
const LEFT = 86
const TOP = 92
const RIGHT = 78
const BOTTOM = 40

/**
 * Draws a confusion matrix: one row per actual class, one column per predicted class, each cell
 * the number of samples with that pair. Cells on the diagonal (right) are blue and off it (wrong)
 * vermillion, darker for a larger share of the row; the right margin gives each row's share right
 * (its recall) and the caption the overall accuracy.
 *
 * @throws {@link InvalidInputError} for lists of different or zero length, a label that is not a
 * whole number from 0 to 99 (or below the number of `classNames`, when given), or a bad option.
 * @example
 * ```ts
 * import { confusionMatrixSvg } from '@mg/viz'
 * const actual = [0, 0, 1, 1, 2, 2]
 * const predicted = [0, 0, 1, 2, 2, 2]
 * const svg = confusionMatrixSvg(actual, predicted, { classNames: ['cat', 'dog', 'bird'] })
 * ```
 */
export function confusionMatrixSvg(
  actual: readonly number[],
  predicted: readonly number[],
  options: ConfusionMatrixOptions = {},
): string {
  const name = 'confusionMatrixSvg'
  checkOptionNames(name, options, OPTION_NAMES)
  checkNonEmptyList(name, 'actual', actual, 'a non-empty list of class indices')
  if (!Array.isArray(predicted) || predicted.length !== actual.length)
    throw new InvalidInputError(
      name,
      'predicted',
      predicted,
      `a list of ${actual.length} class indices, one per entry of actual`,
    )
  const names = readClassNames(name, options.classNames)
  // Without names, labels up to 99: a larger one is more likely a score than a class.
  const limit = names?.length ?? 100
  const isLabel = (label: unknown) =>
    Number.isInteger(label) && (label as number) >= 0 && (label as number) < limit
  for (const [argument, labels] of [
    ['actual', actual],
    ['predicted', predicted],
  ] as const) {
    const index = labels.findIndex((label) => !isLabel(label))
    if (index >= 0)
      throw new InvalidInputError(
        name,
        `${argument}[${index}]`,
        labels[index],
        names === undefined
          ? 'a class index: a whole number from 0 to 99'
          : `a class index from 0 to ${limit - 1} (one per class name)`,
      )
  }
  const classes = names?.length ?? Math.max(...actual, ...predicted) + 1
  const labels = names ?? Array.from({ length: classes }, (_, index) => String(index))
  const title = stringOption(name, 'title', options.title, 'Confusion matrix')
  const cell = integerOption(name, 'cellSize', options.cellSize, {
    min: 16,
    max: 120,
    fallback: 40,
  })

  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0))
  actual.forEach((label, index) => {
    counts[label]![predicted[index]!]! += 1
  })
  const rowTotals = counts.map((row) => row.reduce((sum, count) => sum + count, 0))
  const right = counts.reduce((sum, row, index) => sum + row[index]!, 0)

  const gridSize = classes * cell
  const width = Math.max(LEFT + gridSize + RIGHT, Math.round(title.length * 9.5) + 32)
  const height = TOP + gridSize + BOTTOM
  const fontSize = Math.max(9, Math.min(16, Math.round(cell * 0.4)))
  const parts = [
    openSvg({ width, height, left: LEFT, right: width, top: TOP, bottom: height }, title),
  ]
  parts.push(
    `<g class="axis" font-size="13" fill="${TEXT}">`,
    `<text x="${LEFT + gridSize / 2}" y="${TOP - 38}" text-anchor="middle">predicted</text>`,
    `<text transform="translate(${LEFT - 50} ${TOP + gridSize / 2}) rotate(-90)" text-anchor="middle">actual</text>`,
    `<text x="${LEFT + gridSize + 10}" y="${TOP - 12}" font-size="12">right</text>`,
  )
  labels.forEach((label, index) => {
    const middle = round(index * cell + cell / 2)
    parts.push(
      `<text x="${LEFT + middle}" y="${TOP - 12}" text-anchor="middle" font-size="12">${escapeXml(label)}</text>`,
      `<text x="${LEFT - 10}" y="${TOP + middle + 4}" text-anchor="end" font-size="12">${escapeXml(label)}</text>`,
    )
  })
  parts.push('</g>', '<g class="cells">')
  counts.forEach((row, actualClass) => {
    row.forEach((count, predictedClass) => {
      const share = rowTotals[actualClass]! > 0 ? count / rowTotals[actualClass]! : 0
      const diagonal = actualClass === predictedClass
      // A single mistake in a row of hundreds should still show: off the diagonal, at least 25 %.
      const strength = count === 0 ? 0 : diagonal ? share : Math.max(0.25, share)
      const fill =
        count === 0
          ? '#FFFFFF'
          : tint(diagonal ? OKABE_ITO.blue : OKABE_ITO.vermillion, 1 - strength)
      const x = LEFT + predictedClass * cell
      const y = TOP + actualClass * cell
      parts.push(
        `<rect class="${diagonal ? 'cell right' : 'cell wrong'}" x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}" stroke="#DDDDDD"/>`,
      )
      if (count > 0)
        parts.push(
          `<text class="count" x="${round(x + cell / 2)}" y="${round(y + cell / 2 + fontSize / 3)}" text-anchor="middle" font-size="${fontSize}" fill="${strength > 0.55 ? '#FFFFFF' : TEXT}">${count}</text>`,
        )
    })
    const recall = rowTotals[actualClass]! > 0 ? row[actualClass]! / rowTotals[actualClass]! : 0
    parts.push(
      `<text class="recall" x="${LEFT + gridSize + 10}" y="${round(TOP + actualClass * cell + cell / 2 + 4)}" font-size="12" fill="${TEXT}">${rowTotals[actualClass] ? `${(recall * 100).toFixed(0)} %` : '–'}</text>`,
    )
  })
  parts.push(
    '</g>',
    `<rect x="${LEFT}" y="${TOP}" width="${gridSize}" height="${gridSize}" fill="none" stroke="#444444"/>`,
    `<text class="accuracy" x="${LEFT + gridSize / 2}" y="${TOP + gridSize + 26}" text-anchor="middle" font-size="13" fill="${TEXT}">${right} of ${actual.length} right: accuracy ${((right / actual.length) * 100).toFixed(1)} %</text>`,
    '</svg>',
  )
  return parts.join('\n')
}

function readClassNames(name: string, classNames: unknown): readonly string[] | undefined {
  if (classNames === undefined) return undefined
  if (
    !Array.isArray(classNames) ||
    classNames.length === 0 ||
    classNames.length > 100 ||
    !classNames.every((entry) => typeof entry === 'string')
  )
    throw new InvalidInputError(name, 'classNames', classNames, 'a list of 1 to 100 strings')
  return classNames
}
