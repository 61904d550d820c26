import { Value } from '@mg/engine'
import { LOSSES } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { createObjective } from '../src/training/objective.js'

describe('objectives', () => {
  it('sizes the output layer for each loss and class count', () => {
    expect(createObjective('hinge', 2).outputs).toBe(1)
    expect(createObjective('bce', 2).outputs).toBe(1)
    expect(createObjective('mse', 2).outputs).toBe(1)
    expect(createObjective('mse', 3).outputs).toBe(3)
    expect(createObjective('softmax-cross-entropy', 2).outputs).toBe(2)
    expect(createObjective('softmax-cross-entropy', 5).outputs).toBe(5)
  })

  it('reads one score as class 1 when positive, sure in proportion to its size', () => {
    const hinge = createObjective('hinge', 2)
    expect(hinge.predict([2])).toEqual({ label: 1, confidence: Math.tanh(3) })
    expect(hinge.predict([-0.1]).label).toBe(0)
    expect(hinge.predict([0]).confidence).toBe(0)
    // Logistic loss: confidence is |p(class 1) − p(class 0)| = |2σ(s) − 1|.
    expect(createObjective('bce', 2).predict([Math.log(3)]).confidence).toBeCloseTo(0.5, 12)
    // Squared error on 0/1 targets: the midpoint 0.5 is the boundary.
    expect(createObjective('mse', 2).predict([0.75])).toEqual({ label: 1, confidence: 0.5 })
    expect(createObjective('mse', 2).predict([0.25]).label).toBe(0)
  })

  it('reads logits as the arg-max class, from 0 at chance to 1 when certain', () => {
    const softmax = createObjective('softmax-cross-entropy', 3)
    expect(softmax.predict([1, 1, 1]).confidence).toBeCloseTo(0, 12)
    const sure = softmax.predict([0, 40, 0])
    expect(sure.label).toBe(1)
    expect(sure.confidence).toBeCloseTo(1, 12)
    // p_max = e² / (e² + 2): rescaled from [1/3, 1] to [0, 1].
    const pMax = Math.exp(2) / (Math.exp(2) + 2)
    expect(softmax.predict([2, 0, 0]).confidence).toBeCloseTo((pMax - 1 / 3) / (2 / 3), 12)
  })

  it('takes mean squared error against one-hot rows for several classes', () => {
    const { loss, outputs: outputCount } = createObjective('mse', 3)
    expect(outputCount).toBe(3)
    const outputs = [
      [new Value(0.5), new Value(0), new Value(1)],
      [new Value(0), new Value(2), new Value(0)],
    ]
    // Targets [1,0,0] and [0,1,0]: squared errors 0.25 + 0 + 1 and 0 + 1 + 0 over 6 entries.
    expect(LOSSES[loss].compute(outputs, [0, 1]).data).toBeCloseTo(2.25 / 6, 12)
  })
})
