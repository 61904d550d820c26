import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The tests run the built CLI as a user would; rebuild it first when a source file is newer. */
export default function setup(): void {
  const built = join(root, 'dist', 'cli.js')
  const builtAt = modifiedAt(built)
  const sources = readdirSync(join(root, 'src')).map((name) => join(root, 'src', name))
  if (sources.every((source) => modifiedAt(source) <= builtAt)) return
  execFileSync('pnpm', ['exec', 'tsup'], { cwd: root, stdio: 'inherit' })
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -1
  }
}
