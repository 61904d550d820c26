import { join } from 'node:path'
import { numericalGradient, Value } from '@mg/engine'
import pc from 'picocolors'
import { formatTable } from './format-table.js'
import { folderName } from './parse-text.js'
import type { Streams } from './streams.js'
import { labelled } from './traced-neuron.js'
import { OutputFolder } from './write-atomically.js'

/** The figures `derivatives` prints, and with `--json` prints as JSON. */
export interface DerivativeFigures {
  /** f(x) = 3x² − 4x + 5 at x = 3. */
  valueAtThree: number
  /** The slope of f by a forward difference with h = 0.0001, by backprop, and by the closed form 6x − 4. */
  slopes: { x: number; numeric: number; backprop: number; exact: number }[]
  /** d = a·b + c at a = 2, b = −3, c = 10, and each partial derivative both ways. */
  abc: { d: number; partials: { input: 'a' | 'b' | 'c'; numeric: number; backprop: number }[] }
  /** The forward-difference slope of f at 3 for ever smaller h: first better, then swamped by rounding. */
  stepSizes: { h: number; estimate: number; error: number }[]
  outputs: string[]
}

const H = 0.0001

/** f(x) = 3x² − 4x + 5, the lecture's first function, written with Value ops so backprop runs through it. */
function f(x: Value): Value {
  return x.pow(2).mul(3).sub(x.mul(4)).add(5)
}

/**
 * The `derivatives` command: the first hour of the micrograd lecture, runnable. Prints the figures
 * and writes `function-tangent.svg/.png` and `abc-graph.svg/.png` to `--out`.
 */
export async function runDerivatives(
  raw: { out: string; json?: boolean },
  streams: Streams,
): Promise<DerivativeFigures> {
  const folder = await OutputFolder.open(folderName('--out', raw.out))
  try {
    const figures = computeFigures()
    const { d } = abcGraph()
    const { graphToDot, renderSvg } = await import('@mg/viz')
    const { stageSvgAndPng, tangentPlotSvg } = await import('./write-pictures.js')
    const names = [
      ...(await stageSvgAndPng(folder, 'function-tangent', tangentPlotSvg(f, [3, 2 / 3]))),
      ...(await stageSvgAndPng(folder, 'abc-graph', await renderSvg(graphToDot(d)))),
    ]
    await folder.commit()
    figures.outputs = names.map((name) => join(raw.out, name))
    streams.stdout.write(
      raw.json ? `${JSON.stringify(figures, null, 2)}\n` : formatFigures(figures),
    )
    return figures
  } catch (error) {
    await folder.discard()
    throw error
  }
}

/** Every number the command shows, computed with @mg/engine's Value and numericalGradient. */
function computeFigures(): DerivativeFigures {
  const slopes = [3, -3, 2 / 3].map((x) => {
    const input = new Value(x)
    f(input).backward()
    const [numeric] = numericalGradient(([v]) => f(v!), [x], { h: H, method: 'forward' })
    return { x, numeric: numeric!, backprop: input.grad, exact: 6 * x - 4 }
  })
  const { a, b, c, d } = abcGraph()
  const [da, db, dc] = numericalGradient(([p, q, r]) => p!.mul(q!).add(r!), [2, -3, 10], {
    h: H,
    method: 'forward',
  })
  const stepSizes = [1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-15, 1e-16].map((h) => {
    const [estimate] = numericalGradient(([v]) => f(v!), [3], { h, method: 'forward' })
    return { h, estimate: estimate!, error: estimate! - 14 }
  })
  return {
    valueAtThree: f(new Value(3)).data,
    slopes,
    abc: {
      d: d.data,
      partials: [
        { input: 'a', numeric: da!, backprop: a.grad },
        { input: 'b', numeric: db!, backprop: b.grad },
        { input: 'c', numeric: dc!, backprop: c.grad },
      ],
    },
    stepSizes,
    outputs: [],
  }
}

/** The lecture's `d = a·b + c` with a = 2, b = −3, c = 10, labelled and backpropagated. */
function abcGraph(): { a: Value; b: Value; c: Value; d: Value } {
  const a = new Value(2, { label: 'a' })
  const b = new Value(-3, { label: 'b' })
  const c = new Value(10, { label: 'c' })
  const e = labelled(a.mul(b), 'e')
  const d = labelled(e.add(c), 'd')
  d.backward()
  return { a, b, c, d }
}

function formatFigures(figures: DerivativeFigures): string {
  const fixed = (value: number) => value.toFixed(6)
  const byHand = { a: 'b = −3', b: 'a = 2', c: '1' }
  return [
    pc.bold('f(x) = 3x² − 4x + 5'),
    `  f(3) = ${figures.valueAtThree}`,
    ...formatTable(
      ['slope', `(f(x + h) − f(x)) / h, h = ${H}`, 'backprop', '6x − 4'],
      figures.slopes.map((slope) => [
        formatX(slope.x),
        fixed(slope.numeric),
        fixed(slope.backprop),
        fixed(slope.exact),
      ]),
    ),
    '',
    pc.bold(`d = a·b + c  with a = 2, b = −3, c = 10:  d = ${figures.abc.d}`),
    ...formatTable(
      ['partial', `numeric, h = ${H}`, 'backprop', 'by hand'],
      figures.abc.partials.map((partial) => [
        `∂d/∂${partial.input}`,
        fixed(partial.numeric),
        fixed(partial.backprop),
        byHand[partial.input],
      ]),
    ),
    '',
    pc.bold('Too small an h: the forward difference of f at x = 3, whose slope is 14'),
    ...formatTable(
      ['h', 'estimate', 'error'],
      figures.stepSizes.map((step) => [
        step.h.toExponential(0),
        step.estimate.toPrecision(17),
        step.error.toExponential(2),
      ]),
    ),
    pc.dim(
      '  The error shrinks with h (it is 3h) until rounding in f(x + h) − f(x) takes over;\n' +
        '  below about 1e-16, x + h is x itself and the estimate is 0.',
    ),
    '',
    `wrote  ${figures.outputs.join('\n       ')}`,
    '',
  ].join('\n')
}

function formatX(x: number): string {
  return `at x = ${Math.abs(x - 2 / 3) < 1e-12 ? '2/3' : x}`
}
