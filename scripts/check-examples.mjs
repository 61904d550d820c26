#!/usr/bin/env node
// Type-checks every ```ts block under an `@example` tag in the TSDoc of a package's src/, so the
// examples shown in editors and in docs/API.md cannot rot. Each block is checked as it stands, as
// a module of its own: it must import what it uses, by package name, exactly as a user who pastes
// it would, and it resolves against the built packages (dist/), as the user's would. An app has no
// public entry, so its examples import the file they document by its relative path.
// Run from a package folder (its `check-examples` script), or with package folders as arguments;
// a folder's examples go into one TypeScript program, so the cost is one compile, not one each.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Every `.ts` file below `dir`, sorted so the report reads the same on every run. */
const sourceFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /(?<!\.d)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()

/**
 * The ```ts blocks inside `@example` tags of `file`, each with the file line of its first code
 * line. An `@example` with no such block is reported, since nothing would check it.
 */
function examplesIn(file) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const examples = []
  const problems = []
  let inComment = false
  let inExample = false
  let exampleLine = 0
  let block
  lines.forEach((line, index) => {
    const lineNumber = index + 1
    if (!inComment) {
      if (!/^\s*\/\*\*/.test(line)) return
      inComment = true
    }
    const text = line.replace(/^\s*(\/\*\*|\*\/|\*)? ?/, '').replace(/\s*\*\/\s*$/, '')
    const closes = /\*\/\s*$/.test(line)
    if (block) {
      if (/^```\s*$/.test(text)) {
        examples.push(block)
        block = undefined
      } else {
        block.code.push(text)
      }
    } else if (/^@\w+/.test(text)) {
      if (inExample) problems.push(missingBlock(file, exampleLine))
      inExample = /^@example\b/.test(text)
      exampleLine = lineNumber
    } else if (inExample && /^```(ts|typescript)\s*$/.test(text)) {
      block = { file, line: lineNumber + 1, code: [] }
      inExample = false
    }
    if (closes) {
      if (inExample) problems.push(missingBlock(file, exampleLine))
      if (block) problems.push(`${where(file, block.line - 1)}: the \`\`\`ts block is never closed`)
      inComment = false
      inExample = false
      block = undefined
    }
  })
  return { examples, problems }
}

const where = (file, line) => `${relative(root, file)}:${line}`
const missingBlock = (file, line) =>
  `${where(file, line)}: an @example needs a \`\`\`ts block, so that it can be type-checked`

/**
 * Type-checks the examples of one package folder as one program, under the folder's own
 * tsconfig.json (the settings its code is held to), and returns the problems found.
 */
function checkFolder(folder) {
  const src = join(folder, 'src')
  if (!existsSync(src)) return { count: 0, problems: [] }
  const examples = []
  const problems = []
  for (const file of sourceFiles(src)) {
    const found = examplesIn(file)
    examples.push(...found.examples)
    problems.push(...found.problems)
  }
  // The examples sit, in memory, beside the file they document: a package name then resolves
  // from that package (itself through its exports map to dist/, the rest through node_modules).
  const virtual = new Map(
    examples.map((example) => [
      `${example.file.slice(0, -'.ts'.length)}.example-${example.line}.ts`,
      example,
    ]),
  )
  const config = ts.getParsedCommandLineOfConfigFile(
    join(folder, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  const options = {
    ...config.options,
    // An example may show a value without using it afterwards (`const { X, y } = makeMoons()`).
    noUnusedLocals: false,
    noUnusedParameters: false,
    // The packages run in browsers too, and an example may show one (`document.body`).
    lib: [...new Set([...(config.options.lib ?? []), 'lib.dom.d.ts'])],
    noEmit: true,
  }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (path) => virtual.has(path) || fileExists.call(host, path)
  host.readFile = (path) => virtual.get(path)?.code.join('\n') ?? readFile.call(host, path)
  host.getSourceFile = (path, languageVersion, ...rest) => {
    const example = virtual.get(path)
    return example
      ? ts.createSourceFile(path, example.code.join('\n'), languageVersion, true)
      : getSourceFile.call(host, path, languageVersion, ...rest)
  }
  const program = ts.createProgram([...virtual.keys()], options, host)
  for (const [path, example] of virtual) {
    const sourceFile = program.getSourceFile(path)
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ]
    for (const diagnostic of diagnostics) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
      problems.push(`${where(example.file, example.line + line)}: ${message}`)
    }
  }
  return { count: examples.length, problems }
}

const folders = process.argv.length > 2 ? process.argv.slice(2) : ['.']
let count = 0
const problems = []
for (const folder of folders) {
  const checked = checkFolder(resolve(folder))
  count += checked.count
  problems.push(...checked.problems)
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  console.error(
    `error: ${problems.length} problem(s) in TSDoc examples; an example must compile on its own, ` +
      "importing what it uses by package name (import { Value } from '@mg/engine')",
  )
  process.exitCode = 1
} else {
  console.log(`${count} TSDoc examples type-check`)
}
