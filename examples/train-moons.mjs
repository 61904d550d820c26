// micrograd's demo: an MLP(2, [16, 16, 1]) learns two moons with the hinge loss and SGD.
import { makeMoons } from '@mg/datasets'
import { evaluate, linearDecay, MLP, SGD, train } from '@mg/nn'

const data = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 })
const model = new MLP(2, [16, 16, 1], { seed: 1337 })
train(model, data, {
  loss: 'hinge',
  l2Alpha: 1e-4,
  optimizer: new SGD(model.parameters(), { learningRate: 1 }),
  schedule: linearDecay(),
  steps: 100,
})
const { loss, accuracy } = evaluate(model, data, { loss: 'hinge', l2Alpha: 1e-4 })
console.log(
  `${model.parameterCount} parameters, loss ${loss.toFixed(4)}, accuracy ${(accuracy * 100).toFixed(0)} %`,
)
