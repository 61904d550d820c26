import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planBackward } from '../../src/explorer/backward-plan.js'
import { isCloseEnough, judgeGradient } from '../../src/explorer/by-hand.js'
import { evaluateAnswer } from '../../src/explorer/evaluate-answer.js'
import { ExpressionSyntaxError } from '../../src/explorer/expression-errors.js'
import { load, presetText } from './helpers.js'

const setUp = (id: string) => {
  const { graph } = load(presetText(id))
  const plan = planBackward(graph.output)
  const at = (label: string) => plan.nodes.findIndex((node) => node.label === label)
  return { graph, plan, at }
}

describe('working the gradients out by hand', () => {
  it('accepts an answer within 1e-6, relative where the gradient is large', () => {
    expect(isCloseEnough(-4.0000005, -4)).toBe(true)
    expect(isCloseEnough(-4.00001, -4)).toBe(false)
    expect(isCloseEnough(645.5773, 645.5773)).toBe(true)
    expect(isCloseEnough(645.5773 + 5e-4, 645.5773)).toBe(true)
    expect(isCloseEnough(645.5773 + 1e-3, 645.5773)).toBe(false)
    expect(isCloseEnough(1e-7, 0)).toBe(true)
  })

  it('says right, or explains a wrong answer with the local derivative that applies', () => {
    const { plan, at } = setUp('L')
    expect(judgeGradient(plan, at('b'), -4)).toEqual({
      correct: true,
      message: 'Right: b.grad = -4.',
    })
    const wrong = judgeGradient(plan, at('b'), 4)
    expect(wrong.correct).toBe(false)
    expect(wrong.message).toContain('The size is right but the sign is not.')
    expect(wrong.message).toContain(
      "b is used once, in e = a * b: each factor's local derivative is the other factor. So b.grad = a.data × e.grad.",
    )
    expect(judgeGradient(plan, at('b'), -3).message).toContain('That is b.data, its value')
    expect(judgeGradient(plan, at('L'), 0).message).toContain('L is the output')
  })

  it('catches the local derivative without the gradient flowing in, and a use counted once', () => {
    const { plan, at } = setUp('neuron')
    expect(judgeGradient(plan, at('n'), 0.5).correct).toBe(true)
    expect(judgeGradient(plan, at('x1'), -3).message).toContain(
      'That is the local derivative alone: the chain rule multiplies it by x1w1.grad.',
    )
    const twice = setUp('a-plus-a')
    const once = judgeGradient(twice.plan, twice.at('a'), 1)
    expect(once.message).toContain('That is what one use sends back, but a is used 2 times.')
    expect(once.message).toContain('a.grad = 1 × b.grad + 1 × b.grad')
  })

  it('takes the digits the graph shows for a large gradient, and says "close" for fewer', () => {
    const { plan, at } = setUp('micrograd')
    expect(judgeGradient(plan, at('a'), 138.8338).correct).toBe(true)
    expect(judgeGradient(plan, at('a'), 138.84).message).toContain('Close')
  })

  it('reads answers as numbers or expressions of the names’ data', () => {
    const { graph } = setUp('neuron')
    const names = new Map([...graph.names].map(([name, value]) => [name, value.data]))
    expect(evaluateAnswer('1 - o**2', names)).toBeCloseTo(0.5, 12)
    expect(evaluateAnswer('2 * -2', names)).toBe(-4)
    expect(evaluateAnswer('tanh(n)', names)).toBe(graph.output.data)
    expect(() => evaluateAnswer('q + 1', names)).toThrow(/no value named "q"/)
    expect(() => evaluateAnswer('a = 1', names)).toThrow(ExpressionSyntaxError)
    expect(() => evaluateAnswer('1/0', names)).toThrow(/not a finite number/)
  })

  it('never throws anything but its own error on any typed answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          evaluateAnswer(text, new Map([['a', 2]]))
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionSyntaxError)
        }
      }),
    )
  })
})
