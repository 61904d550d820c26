import { noGrad, Value } from '@mg/engine'
import { LOSSES, type LossName, type MLP } from '@mg/nn'

/** Which part of the network to draw for a point. */
export type GraphTarget = { kind: 'network' } | { kind: 'neuron'; layer: number; neuron: number }

/** A graph ready to draw: its root after `backward()`, and a sentence saying what the gradients mean. */
export interface PointGraph {
  root: Value
  meaning: string
}

/**
 * Builds, for one input, the computation graph a reader wants to see and runs `backward()` on it.
 * For the whole network the root is this point's loss, so each gradient is what this point adds to
 * a training step. For one neuron its inputs are the previous layer's outputs, taken as given
 * numbers, and the root is the neuron's output.
 */
export function buildPointGraph(
  model: MLP,
  x: readonly number[],
  label: number,
  loss: LossName,
  target: GraphTarget,
): PointGraph {
  labelParameters(model)
  // Gradients accumulate across backward() calls, so clear what the last picture left behind.
  model.zeroGrad()
  if (target.kind === 'network') {
    let values = x.map((feature, index) => new Value(feature, { label: `x${index}` }))
    // Layer by layer rather than model.forward, to name each neuron's output as the picker does.
    model.layers.forEach((layer, layerIndex) => {
      values = layer.forward(values)
      values.forEach((value, neuronIndex) => {
        value.label = `h${layerIndex + 1}.${neuronIndex + 1}`
      })
    })
    const outputs = values
    outputs.forEach((output, index) => {
      output.label = outputs.length === 1 ? 'score' : `logit ${index}`
    })
    // The loss `train` minimises, for this point alone: its label mapped as `train` maps it.
    const root = LOSSES[loss].compute([outputs], [LOSSES[loss].mapLabel(label)])
    root.label = 'loss'
    root.backward()
    // Hinge loss is flat beyond the margin: say why every gradient is then 0, or it looks broken.
    const meaning =
      loss === 'hinge' && root.data === 0
        ? 'Its hinge loss is 0 (score beyond the margin), so every gradient is 0: this point no longer moves the weights.'
        : 'Gradients are d loss / d value for this point alone.'
    return { root, meaning }
  }
  const { layer, neuron } = target
  const activations = noGrad(() => {
    let values: number[] = [...x]
    for (const previous of model.layers.slice(0, layer))
      values = previous.forward(values).map((value) => value.data)
    return values
  })
  const inputs = activations.map(
    (activation, index) =>
      new Value(activation, { label: layer === 0 ? `x${index}` : `h${layer}.${index + 1}` }),
  )
  const root = model.layers[layer]!.neurons[neuron]!.forward(inputs)
  root.label = `h${layer + 1}.${neuron + 1}`
  root.backward()
  return { root, meaning: "Gradients are d (this neuron's output) / d value." }
}

/** Names every weight and bias after its place (`w1.3[0]`: layer 1, neuron 3, input 0), as the boxes show them. */
function labelParameters(model: MLP): void {
  model.layers.forEach((layer, layerIndex) => {
    layer.neurons.forEach((neuron, neuronIndex) => {
      const place = `${layerIndex + 1}.${neuronIndex + 1}`
      neuron.weights.forEach((weight, input) => {
        weight.label = `w${place}[${input}]`
      })
      neuron.bias.label = `b${place}`
    })
  })
}
