import { gradcheck, type Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { analyzeProgram } from '../../src/explorer/analyze-program.js'
import { planBackward } from '../../src/explorer/backward-plan.js'
import { buildGraph, evaluateProgram, inputValues } from '../../src/explorer/evaluate-program.js'
import { parseProgram } from '../../src/explorer/parse-program.js'
import { PRESETS } from '../../src/explorer/presets.js'

/** The lecture's numbers for each preset: the output (the neuron's 0.7071 is 1/√2), and d output / d input. */
const EXPECTED: Record<string, { output: number; grads: Record<string, number> }> = {
  d: { output: 4, grads: { a: -3, b: 2, c: 1 } },
  L: { output: -8, grads: { a: 6, b: -4, c: -2, f: 4, e: -2, d: -2 } },
  neuron: {
    output: Math.SQRT1_2,
    grads: { x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5, n: 0.5, x1w1: 0.5, x2w2: 0.5 },
  },
  'neuron-exp': {
    output: Math.SQRT1_2,
    grads: { x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5, n: 0.5 },
  },
  'a-plus-a': { output: 6, grads: { a: 2 } },
  micrograd: { output: 24.7041, grads: { a: 138.8338, b: 645.5773 } },
}

const loaded = (text: string) => {
  const plan = analyzeProgram(parseProgram(text))
  return { plan, graph: buildGraph(plan, new Map()) }
}

describe('the lecture presets', () => {
  it('has numbers for every preset', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(PRESETS.map((preset) => preset.id).sort())
  })

  for (const preset of PRESETS) {
    describe(preset.title, () => {
      const { plan, graph } = loaded(preset.text)
      const expected = EXPECTED[preset.id]!

      it('gives the lecture’s output and gradients', () => {
        expect(graph.output.data).toBeCloseTo(expected.output, 4)
        for (const [name, grad] of Object.entries(expected.grads))
          expect(graph.names.get(name)!.grad, name).toBeCloseTo(grad, 4)
      })

      it('agrees with central finite differences for every input (gradcheck)', () => {
        const names = plan.inputs.map((input) => input.name)
        const at = names.map((name) => inputValues(plan, new Map()).get(name)!)
        const f = (leaves: Value[]) =>
          evaluateProgram(plan, new Map(names.map((name, index) => [name, leaves[index]!]))).output
        const report = gradcheck(f, at, { h: 1e-6, tolerance: 1e-6 })
        expect(
          report.entries.filter((entry) => !entry.ok),
          JSON.stringify(report.entries),
        ).toEqual([])
        for (const [index, name] of names.entries())
          expect(report.entries[index]!.backprop).toBe(graph.inputs.get(name)!.grad)
      })

      it('steps to exactly the gradients of the engine’s backward()', () => {
        const stepped = planBackward(graph.output)
        const final = stepped.gradsAfter(stepped.steps.length)
        stepped.nodes.forEach((node, index) => {
          expect(Object.is(final[index], node.grad), node.label).toBe(true)
        })
      })
    })
  }

  it('labels values as the lecture does, priming a redefined name', () => {
    const labels = (text: string) => loaded(text).graph.nodes.map((node) => node.label)
    expect(labels(PRESETS[0]!.text)).toEqual(['a', 'b', 'a*b', 'c', 'd'])
    expect(labels('a = 2\nd = a - 1')).toEqual(['a', '1', '-1', '-1', 'd'])
    expect(labels('b = 2\ng = 10/b')).toEqual(['10', 'b', '-1', 'b**-1', 'g'])
    const micrograd = labels(PRESETS.find((preset) => preset.id === 'micrograd')!.text)
    expect(micrograd).toEqual(
      expect.arrayContaining(['c', 'c′', 'c″', 'd″', 'g′', 'd*2 + relu(b + a)']),
    )
  })
})
