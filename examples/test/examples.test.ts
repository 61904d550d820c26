import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// Each example runs as a user would run it: plain node, importing the built packages, in a
// folder of its own.
const folder = mkdtempSync(join(tmpdir(), 'mg-examples-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const run = (script: string) =>
  execFileSync(process.execPath, [fileURLToPath(new URL(`../${script}`, import.meta.url))], {
    cwd: folder,
    encoding: 'utf8',
  })

describe('examples', () => {
  it("readme-example.mjs prints micrograd's numbers", () => {
    expect(run('readme-example.mjs')).toBe('g = 24.7041\ndg/da = 138.8338\ndg/db = 645.5773\n')
  })

  it('derivatives.mjs agrees with 6x − 4 and with d = a·b + c', () => {
    expect(run('derivatives.mjs')).toBe(
      [
        "f'(3.000): numeric 14.0003, backprop 14.0000",
        "f'(-3.000): numeric -21.9997, backprop -22.0000",
        "f'(0.667): numeric 0.0003, backprop 0.0000",
        'dd/da: numeric -3.0000, backprop -3.0000',
        'dd/db: numeric 2.0000, backprop 2.0000',
        'dd/dc: numeric 1.0000, backprop 1.0000',
        '',
      ].join('\n'),
    )
  })

  it("train-moons.mjs reaches micrograd's 100 % on moons", () => {
    expect(run('train-moons.mjs')).toMatch(/^337 parameters, loss 0\.0\d{3}, accuracy 100 %\n$/)
  }, 60_000)

  it('draw-graph.mjs writes an SVG of the neuron with its data and grads', () => {
    expect(run('draw-graph.mjs')).toBe(
      'wrote neuron.svg: o = 0.7071, dw1 = 1.0000, dx1 = -1.5000\n',
    )
    const svg = readFileSync(join(folder, 'neuron.svg'), 'utf8')
    expect(svg).toContain('<svg')
    expect(svg).toContain('grad &#45;1.5000') // Graphviz writes the minus sign as an entity
  }, 60_000)
})
