import { Value } from '@mg/engine'
import { type MLP, softmaxCrossEntropy } from '@mg/nn'

/** What the model makes of one image, and why. */
export interface DigitExplanation {
  /** The probability of each digit: the softmax of the logits. */
  probabilities: number[]
  /** The most probable digit. */
  predicted: number
  /** The digit whose probability the saliency explains: `target` if given, else `predicted`. */
  explained: number
  /**
   * The saliency map: for each pixel, the gradient of the log-probability of `explained` with
   * respect to it, from `backward()`. Positive pixels, inked more, would raise that probability;
   * negative ones would lower it.
   */
  saliency: number[]
}

/**
 * Runs one image (64 pixels in [0, 1]) through the model with every pixel a `Value`, then
 * backpropagates the softmax cross-entropy of the explained digit, as a training step would; the
 * pixels' gradients, negated, are the saliency map.
 */
export function explainDigit(
  model: MLP,
  pixels: readonly number[],
  target?: number,
): DigitExplanation {
  const inputs = pixels.map((pixel) => new Value(pixel))
  const logits = model.forward(inputs)
  const data = logits.map((logit) => logit.data)
  const top = Math.max(...data)
  const exps = data.map((logit) => Math.exp(logit - top))
  const total = exps.reduce((sum, value) => sum + value, 0)
  const probabilities = exps.map((value) => value / total)
  const predicted = data.indexOf(top)
  const explained = target ?? predicted
  // −log p: its gradient, negated, is that of log p, the explained digit's log-probability.
  softmaxCrossEntropy([logits], [explained]).backward()
  return { probabilities, predicted, explained, saliency: inputs.map((input) => -input.grad) }
}
