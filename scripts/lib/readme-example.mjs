import { readFileSync } from 'node:fs'

/** The first ```ts block of a README: the example a user copies first, or '' if it has none. */
export function readmeExample(path) {
  return /```ts\n([\s\S]*?)```/.exec(readFileSync(path, 'utf8'))?.[1] ?? ''
}
