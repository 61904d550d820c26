/**
 * A number as the explorer writes it: at most `decimals` decimals without trailing zeros (`-4`,
 * `0.7071`), and in e-notation when that would hide it (`2.5e-7`). Never `-0`.
 *
 * @example
 * ```ts
 * import { formatNumber } from './format-number.js'
 * formatNumber(0.7071067811865476) // '0.7071'
 * formatNumber(-4) // '-4'
 * ```
 */
export function formatNumber(value: number, decimals = 4): string {
  const size = Math.abs(value)
  if (size === 0) return '0'
  if (size >= 10 ** -decimals && size < 1e9)
    return value
      .toFixed(decimals)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '')
  return value.toExponential(Math.min(decimals, 3)).replace(/\.?0+e/, 'e')
}
