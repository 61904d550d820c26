import { lossNames } from '@mg/nn'
import {
  ACTIVATIONS,
  BATCH_SIZES,
  DATASET_KINDS,
  defaultSettings,
  L2_STRENGTHS,
  LEARNING_RATES,
  LIMITS,
  OPTIMIZER_CHOICES,
  type Settings,
} from './settings.js'

/** What a link decoded to, with one note per parameter that was unusable and fell back to its default. */
export interface DecodedSettings {
  settings: Settings
  problems: string[]
}

/**
 * Writes the settings as a query string, leaving out those at their default so shared links stay
 * short. Parameter names match the labels on the page.
 *
 * @example
 * ```ts
 * import { defaultSettings } from './settings.js'
 * import { encodeSettings } from './url-state.js'
 * encodeSettings({ ...defaultSettings(), dataset: 'spiral' }) // 'dataset=spiral'
 * ```
 */
export function encodeSettings(settings: Settings): string {
  const defaults = defaultSettings()
  const query = new URLSearchParams()
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const text = formatValue(settings[key])
    if (text !== formatValue(defaults[key])) query.set(key, text)
  }
  return query.toString()
}

/**
 * Reads settings from a query string (with or without the leading `?`). Anything missing takes
 * its default; anything malformed or out of range also does, and is reported in `problems`, so a
 * hand-edited link still opens a working page.
 */
export function decodeSettings(search: string): DecodedSettings {
  const query = new URLSearchParams(search)
  const settings = defaultSettings()
  const problems: string[] = []
  const read = <K extends keyof Settings>(
    key: K,
    parse: (text: string) => Settings[K] | undefined,
    expected: string,
  ): void => {
    const text = query.get(key)
    if (text === null) return
    const value = parse(text)
    if (value === undefined) problems.push(`${key}: expected ${expected}, received "${text}"`)
    else settings[key] = value
  }
  read(
    'dataset',
    oneOf(DATASET_KINDS.filter((kind) => kind !== 'csv')),
    'moons, circles, blobs, spiral or xor',
  )
  read(
    'samples',
    integerIn(LIMITS.samples.min, LIMITS.samples.max),
    `a whole number from ${LIMITS.samples.min} to ${LIMITS.samples.max}`,
  )
  read(
    'noise',
    numberIn(LIMITS.noise.min, LIMITS.noise.max),
    `a number from ${LIMITS.noise.min} to ${LIMITS.noise.max}`,
  )
  read('seed', integerIn(LIMITS.seed.min, LIMITS.seed.max), 'a whole number of at least 0')
  read(
    'testFraction',
    numberIn(LIMITS.testFraction.min, LIMITS.testFraction.max),
    `a number from ${LIMITS.testFraction.min} to ${LIMITS.testFraction.max}`,
  )
  read(
    'hiddenLayers',
    parseHiddenLayers,
    `up to ${LIMITS.hiddenLayerCount.max} widths from ${LIMITS.width.min} to ${LIMITS.width.max}, such as 16-16`,
  )
  read('activation', oneOf(ACTIVATIONS), ACTIVATIONS.join(', '))
  read('loss', oneOf(lossNames), lossNames.join(', '))
  read('optimizer', oneOf(OPTIMIZER_CHOICES), OPTIMIZER_CHOICES.join(', '))
  read('learningRate', oneOfNumbers(LEARNING_RATES), LEARNING_RATES.join(', '))
  read('batchSize', oneOfNumbers(BATCH_SIZES), `${BATCH_SIZES.join(', ')} (0 = all)`)
  read('l2', oneOfNumbers(L2_STRENGTHS), L2_STRENGTHS.join(', '))
  read('compiled', (text) => ({ true: true, false: false })[text], 'true or false')
  return { settings, problems }
}

/**
 * Reads hidden-layer widths written as `16-16`, `16, 16` or `16 16`; `''` or `none` is a model
 * with no hidden layer. Returns `undefined` when the text is not that.
 */
export function parseHiddenLayers(text: string): number[] | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return []
  const parts = trimmed.split(/[\s,\-x×]+/).filter((part) => part !== '')
  if (parts.length > LIMITS.hiddenLayerCount.max) return undefined
  const widths = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN))
  const fits = (width: number) => width >= LIMITS.width.min && width <= LIMITS.width.max
  return widths.every(fits) ? widths : undefined
}

/** Writes hidden-layer widths as the link and the text field show them (`16-16`, or `none`). */
export function formatHiddenLayers(widths: readonly number[]): string {
  return widths.length === 0 ? 'none' : widths.join('-')
}

function formatValue(value: Settings[keyof Settings]): string {
  return Array.isArray(value) ? formatHiddenLayers(value) : String(value)
}

function oneOf<T extends string>(allowed: readonly T[]): (text: string) => T | undefined {
  return (text) => allowed.find((candidate) => candidate === text)
}

function oneOfNumbers(allowed: readonly number[]): (text: string) => number | undefined {
  return (text) => {
    const number = Number(text)
    return text.trim() !== '' ? allowed.find((candidate) => candidate === number) : undefined
  }
}

function numberIn(min: number, max: number): (text: string) => number | undefined {
  return (text) => {
    const number = Number(text)
    return text.trim() !== '' && number >= min && number <= max ? number : undefined
  }
}

function integerIn(min: number, max: number): (text: string) => number | undefined {
  return (text) => {
    const number = numberIn(min, max)(text)
    return number !== undefined && Number.isInteger(number) ? number : undefined
  }
}
