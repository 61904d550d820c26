// Long enough to recognise a value, short enough to keep an error message on one line.
const MAX_STRING_LENGTH = 60
const MAX_KEYS_SHOWN = 5

/**
 * A short, readable rendering of any value, for the "received …" part of an error message. It
 * never throws and never walks into a value, so cyclic objects, proxies and huge arrays are safe:
 * strings are quoted (and cut after 60 characters), `-0`, `NaN`, bigints and symbols keep their
 * identity, arrays and typed arrays show their length, plain objects their first keys, and other
 * objects their class.
 *
 * @example
 * ```ts
 * import { describeValue } from '@mg/common'
 *
 * describeValue('16,,16') // '"16,,16"'
 * describeValue([1, 2, 3]) // 'an array of length 3'
 * describeValue({ nSamples: 100, noise: 0.1 }) // 'an object with keys nSamples, noise'
 * describeValue(new Map()) // 'a Map'
 * describeValue(-0) // '-0'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(
        value.length > MAX_STRING_LENGTH ? `${value.slice(0, MAX_STRING_LENGTH)}…` : value,
      )
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return value.toString()
    case 'function':
      return value.name ? `a function named ${value.name}` : 'a function'
    case 'object':
      return value === null ? 'null' : describeObject(value)
    default:
      return String(value)
  }
}

function describeObject(value: object): string {
  // A revoked proxy throws on Array.isArray, a hostile one on any property read.
  try {
    if (Array.isArray(value)) return `an array of length ${value.length}`
    const prototype: unknown = Object.getPrototypeOf(value)
    if (prototype === null || prototype === Object.prototype) return describeKeys(value)
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const typed = value as unknown as ArrayLike<number>
      return `${withArticle(className(prototype) ?? 'typed array')} of length ${typed.length}`
    }
    const name = className(prototype)
    return name ? withArticle(name) : 'an object'
  } catch {
    return 'an object'
  }
}

function describeKeys(value: object): string {
  const keys = Object.keys(value)
  if (keys.length === 0) return 'an empty object'
  const shown = keys
    .slice(0, MAX_KEYS_SHOWN)
    .map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)))
  const rest = keys.length > MAX_KEYS_SHOWN ? `, … (${keys.length} keys)` : ''
  return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${rest}`
}

function className(prototype: unknown): string | undefined {
  const maker = (prototype as { constructor?: unknown }).constructor
  return typeof maker === 'function' && maker.name ? maker.name : undefined
}

function withArticle(noun: string): string {
  // "an Error", "an Int8Array", but "a Uint8Array", "a Map": the vowel sound, approximately.
  return `${/^[AEIOaeio]/.test(noun) ? 'an' : 'a'} ${noun}`
}
