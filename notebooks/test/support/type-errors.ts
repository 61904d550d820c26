import ts from 'typescript'
import { codeCells, joined, type Notebook } from './notebook.js'

/** Deno runs a cell without checking its types; this checks them as strictly as the packages'. */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  // Deno's globals are the web's: console, performance, fetch.
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
  skipLibCheck: true,
  noEmit: true,
}

/**
 * Type errors in the notebooks' code, each as `notebook, cell id: message`. A notebook's code cells
 * share one scope, as in the kernel, so each notebook is checked as one module of its cells in
 * order; it sits beside the notebook so that `@mg/*` resolve from the same node_modules.
 */
export function typeErrors(notebooks: ReadonlyMap<string, Notebook>): string[] {
  const files = new Map<string, { text: string; cells: { id: string; firstLine: number }[] }>()
  for (const [path, notebook] of notebooks) {
    const cells: { id: string; firstLine: number }[] = []
    let text = ''
    for (const cell of codeCells(notebook)) {
      cells.push({ id: cell.id, firstLine: text.split('\n').length - 1 })
      // A cell is evaluated on its own: the `;` keeps one cell's last line from running on into
      // the next cell's first, as it cannot in the kernel.
      text += `${joined(cell.source)}\n;\n`
    }
    files.set(`${path}.ts`, { text, cells })
  }
  const host = ts.createCompilerHost(OPTIONS)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name)
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name)
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const file = files.get(name)
    return file
      ? ts.createSourceFile(name, file.text, languageVersion, true)
      : getSourceFile.call(host, name, languageVersion, ...rest)
  }
  const program = ts.createProgram([...files.keys()], OPTIONS, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const file = diagnostic.file && files.get(diagnostic.file.fileName)
    if (!diagnostic.file || !file || diagnostic.start === undefined) return message
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    const cell = file.cells.findLast((candidate) => candidate.firstLine <= line)
    return `${diagnostic.file.fileName.replace(/\.ts$/, '')}, cell ${cell?.id}, line ${line - (cell?.firstLine ?? 0) + 1}: ${message}`
  })
}
