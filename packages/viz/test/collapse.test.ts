import { Value, walkGraph } from '@mg/engine'
import { fromDot } from 'ts-graphviz'
import { describe, expect, it } from 'vitest'
import { graphToDot, renderSvg } from '../src/index.js'
import { signedMoons } from './support/micrograd-demo.js'
import { microgradStyleStep } from './support/micrograd-step.js'
import { elements } from './support/svg.js'
import { hingeStep, TinyMlp } from './support/tiny-mlp.js'

function boxLabels(dot: string): string[] {
  return fromDot(dot).nodes.map((node) => String(node.attributes.get('label')))
}

// Heavy graph work on a shared 2-core machine: the limit is generous, the benchmark measures speed.
describe('a training step of about 65,000 values', { timeout: 30_000 }, () => {
  const { loss } = microgradStyleStep()
  const size = walkGraph(loss).nodes.length

  it('is the size of a real step', () => {
    expect(size).toBeGreaterThan(65_000)
  })

  it('is refused by default with the size and what to do, not handed to Graphviz', () => {
    expect(() => graphToDot(loss)).toThrow(
      expect.objectContaining({
        name: 'GraphTooLargeError',
        count: size,
        limit: 500,
        limitName: 'maxNodes',
        message: expect.stringMatching(
          `${size.toLocaleString('en-US')} values, more than maxNodes .*collapse: 'ops'`,
        ),
      }),
    )
  })

  it("collapses to a short pipeline with collapse: 'ops', which Graphviz lays out", async () => {
    const dot = graphToDot(loss, { collapse: 'ops' })
    const labels = boxLabels(dot)
    expect(labels.length).toBeLessThan(60)
    // The fused chains of each layer, counted: 100 samples × 16 neurons × (1 bias + 2 inputs) …
    expect(labels.some((label) => label.startsWith('{ add chain ×3200 |'))).toBe(true)
    expect(labels.some((label) => label.startsWith('{ relu ×100 |'))).toBe(true)
    // … and the root keeps the loss's own numbers.
    expect(labels).toContain(`{ add | data ${loss.data.toFixed(4)} | grad 1.0000 }`)
    const svg = await renderSvg(dot)
    expect(elements(svg, 'g', 'node')).toHaveLength(labels.length)
  })

  it("picks the first view that fits with collapse: 'auto'", () => {
    expect(graphToDot(loss, { collapse: 'auto' })).toBe(graphToDot(loss, { collapse: 'ops' }))
  })

  it('says when even the collapsed view is too large', () => {
    expect(() => graphToDot(loss, { collapse: 'ops', maxNodes: 5 })).toThrow(
      /boxes after collapse: 'ops'.*raise maxNodes/,
    )
  })
})

describe('graphs of fused neurons (Value.dot, as @mg/nn records them)', () => {
  const moons = signedMoons(100)
  const model = new TinyMlp(2, [16, 16, 1], 7)

  it("draws one box per neuron evaluation with collapse: 'neurons'", () => {
    const inputs = [new Value(0.5, { label: 'x1' }), new Value(-0.25, { label: 'x2' })]
    const [score] = model.forward(inputs)
    score!.backward()
    const labels = boxLabels(graphToDot(score!, { collapse: 'neurons' }))
    const neurons = labels.filter((label) => /^\{ L\d N\d+ · /.test(label))
    expect(neurons).toHaveLength(16 + 16 + 1)
    expect(neurons.filter((label) => label.startsWith('{ L1 '))).toHaveLength(16)
    // The output neuron's box shows the score and d(score)/d(score) = 1.
    expect(labels).toContain(`{ L3 N1 · linear | data ${score!.data.toFixed(4)} | grad 1.0000 }`)
    // Weights and biases live inside their boxes; only the two inputs remain as leaves.
    expect(labels.filter((label) => !label.startsWith('{ L'))).toEqual([
      `{ x1 | data 0.5000 | grad ${inputs[0]!.grad.toFixed(4)} }`,
      `{ x2 | data -0.2500 | grad ${inputs[1]!.grad.toFixed(4)} }`,
    ])
  })

  it("shows a whole training step as layers with collapse: 'ops'", () => {
    const { loss } = hingeStep(model, moons.X, moons.y)
    loss.backward()
    const labels = boxLabels(graphToDot(loss, { collapse: 'ops' }))
    expect(labels.filter((label) => label.startsWith('{ L1: 16 relu neurons ×100 |'))).toHaveLength(
      1,
    )
    expect(labels.filter((label) => label.startsWith('{ L2: 16 relu neurons ×100 |'))).toHaveLength(
      1,
    )
    expect(labels.filter((label) => label.startsWith('{ L3: 1 linear neuron ×100 |'))).toHaveLength(
      1,
    )
    // The penalty reads every parameter: 2·16+16 + 16·16+16 + 16+1 = 337 of them.
    expect(labels.some((label) => label.startsWith('{ parameter ×337 |'))).toBe(true)
    expect(labels.length).toBeLessThan(20)
  })
})
