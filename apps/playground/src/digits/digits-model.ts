import { type Dataset, trainTestSplit } from '@mg/datasets'
import { DIGITS_IMAGE_SHAPE, loadDigits } from '@mg/datasets/digits'
import { MLP } from '@mg/nn'

/** Pixels per image: 8 × 8, the network's inputs. */
const PIXELS = DIGITS_IMAGE_SHAPE[0] * DIGITS_IMAGE_SHAPE[1]
/** The ten digits, the network's outputs. */
const CLASSES = 10
/** The seed of the split, the weights and the batches: the worker and the page agree on it. */
export const DIGITS_SEED = 1

/** The digits as the playground trains on them: pixels scaled to [0, 1], a stratified quarter held out. */
export interface DigitsSplit {
  train: Dataset
  test: Dataset
}

/** Splits scikit-learn's 1,797 digits into 1,347 to train on and 450 to test, the same every time. */
export function splitDigits(seed = DIGITS_SEED): DigitsSplit {
  const { train, test } = trainTestSplit(loadDigits({ scale: true }), {
    testSize: 0.25,
    stratify: true,
    seed,
  })
  return { train, test }
}

/**
 * The network: 64 pixels → 32 ReLU units → 10 logits, with the playground's PyTorch-style scaled
 * initial weights drawn from the seed, so the worker and the page build the very same one.
 */
export function createDigitsModel(seed = DIGITS_SEED): MLP {
  return new MLP(PIXELS, [32, CLASSES], {
    activation: 'relu',
    outputActivation: 'linear',
    init: 'scaled',
    seed,
  })
}
