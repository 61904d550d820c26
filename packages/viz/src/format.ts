/** Formats `value` with `precision` decimals as micrograd's `%.4f` does, without a `-0.0000`. */
export function formatFixed(value: number, precision: number): string {
  const text = value.toFixed(precision)
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text
}

/** Formats `value` with at most `precision` decimals and no trailing zeros: `14`, `0.6667`. */
export function formatShort(value: number, precision: number): string {
  const text = formatFixed(value, precision)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** Escapes text for an SVG/XML attribute or text node. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** Escapes the characters that structure a Graphviz record label, so a user's label stays text. */
export function escapeRecordField(text: string): string {
  return text.replace(/[\\{}|<>]/g, (character) => `\\${character}`)
}
