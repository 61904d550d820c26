import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliRuns } from './cli-runs.js'
import { checkPng, checkSvg, svgTexts } from './validate-files.js'

const cli = cliRuns({
  json: ['derivatives', '--json', '--out', 'json'],
  text: ['derivatives', '--out', 'text'],
})

// f(x) = 3x² − 4x + 5, so f'(x) = 6x − 4, and its forward difference is exactly f'(x) + 3h.
describe('pnpm demo derivatives', () => {
  it('gives f(3) = 20 and the slopes 14, −22 and 0, numerically and by backprop', () => {
    expect(cli.json.code).toBe(0)
    const figures = JSON.parse(cli.json.stdout)
    expect(figures.valueAtThree).toBe(20)
    const h = 0.0001
    const expected = [
      [3, 14],
      [-3, -22],
      [2 / 3, 0],
    ]
    figures.slopes.forEach(
      (slope: { x: number; numeric: number; backprop: number; exact: number }, index: number) => {
        const [x, derivative] = expected[index]!
        expect(slope.x).toBe(x)
        expect(slope.backprop).toBeCloseTo(derivative!, 12)
        expect(slope.numeric).toBeCloseTo(derivative! + 3 * h, 8)
      },
    )
  })

  it('gives every partial of d = a·b + c both ways: b, a and 1', () => {
    const { abc } = JSON.parse(cli.json.stdout)
    expect(abc.d).toBe(4)
    const byHand = { a: -3, b: 2, c: 1 }
    for (const partial of abc.partials as {
      input: 'a' | 'b' | 'c'
      numeric: number
      backprop: number
    }[]) {
      expect(partial.backprop).toBe(byHand[partial.input])
      expect(partial.numeric).toBeCloseTo(byHand[partial.input], 8)
    }
  })

  it('shows the forward difference improving with h, then ruined by rounding', () => {
    const { stepSizes } = JSON.parse(cli.json.stdout) as {
      stepSizes: { h: number; error: number }[]
    }
    const error = (h: number) => Math.abs(stepSizes.find((step) => step.h === h)!.error)
    expect(error(1e-1)).toBeCloseTo(0.3, 9)
    expect(error(1e-4)).toBeCloseTo(3e-4, 9)
    expect(error(1e-8)).toBeLessThan(1e-5)
    expect(error(1e-14)).toBeGreaterThan(error(1e-8))
    // 3 + 1e-16 rounds to 3, so the estimate is 0 and the error the whole slope.
    expect(error(1e-16)).toBe(14)
  })

  it('prints the same figures as a table', () => {
    expect(cli.text.code).toBe(0)
    expect(cli.text.stdout).toContain('f(3) = 20')
    expect(cli.text.stdout).toMatch(/x = 3 +14\.000300 +14\.000000 +14\.000000/)
    expect(cli.text.stdout).toMatch(/x = 2\/3 +0\.000300 +0\.000000 +0\.000000/)
    expect(cli.text.stdout).toMatch(/∂d\/∂a +-3\.000000 +-3\.000000/)
  })

  it('writes the tangent plot and the d = a·b + c graph as SVG and PNG', async () => {
    const names = ['function-tangent', 'abc-graph']
    expect(JSON.parse(cli.json.stdout).outputs).toEqual(
      names.flatMap((name) => [join('json', `${name}.svg`), join('json', `${name}.png`)]),
    )
    for (const name of names) {
      expect(() =>
        checkSvg(readFileSync(join(cli.root, 'json', `${name}.svg`), 'utf8')),
      ).not.toThrow()
      expect(checkPng(await readFile(join(cli.root, 'json', `${name}.png`))).width).toBeGreaterThan(
        100,
      )
    }
    const texts = svgTexts(readFileSync(join(cli.root, 'json', 'abc-graph.svg'), 'utf8'))
    // a's gradient is b and b's is a; d = 2 · (−3) + 10.
    for (const label of ['data 4.0000', 'grad -3.0000', 'grad 2.0000', 'data 10.0000']) {
      expect(texts).toContain(label)
    }
    const plot = svgTexts(readFileSync(join(cli.root, 'json', 'function-tangent.svg'), 'utf8'))
    expect(plot).toContain('slope 14 at x = 3')
  })
})
