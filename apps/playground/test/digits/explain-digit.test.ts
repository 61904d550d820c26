import { describe, expect, it } from 'vitest'
import { createDigitsModel, splitDigits } from '../../src/digits/digits-model.js'
import { explainDigit } from '../../src/digits/explain-digit.js'

describe('explainDigit', () => {
  const model = createDigitsModel(7)
  const image = splitDigits().test.X[5]!

  /** log p(digit | pixels), from the model's plain forward pass. */
  const logProbability = (pixels: number[], digit: number) => {
    const logits = model.predict(pixels)
    const top = Math.max(...logits)
    const total = logits.reduce((sum, logit) => sum + Math.exp(logit - top), 0)
    return logits[digit]! - top - Math.log(total)
  }

  it('gives probabilities that sum to 1, the most probable digit first', () => {
    const { probabilities, predicted, explained } = explainDigit(model, image)
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12)
    expect(predicted).toBe(probabilities.indexOf(Math.max(...probabilities)))
    expect(explained).toBe(predicted)
    expect(Math.log(probabilities[3]!)).toBeCloseTo(logProbability(image, 3), 10)
  })

  it('has as saliency the gradient of log p, checked against central differences', () => {
    const { saliency } = explainDigit(model, image, 4)
    const h = 1e-5
    for (const pixel of [0, 10, 27, 36, 63]) {
      const up = image.map((value, index) => (index === pixel ? value + h : value))
      const down = image.map((value, index) => (index === pixel ? value - h : value))
      const numeric = (logProbability(up, 4) - logProbability(down, 4)) / (2 * h)
      expect(saliency[pixel]).toBeCloseTo(numeric, 6)
    }
  })
})
