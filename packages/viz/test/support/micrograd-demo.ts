import { makeMoons, toSignedLabels } from '@mg/datasets'
import { linearDecay, type MLP, SGD, train } from '@mg/nn'

/** micrograd's demo data: scikit-learn's moons with noise 0.1, labels mapped to ±1. */
export function signedMoons(nSamples: number, seed = 1) {
  const { X, y } = makeMoons({ nSamples, noise: 0.1, seed })
  return { X, y: toSignedLabels(y) }
}

/** micrograd's demo training through `@mg/nn`: hinge loss, 1e-4 L2, SGD from a rate of 1 down. */
export function trainLikeMicrograd(
  model: MLP,
  data: { X: number[][]; y: number[] },
  steps: number,
) {
  return train(model, data, {
    loss: 'hinge',
    l2Alpha: 1e-4,
    steps,
    optimizer: new SGD(model.parameters(), { learningRate: 1 }),
    schedule: linearDecay(),
    seed: 1337,
  })
}
