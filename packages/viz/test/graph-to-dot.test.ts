import { Value } from '@mg/engine'
import { fromDot } from 'ts-graphviz'
import { describe, expect, it } from 'vitest'
import {
  graphToDigraph,
  graphToDot,
  InvalidInputError,
  InvalidOptionError,
  UnknownOptionError,
} from '../src/index.js'
import { microgradNeuron } from './support/neuron.js'

function parsed(dot: string) {
  const graph = fromDot(dot)
  const labels = new Map(graph.nodes.map((node) => [node.id, String(node.attributes.get('label'))]))
  const edges = graph.edges.map((edge) =>
    edge.targets.map((target) => ('id' in target ? target.id : '')).join(' -> '),
  )
  return { graph, labels, edges }
}

describe('graphToDot on micrograd’s neuron', () => {
  const { o } = microgradNeuron()
  const dot = graphToDot(o)
  const { graph, labels, edges } = parsed(dot)

  it('draws every value as a { label | data | grad } record with micrograd’s numbers', () => {
    const records = [...labels.values()].filter((label) => label.startsWith('{'))
    expect(records).toEqual([
      '{ x1 | data 2.0000 | grad -1.5000 }',
      '{ w1 | data -3.0000 | grad 1.0000 }',
      '{ x1*w1 | data -6.0000 | grad 0.5000 }',
      '{ x2 | data 0.0000 | grad 0.5000 }',
      '{ w2 | data 1.0000 | grad 0.0000 }',
      '{ x2*w2 | data 0.0000 | grad 0.5000 }',
      '{ x1*w1 + x2*w2 | data -6.0000 | grad 0.5000 }',
      '{ b | data 6.8814 | grad 0.5000 }',
      '{ n | data 0.8814 | grad 0.5000 }',
      '{ o | data 0.7071 | grad 1.0000 }',
    ])
    expect(graph.get('rankdir')).toBe('LR')
    for (const node of graph.nodes.filter((node) => labels.get(node.id)?.startsWith('{')))
      expect(node.attributes.get('shape') ?? graph.attributes.node.get('shape')).toBe('record')
  })

  it('adds one op node per computed value, named after it, with input → op → output edges', () => {
    const ops = [...labels].filter(([, label]) => !label.startsWith('{'))
    expect(ops).toEqual([
      ['v2_mul', '*'],
      ['v5_mul', '*'],
      ['v6_add', '+'],
      ['v8_add', '+'],
      ['v9_tanh', 'tanh'],
    ])
    expect(edges).toHaveLength(5 + 9)
    expect(edges).toEqual(
      expect.arrayContaining([
        'v0 -> v2_mul',
        'v1 -> v2_mul',
        'v2_mul -> v2',
        'v2 -> v6_add',
        'v5 -> v6_add',
        'v6 -> v8_add',
        'v7 -> v8_add',
        'v8 -> v9_tanh',
        'v9_tanh -> v9',
      ]),
    )
  })

  it('tells leaves from intermediates and marks the output', () => {
    const fill = (id: string) =>
      graph.nodes.find((node) => node.id === id)?.attributes.get('fillcolor')
    const leafFill = fill('v0')
    expect(['v1', 'v3', 'v4', 'v7'].map(fill)).toEqual([leafFill, leafFill, leafFill, leafFill])
    expect(fill('v2')).not.toBe(leafFill)
    const root = graph.nodes.find((node) => node.id === 'v9')!
    expect(Number(root.attributes.get('penwidth'))).toBeGreaterThan(1)
  })

  it('gives the same DOT for the same expression every time', () => {
    expect(graphToDot(microgradNeuron().o)).toBe(dot)
  })
})

describe('graphToDot options', () => {
  it('hides gradients, changes precision and direction', () => {
    const { o } = microgradNeuron()
    const dot = graphToDot(o, { showGrad: false, precision: 2, rankdir: 'TB' })
    expect(dot).toContain('"{ o | data 0.71 }"')
    expect(dot).not.toContain('grad')
    expect(fromDot(dot).get('rankdir')).toBe('TB')
  })

  it('returns a ts-graphviz model that can be edited before rendering', () => {
    const digraph = graphToDigraph(new Value(3, { label: 'x' }))
    digraph.set('label', 'a lone leaf')
    expect(digraph.nodes.map((node) => node.id)).toEqual(['v0'])
    expect(digraph.get('label')).toBe('a lone leaf')
  })

  it('keeps record syntax in labels as text', () => {
    const x = new Value(1, { label: 'a|b {c} <d>' })
    const dot = graphToDot(x.mul(2))
    expect(dot).toContain('a\\|b \\{c\\} \\<d\\>')
  })

  it('draws a value used twice by one op with two edges (x * x)', () => {
    const x = new Value(3, { label: 'x' })
    const { edges } = parsed(graphToDot(x.mul(x)))
    expect(edges.filter((edge) => edge === 'v0 -> v1_mul')).toHaveLength(2)
  })
})

describe('graphToDot bad input', () => {
  it('rejects something that is not a Value', () => {
    expect(() => graphToDot(undefined as unknown as Value)).toThrow(InvalidInputError)
    expect(() => graphToDot({ data: 1 } as unknown as Value)).toThrow(
      /^graphToDot: root: expected a Value from @mg\/engine/,
    )
  })

  it('names an unknown option and suggests the right one', () => {
    const call = () => graphToDot(new Value(1), { colapse: 'ops' } as never)
    expect(call).toThrow(UnknownOptionError)
    expect(call).toThrow(/unknown option "colapse"\. Did you mean "collapse"\?/)
  })

  it('rejects out-of-range values', () => {
    const x = new Value(1)
    expect(() => graphToDot(x, { precision: -1 })).toThrow(InvalidOptionError)
    expect(() => graphToDot(x, { rankdir: 'UP' as never })).toThrow(/'LR' \| 'RL' \| 'TB' \| 'BT'/)
    expect(() => graphToDot(x, { maxNodes: 0 })).toThrow(/maxNodes/)
    expect(() => graphToDot(x, { collapse: 'layers' as never })).toThrow(/collapse/)
  })
})
