/**
 * Lays out rows as columns two spaces apart, each as wide as its widest cell: the first column
 * left-aligned (labels), the others right-aligned (numbers), every line indented by two spaces.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const all = [header, ...rows]
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  )
  return all.map(
    (row) =>
      `  ${row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  ')
        .trimEnd()}`,
  )
}
