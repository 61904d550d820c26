import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const source = join(dirname(fileURLToPath(import.meta.url)), '../src')

/** Every module the main entry reaches, following relative imports from src/index.ts. */
function reachable(): Map<string, string[]> {
  const imports = new Map<string, string[]>()
  const pending = ['index.ts']
  while (pending.length > 0) {
    const file = pending.pop()!
    if (imports.has(file)) continue
    const text = readFileSync(join(source, file), 'utf8')
    const specifiers = Array.from(text.matchAll(/from '([^']+)'/g), (match) => match[1]!)
    imports.set(file, specifiers)
    for (const specifier of specifiers) {
      if (specifier.startsWith('.'))
        pending.push(join(dirname(file), specifier).replace(/\.js$/, '.ts'))
    }
  }
  return imports
}

describe('the main entry', () => {
  it('imports nothing Node-only, so a browser bundle can use it', () => {
    const modules = reachable()
    expect(modules.size).toBeGreaterThan(10)
    for (const [file, specifiers] of modules) {
      for (const specifier of specifiers) {
        expect(`${file}: ${specifier}`).not.toMatch(/: (node:|@resvg\/|dejavu-fonts-ttf)/)
      }
    }
    expect(modules.has('png.ts')).toBe(false)
  })
})
