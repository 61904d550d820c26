import { Value } from '@mg/engine'
import {
  describePublicSurface,
  fourPoints,
  type SurfaceEntry,
} from '../../common/test/support/public-surface.js'
import * as viz from '../src/index.js'
import * as vizPng from '../src/png.js'

const root = () => new Value(2, { label: 'a' }).mul(new Value(-3)).tanh()
const model = {
  layers: [
    {
      neurons: [
        { weights: [new Value(0.5), new Value(-1)], bias: new Value(0), activation: 'tanh' },
      ],
    },
  ],
}
const dataset = fourPoints([1, 0, 1, 0])
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>'

// Each entry's first argument is what it draws; the last is its options.
const ENTRIES: SurfaceEntry[] = [
  {
    name: 'drawDot',
    args: [root(), {}],
    run: (value: never, options: never) => viz.drawDot(value, options),
  },
  {
    name: 'graphToDot',
    args: [root(), {}],
    run: (value: never, options: never) => viz.graphToDot(value, options),
  },
  {
    name: 'graphToDigraph',
    args: [root(), {}],
    run: (value: never, options: never) => viz.graphToDigraph(value, options),
  },
  {
    name: 'modelToDot',
    args: [model, {}],
    run: (given: never, options: never) => viz.modelToDot(given, options),
  },
  {
    name: 'modelToDigraph',
    args: [model, {}],
    run: (given: never, options: never) => viz.modelToDigraph(given, options),
  },
  {
    name: 'decisionBoundarySvg',
    args: [(x: number[]) => x[0]! - x[1]!, dataset, { resolution: 10 }],
    run: (predict: never, given: never, options: never) =>
      viz.decisionBoundarySvg(predict, given, options),
  },
  {
    name: 'functionPlotSvg',
    args: [(x: Value) => x.mul(x), { samples: 10 }],
    run: (f: never, options: never) => viz.functionPlotSvg(f, options),
  },
  {
    name: 'lossCurveSvg',
    args: [
      [
        { step: 0, loss: 1 },
        { step: 1, loss: 0.5 },
      ],
      {},
    ],
    run: (history: never, options: never) => viz.lossCurveSvg(history, options),
  },
  {
    name: 'confusionMatrixSvg',
    args: [[0, 1, 1], [0, 1, 0], {}],
    run: (actual: never, predicted: never, options: never) =>
      viz.confusionMatrixSvg(actual, predicted, options),
  },
  {
    name: 'imageGridSvg',
    args: [[[0, 1, 1, 0]], {}],
    run: (images: never, options: never) => viz.imageGridSvg(images, options),
  },
  {
    name: 'renderSvg',
    args: ['digraph { a -> b }', {}],
    run: (graph: never, options: never) => viz.renderSvg(graph, options),
  },
  { name: 'show', args: [svg], run: (text: never) => viz.show(text) },
]

const PNG_ENTRIES: SurfaceEntry[] = [
  {
    name: 'renderPng',
    args: [svg, {}],
    run: (text: never, options: never) => vizPng.renderPng(text, options),
  },
]

describePublicSurface({ ...viz, ...vizPng }, [...ENTRIES, ...PNG_ENTRIES], { timeout: 120_000 })
