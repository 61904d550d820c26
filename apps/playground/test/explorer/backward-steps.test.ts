import { OPS } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { planBackward } from '../../src/explorer/backward-plan.js'
import { chainRuleLine, equationOf } from '../../src/explorer/chain-rule.js'
import { LOCAL_DERIVATIVES } from '../../src/explorer/local-derivatives.js'
import { load, presetText } from './helpers.js'

const gradOf = (plan: ReturnType<typeof planBackward>, count: number, label: string) =>
  plan.gradsAfter(count)[plan.nodes.findIndex((node) => node.label === label)]

describe('stepping the backward pass', () => {
  const { graph } = load(presetText('L'))
  const plan = planBackward(graph.output)

  it('seeds the output, then steps each computed node in reverse topological order', () => {
    const order = plan.steps.map((step) => plan.nodes[step.node]!.label)
    expect(order).toEqual(['L', 'L', 'd', 'e'])
    expect(plan.steps[0]!.contributions).toEqual([])
    expect(gradOf(plan, 0, 'L')).toBe(0)
    expect(gradOf(plan, 1, 'L')).toBe(1)
    expect(gradOf(plan, 1, 'd')).toBe(0)
    expect(gradOf(plan, 2, 'd')).toBe(-2)
    expect(gradOf(plan, 2, 'e')).toBe(0)
    expect(gradOf(plan, 4, 'b')).toBe(-4)
  })

  it('writes the chain rule with its numbers, as the lecture says it', () => {
    const lines = plan.steps.flatMap((step, index) =>
      step.contributions.map((contribution) => chainRuleLine(plan, index, contribution)),
    )
    expect(lines).toEqual([
      'd.grad += f.data × L.grad = -2 × 1 = -2',
      'f.grad += d.data × L.grad = 4 × 1 = 4',
      'e.grad += 1 × d.grad = 1 × -2 = -2',
      'c.grad += 1 × d.grad = 1 × -2 = -2',
      'a.grad += b.data × e.grad = -3 × -2 = 6',
      'b.grad += a.data × e.grad = 2 × -2 = -4',
    ])
    expect(equationOf(plan.nodes.at(-1)!)).toBe('L = d * f')
  })

  it('shows on a + a why gradients must add up: = keeps only the last use', () => {
    const { graph: twice } = load(presetText('a-plus-a'))
    const right = planBackward(twice.output)
    const buggy = planBackward(twice.output, { accumulate: false })
    expect(gradOf(right, right.steps.length, 'a')).toBe(2)
    expect(gradOf(buggy, buggy.steps.length, 'a')).toBe(1)
    const [first, second] = right.steps[1]!.contributions
    expect(chainRuleLine(right, 1, first!)).toBe('a.grad += 1 × b.grad = 1 × 1 = 1')
    expect(chainRuleLine(right, 1, second!)).toBe(
      'a.grad += 1 × b.grad = 1 × 1 = 1, so a.grad = 1 + 1 = 2',
    )
    expect(chainRuleLine(buggy, 1, buggy.steps[1]!.contributions[1]!, false)).toBe(
      'a.grad = 1 × b.grad = 1 × 1 = 1: the 1 it already held is lost',
    )
  })

  it('reads constants as numbers and wraps unnamed values in the lines of the neuron', () => {
    const { graph: neuron } = load(presetText('neuron-exp'))
    const steps = planBackward(neuron.output)
    const lines = steps.steps.flatMap((step, index) =>
      step.contributions.map((contribution) => chainRuleLine(steps, index, contribution)),
    )
    expect(lines).toContain('n.grad += 2 × (2*n).grad = 2 × 0.25 = 0.5')
    expect(lines).toContain('(2*n).grad += e.data × e.grad = 5.8284 × 0.0429 = 0.25')
    expect(
      lines.some((line) => line.startsWith('(e + 1).grad += -1 × (e + 1).data^(-1 - 1)')),
    ).toBe(true)
  })
})

describe('naming values in equations and lines', () => {
  it('writes primed names, calls and constants as they read, wrapping only what needs it', () => {
    const { graph } = load(presetText('micrograd'))
    const equations = graph.nodes.filter((node) => node.op !== '').map(equationOf)
    expect(equations).toEqual(
      expect.arrayContaining([
        'e = c″ + (-d″)',
        '-d″ = d″ * -1',
        'relu(b - a) = relu(b - a)',
        '10/f = 10 * (f**-1)',
        'f**-1 = f ** -1',
        'g′ = g + (10/f)',
      ]),
    )
    const plan = planBackward(graph.output)
    const lines = plan.steps.flatMap((step, index) =>
      step.contributions.map((contribution) => chainRuleLine(plan, index, contribution)),
    )
    expect(
      lines.some((line) =>
        line.startsWith('(b - a).grad += (relu(b - a).data > 0 ? 1 : 0) × relu(b - a).grad'),
      ),
    ).toBe(true)
  })
})

describe('the wording of local derivatives', () => {
  it('has one entry for every op of the engine’s OPS, with a formula per operand', () => {
    expect(Object.keys(LOCAL_DERIVATIVES).sort()).toEqual(Object.keys(OPS).sort())
    for (const [name, op] of Object.entries(OPS)) {
      const { formulas, rule } = LOCAL_DERIVATIVES[name as keyof typeof OPS]
      expect(formulas.length, name).toBe(op.arity === 2 ? 2 : op.arity === 1 ? 1 : formulas.length)
      expect(rule.length, name).toBeGreaterThan(10)
    }
  })
})
