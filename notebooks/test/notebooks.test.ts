import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Cell,
  cellById,
  codeCells,
  errorsOf,
  joined,
  type Notebook,
  picturesOf,
  readNotebook,
  textOf,
} from './support/notebook.js'
import { runNotebooks } from './support/run-notebooks.js'
import { typeErrors } from './support/type-errors.js'

const folder = resolve(import.meta.dirname, '..')
const paths = readdirSync(folder)
  .filter((file) => file.endsWith('.ipynb'))
  .sort()
  .map((file) => join(folder, file))
const committed = new Map(paths.map((path) => [path, readNotebook(path)]))

let executed: Map<string, Notebook>
beforeAll(async () => {
  executed = await runNotebooks(paths)
})

/** The executed notebook whose file name starts with `prefix`, e.g. `'2-'`. */
function notebook(prefix: string): Notebook {
  const path = paths.find((candidate) => candidate.startsWith(join(folder, prefix)))
  const found = path && executed.get(path)
  if (!found) throw new Error(`no executed notebook ${prefix}*.ipynb`)
  return found
}

/** What a reader sees printed under a cell. */
const text = (prefix: string, id: string) => textOf(cellById(notebook(prefix), id))

/** The picture a cell shows inline; a cell that shows none fails the test here. */
function picture(prefix: string, id: string): string {
  const [svg] = picturesOf(cellById(notebook(prefix), id))
  if (svg === undefined) throw new Error(`${prefix}*.ipynb, cell ${id}: no inline picture`)
  return svg
}

/** The numbers a line of printed text holds, in order. */
const numbersIn = (line: string) => Array.from(line.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g), Number)

/** Graphviz writes a minus sign as `&#45;`; the records read `data 0.7071` and `grad -1.5000`. */
const record = (field: 'data' | 'grad', value: string) => `${field} ${value.replace('-', '&#45;')}`

/** A code cell whose last line shows a picture: `show(…)` or `await drawDot(…)`. */
const showsPicture = (cell: Cell) =>
  /^(show\(|await drawDot\()/.test(joined(cell.source).trim().split('\n').at(-1) ?? '')

describe('the committed notebooks', () => {
  it('are at least the three parts of the lecture, for the Deno kernel', () => {
    expect(paths.length).toBeGreaterThanOrEqual(3)
    for (const notebook of committed.values())
      expect(notebook.metadata.kernelspec?.name).toBe('deno')
  })

  it('carry no outputs, so a diff shows only what a person wrote', () => {
    for (const [path, notebook] of committed) {
      for (const cell of codeCells(notebook)) {
        expect(cell.outputs, `${path}, cell ${cell.id}`).toEqual([])
        expect(cell.execution_count, `${path}, cell ${cell.id}`).toBeNull()
      }
    }
  })

  it('type-check as strictly as the packages, which Deno does not do when it runs them', () => {
    expect(typeErrors(committed)).toEqual([])
  })
})

describe('every notebook, executed headless on the Deno kernel', () => {
  it('runs every code cell without an error', () => {
    for (const [path, notebook] of executed) {
      for (const cell of codeCells(notebook)) {
        expect(errorsOf(cell), `${path}, cell ${cell.id}`).toEqual([])
        expect(cell.execution_count, `${path}, cell ${cell.id} did not run`).toBeTypeOf('number')
      }
    }
  })

  it('shows a picture inline wherever a cell ends with show(…) or drawDot(…)', () => {
    for (const [path, notebook] of executed) {
      for (const cell of codeCells(notebook).filter(showsPicture)) {
        const [picture] = picturesOf(cell)
        expect(picture, `${path}, cell ${cell.id}`).toMatch(/<svg[\s>]/)
      }
    }
  })
})

describe('1 · derivatives', () => {
  it('measures the slopes of 3x² − 4x + 5 at 3, −3 and 2/3', () => {
    expect(text('1-', 'f-at-3').trim()).toBe('20')
    expect(text('1-', 'slopes')).toBe(
      [
        'at x = 3.0000: slope ≈ 14.0003',
        'at x = -3.0000: slope ≈ -21.9997',
        'at x = 0.6667: slope ≈ 0.0003',
        '',
      ].join('\n'),
    )
    expect(picture('1-', 'tangents')).toContain('slope 14 at x = 3')
    expect(text('1-', 'engine-slopes')).toContain('numeric 14.0003, backprop 14.0000, agree: true')
  })

  it('takes the three partials of d = a·b + c', () => {
    expect(text('1-', 'partials')).toBe('d = 4\n∂d/∂a ≈ -3.0000\n∂d/∂b ≈ 2.0000\n∂d/∂c ≈ 1.0000\n')
  })

  it('shows the estimate improving with h down to 1e-7, then falling apart', () => {
    const slopes = new Map(
      text('1-', 'tiny-h')
        .trim()
        .split('\n')
        .map((line) => {
          const [step, slope] = numbersIn(line)
          return [step!, slope!] as const
        }),
    )
    expect(slopes.get(1e-7)).toBeCloseTo(14, 5)
    expect(Math.abs(slopes.get(1e-15)! - 14)).toBeGreaterThan(1)
    expect(slopes.get(1e-16)).toBe(0)
  })
})

describe('2 · the Value and backpropagation', () => {
  it('builds L = (a·b + c)·f and backpropagates it by hand', () => {
    expect(text('2-', 'build-L')).toContain('L = -8')
    expect(picture('2-', 'graph-L')).toContain(record('data', '-8.0000'))
    const graph = picture('2-', 'manual-grads')
    for (const grad of ['6.0000', '-4.0000', '-2.0000', '4.0000', '1.0000'])
      expect(graph).toContain(record('grad', grad))
    expect(text('2-', 'check-a')).toContain('dL/da ≈ 6.0000')
    expect(text('2-', 'nudge')).toContain('L went from -8 to -7.286496')
  })

  it('computes the lecture’s neuron, o ≈ 0.7071, and its gradients with backward()', () => {
    expect(text('2-', 'neuron')).toContain('n = 0.8814, o = tanh(n) = 0.7071')
    expect(text('2-', 'neuron-backward')).toContain('x1*w1 + x2*w2 → b → n → o')
    const graph = picture('2-', 'neuron-backward')
    for (const shown of [
      record('data', '0.7071'),
      record('grad', '-1.5000'),
      record('grad', '0.5000'),
      record('grad', '0.0000'),
    ])
      expect(graph).toContain(shown)
    expect(text('2-', 'tanh-exp')).toContain('o = 0.7071, dx1 = -1.5000, dw1 = 1.0000')
    expect(picture('2-', 'tanh-exp')).toContain('exp')
  })

  it('adds up the gradient of a value used twice', () => {
    expect(text('2-', 'a-plus-a')).toContain('db/da = 2')
    expect(text('2-', 'shared-inputs')).toContain('df/da = -3, df/db = -8')
  })

  it('reproduces micrograd’s README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773', () => {
    expect(text('2-', 'micrograd-readme')).toBe('g = 24.7041\ndg/da = 138.8338\ndg/db = 645.5773\n')
  })
})

describe('3 · neural nets', () => {
  const lossesIn = (output: string) => numbersIn(output.split('\n')[0]!)
  const predictionsIn = (output: string) => numbersIn(output.split('\n')[1]!).slice(0, 4)

  it('trains the lecture’s MLP on its four examples with a hand-written loop', () => {
    expect(text('3-', 'mlp')).toContain('41 parameters')
    const output = text('3-', 'train-by-hand')
    const losses = lossesIn(output)
    expect(losses).toHaveLength(20)
    expect(losses.at(-1)!).toBeLessThan(0.05)
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 100)
    expect(predictionsIn(output).map(Math.sign)).toEqual([1, -1, -1, 1])
  })

  it('shows what forgetting zeroGrad does: the loss sticks at 4', () => {
    const output = text('3-', 'forgot-zero-grad')
    expect(lossesIn(output).at(-1)).toBeCloseTo(4, 3)
    expect(predictionsIn(output).map(Math.sign)).toEqual([1, -1, 1, 1])
  })

  it('learns the moons and draws the decision boundary and the loss curve', () => {
    expect(text('3-', 'moons-train')).toMatch(/after 100 steps: loss 0\.0\d{3}, accuracy 100 %/)
    expect(picture('3-', 'moons-after')).toContain('After 100 steps')
    expect(picture('3-', 'moons-loss')).toContain('Training on moons')
  })
})
