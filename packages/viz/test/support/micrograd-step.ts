import { Value } from '@mg/engine'
import { signedMoons } from './micrograd-demo.js'
import { TinyMlp } from './tiny-mlp.js'

/**
 * The loss of one training step written as micrograd writes a neuron, `b + w1*x1 + w2*x2 + …`
 * with no fused ops: for 100 moons and a 2-16-16-1 MLP that is about 68,000 values.
 */
export function microgradStyleStep(nSamples = 100) {
  const { X, y } = signedMoons(nSamples)
  const model = new TinyMlp(2, [16, 16, 1], 7)
  const forward = (row: readonly number[]): Value => {
    let current: readonly (Value | number)[] = row
    model.layers.forEach((layer, layerIndex) => {
      current = layer.neurons.map((neuron) => {
        let activation: Value = neuron.bias
        neuron.weights.forEach((weight, index) => {
          activation = activation.add(weight.mul(current[index]!))
        })
        return layerIndex === model.layers.length - 1 ? activation : activation.relu()
      })
    })
    return current[0] as Value
  }
  const losses = X.map((row, index) => forward(row).mul(-y[index]!).add(1).relu())
  const penalty = Value.sum(model.parameters().map((parameter) => parameter.mul(parameter)))
  const loss = Value.sum(losses)
    .mul(1 / nSamples)
    .add(penalty.mul(1e-4))
  loss.backward()
  return { loss, model }
}
