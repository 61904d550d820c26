import { readFileSync } from 'node:fs'
import { stripVTControlCharacters } from 'node:util'

/** A notebook cell as nbformat 4.5 stores it; outputs only on code cells. */
export interface Cell {
  readonly cell_type: 'code' | 'markdown' | 'raw'
  readonly id: string
  readonly source: string | readonly string[]
  readonly execution_count?: number | null
  readonly outputs?: readonly Output[]
}

/** One output of a code cell: printed text, a cell's value or a display, or an error. */
interface Output {
  readonly output_type: 'stream' | 'execute_result' | 'display_data' | 'error'
  readonly name?: string
  readonly text?: string | readonly string[]
  readonly data?: Readonly<Record<string, string | readonly string[]>>
  readonly ename?: string
  readonly evalue?: string
}

/** The parts of an `.ipynb` file the tests read. */
export interface Notebook {
  readonly cells: readonly Cell[]
  readonly metadata: { readonly kernelspec?: { readonly name?: string } }
}

export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook
}

/** nbformat keeps multi-line strings either whole or as a list of lines. */
export function joined(text: string | readonly string[] | undefined): string {
  return typeof text === 'string' ? text : (text ?? []).join('')
}

export function codeCells(notebook: Notebook): Cell[] {
  return notebook.cells.filter((cell) => cell.cell_type === 'code')
}

export function cellById(notebook: Notebook, id: string): Cell {
  const cell = notebook.cells.find((candidate) => candidate.id === id)
  if (!cell) throw new Error(`no cell with id '${id}'`)
  return cell
}

/** What a reader sees as text under a cell: printed lines and plain values, without colours. */
export function textOf(cell: Cell): string {
  return stripVTControlCharacters(
    (cell.outputs ?? [])
      .map((output) =>
        output.output_type === 'stream' ? joined(output.text) : joined(output.data?.['text/plain']),
      )
      .join(''),
  )
}

/** The SVG pictures a cell shows. */
export function picturesOf(cell: Cell): string[] {
  return (cell.outputs ?? []).flatMap((output) => {
    const svg = output.data?.['image/svg+xml']
    return svg === undefined ? [] : [joined(svg)]
  })
}

/** `name: message` of every error output, for a failure message that says what went wrong. */
export function errorsOf(cell: Cell): string[] {
  return (cell.outputs ?? []).flatMap((output) =>
    output.output_type === 'error'
      ? [`${output.ename}: ${output.evalue}`]
      : output.output_type === 'stream' && output.name === 'stderr'
        ? [`stderr: ${joined(output.text)}`]
        : [],
  )
}
