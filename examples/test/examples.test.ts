import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const run = (script: string) =>
  execFileSync(process.execPath, [fileURLToPath(new URL(`../${script}`, import.meta.url))], {
    encoding: 'utf8',
  })

describe('examples', () => {
  it("readme-example.mjs prints micrograd's numbers", () => {
    expect(run('readme-example.mjs')).toBe('g = 24.7041\ndg/da = 138.8338\ndg/db = 645.5773\n')
  })
})
