import { evaluate } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { createDigitsModel, splitDigits } from '../../src/digits/digits-model.js'
import { DigitsSession } from '../../src/digits/digits-session.js'
import { LogitsEvaluator } from '../../src/digits/logits-evaluator.js'

describe('the digits session', () => {
  it('splits 1,347 images to train on and 450 to test, pixels in [0, 1]', () => {
    const { train, test } = splitDigits()
    expect([train.X.length, test.X.length]).toEqual([1347, 450])
    expect(train.X[0]).toHaveLength(64)
    expect(Math.max(...train.X.flat())).toBe(1)
    expect(new Set(test.y).size).toBe(10)
  })

  it('learns to at least 95 % test accuracy within 600 steps', () => {
    const session = new DigitsSession()
    let snapshot = session.snapshot()
    expect(snapshot.test.accuracy).toBeLessThan(0.3)
    while (session.steps < 600 && snapshot.test.accuracy < 0.95) {
      session.train(50)
      snapshot = session.snapshot()
    }
    expect(snapshot.test.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(snapshot.step).toBe(session.steps)
    expect(snapshot.epoch).toBeCloseTo((session.steps * 32) / 1347, 10)
    expect(snapshot.parameters).toHaveLength(64 * 32 + 32 + 32 * 10 + 10)
    expect(snapshot.testPredictions).toHaveLength(450)
  })
})

describe('LogitsEvaluator', () => {
  it('gives the loss and accuracy of @mg/nn’s evaluate, replaying one compiled sample', () => {
    const model = createDigitsModel(3)
    const { test } = splitDigits()
    const evaluator = new LogitsEvaluator(model)
    const measured = evaluator.evaluate(test)
    const expected = evaluate(model, test, { loss: 'softmax-cross-entropy' })
    expect(measured.loss).toBeCloseTo(expected.loss, 12)
    expect(measured.accuracy).toBe(expected.accuracy)
    const first = model.predict(test.X[0]!)
    expect(measured.predictions[0]).toBe(first.indexOf(Math.max(...first)))
    // It reads the parameters afresh each time.
    model.setParameterValues(model.getParameterValues().map((value) => value * 0.5))
    expect(evaluator.evaluate(test).loss).not.toBeCloseTo(measured.loss, 6)
  })
})
