import { UsageError } from './cli-error.js'

/** Reads `text` as one of `allowed`, or throws a {@link UsageError} listing them. */
export function oneOf<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T
  throw new UsageError(option, text, `one of ${allowed.join(', ')}`)
}

/** Reads `text` as a whole number from `min` to `max`, or throws a {@link UsageError}. */
export function integer(option: string, text: string, min: number, max: number): number {
  const value = /^\+?\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max)) {
    throw new UsageError(option, text, `a whole number from ${min} to ${max}`)
  }
  return value
}

/** Reads `text` as a decimal number from `min` to `max`, or throws a {@link UsageError} saying `expected`. */
export function decimal(
  option: string,
  text: string,
  min: number,
  max: number,
  expected: string,
): number {
  const value = isDecimal(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max)) throw new UsageError(option, text, expected)
  return value
}

/** Reads a comma-separated list of finite numbers such as `--x 0.5,-0.2` (`1e400` is refused). */
export function numberList(option: string, text: string): number[] {
  const parts = text.split(',')
  if (!parts.every((part) => isDecimal(part) && Number.isFinite(Number(part)))) {
    throw new UsageError(
      option,
      text,
      'a comma-separated list of numbers',
      `Example: ${option} 0.5,-0.2`,
    )
  }
  return parts.map(Number)
}

/**
 * Reads a comma-separated list of whole numbers from `min` to `max`, such as `--hidden 16,16`;
 * `what` names them in the error message.
 */
export function integerList(
  option: string,
  text: string,
  range: { min: number; max: number; what: string; example: string },
): number[] {
  const values = text
    .split(',')
    .map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN))
  if (!values.every((value) => value >= range.min && value <= range.max)) {
    const expected = `a comma-separated list of ${range.what} from ${range.min} to ${range.max}`
    throw new UsageError(option, text, expected, `Example: ${option} ${range.example}`)
  }
  return values
}

/** Reads `text` as a folder name: anything but blank. */
export function folderName(option: string, text: string): string {
  if (text.trim() === '')
    throw new UsageError(option, text, 'a folder name', `Example: ${option} out`)
  return text
}

function isDecimal(text: string): boolean {
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only. Digits after the
  // point only follow a point, so a long malformed number is refused in linear time.
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())
}
