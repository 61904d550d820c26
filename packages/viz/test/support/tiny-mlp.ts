import { createRng } from '@mg/datasets'
import { Value } from '@mg/engine'

/** A neuron shaped like `@mg/nn`'s: `activation(dot(x, weights) + bias)`. */
export class TinyNeuron {
  readonly weights: Value[]
  readonly bias: Value
  readonly activation: 'relu' | 'linear'

  constructor(nin: number, activation: 'relu' | 'linear', random: () => number) {
    this.weights = Array.from({ length: nin }, () => new Value(random() * 2 - 1))
    this.bias = new Value(0)
    this.activation = activation
  }

  forward(x: readonly (Value | number)[]): Value {
    const sum = Value.dot(x, this.weights).add(this.bias)
    return this.activation === 'relu' ? sum.relu() : sum
  }
}

/** An MLP shaped like `@mg/nn`'s, small enough to train in a test. */
export class TinyMlp {
  readonly layers: { neurons: TinyNeuron[] }[]

  constructor(nin: number, nouts: readonly number[], seed: number) {
    const rng = createRng(seed)
    const random = () => rng.uniform()
    const sizes = [nin, ...nouts]
    this.layers = nouts.map((nout, index) => ({
      neurons: Array.from(
        { length: nout },
        () => new TinyNeuron(sizes[index]!, index === nouts.length - 1 ? 'linear' : 'relu', random),
      ),
    }))
  }

  forward(x: readonly (Value | number)[]): Value[] {
    let current: readonly (Value | number)[] = x
    for (const layer of this.layers)
      current = layer.neurons.map((neuron) => neuron.forward(current))
    return current as Value[]
  }

  parameters(): Value[] {
    return this.layers.flatMap((layer) =>
      layer.neurons.flatMap((neuron) => [...neuron.weights, neuron.bias]),
    )
  }
}

/** micrograd's demo loss: mean hinge loss plus an L2 penalty, with accuracy. */
export function hingeStep(model: TinyMlp, X: readonly number[][], y: readonly number[]) {
  const scores = X.map((row) => model.forward(row)[0]!)
  const losses = scores.map((score, index) => score.mul(-y[index]!).add(1).relu())
  const dataLoss = Value.sum(losses).mul(1 / losses.length)
  const penalty = Value.sum(model.parameters().map((parameter) => parameter.mul(parameter))).mul(
    1e-4,
  )
  const loss = dataLoss.add(penalty)
  const correct = scores.filter((score, index) => score.data > 0 === y[index]! > 0).length
  return { loss, accuracy: correct / scores.length }
}

/** Trains with micrograd's schedule (SGD, learning rate 1 - 0.9·k/steps) and records a history. */
export function trainMoons(model: TinyMlp, X: number[][], y: number[], steps: number) {
  const history: { step: number; loss: number; accuracy: number }[] = []
  for (let step = 0; step < steps; step++) {
    const { loss, accuracy } = hingeStep(model, X, y)
    for (const parameter of model.parameters()) parameter.grad = 0
    loss.backward()
    const learningRate = 1 - (0.9 * step) / steps
    for (const parameter of model.parameters()) parameter.data -= learningRate * parameter.grad
    history.push({ step, loss: loss.data, accuracy })
  }
  return history
}
