import { Digraph } from 'ts-graphviz'
import { describe, expect, it } from 'vitest'
import {
  graphToDigraph,
  graphToDot,
  InvalidInputError,
  RenderError,
  renderSvg,
} from '../src/index.js'
import { microgradNeuron } from './support/neuron.js'
import { elements } from './support/svg.js'

describe('renderSvg', () => {
  it('lays out micrograd’s neuron as well-formed SVG holding its values', async () => {
    const { o } = microgradNeuron()
    const svg = await renderSvg(graphToDot(o))
    const nodes = elements(svg, 'g', 'node')
    expect(nodes).toHaveLength(10 + 5)
    expect(elements(svg, 'g', 'edge')).toHaveLength(9 + 5)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    for (const expected of ['o', 'data 0.7071', 'grad 1.0000', 'x1', 'grad -1.5000', 'w1'])
      expect(texts).toContain(expected)
    expect(texts.filter((text) => text === 'grad 0.5000')).toHaveLength(6)
    expect(texts).toContain('tanh')
  })

  it('names the bundled font first with fallbacks for browsers without it', async () => {
    const svg = await renderSvg(graphToDot(microgradNeuron().o))
    const families = new Set(elements(svg, 'text').map((text) => text.getAttribute('font-family')))
    expect([...families]).toEqual(['DejaVu Sans, Verdana, Arial, Helvetica, sans-serif'])
  })

  it('accepts a ts-graphviz model directly', async () => {
    const digraph = graphToDigraph(microgradNeuron().o)
    digraph.set('label', 'micrograd neuron')
    const svg = await renderSvg(digraph)
    expect(elements(svg, 'text').map((text) => text.textContent)).toContain('micrograd neuron')
  })

  it('gives the same SVG for the same graph', async () => {
    const dot = graphToDot(microgradNeuron().o)
    expect(await renderSvg(dot)).toBe(await renderSvg(dot))
  })

  it('rejects an empty string, a non-graph and a graph without nodes', async () => {
    await expect(renderSvg('')).rejects.toThrow(InvalidInputError)
    await expect(renderSvg(42 as never)).rejects.toThrow(/DOT source/)
    await expect(renderSvg('digraph { }')).rejects.toThrow(RenderError)
    await expect(renderSvg(new Digraph())).rejects.toThrow(/no nodes/)
  })

  it('reports invalid DOT with Graphviz’s reason, keeping the source', async () => {
    const error = await renderSvg('digraph { a -> }').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RenderError)
    expect((error as RenderError).message).toMatch(/syntax error/i)
    expect((error as RenderError).dot).toBe('digraph { a -> }')
  })

  it('rejects an unknown layout engine', async () => {
    await expect(renderSvg('digraph { a }', { engine: 'circus' as never })).rejects.toThrow(
      /'dot' \| 'neato'/,
    )
  })
})
