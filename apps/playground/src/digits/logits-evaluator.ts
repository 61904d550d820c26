import type { Dataset } from '@mg/datasets'
import { type CompiledGraph, compileGraph, noGrad, Value } from '@mg/engine'
import { accuracy, type Evaluation, type MLP, softmaxCrossEntropy } from '@mg/nn'

/** A dataset's logits, and the loss and accuracy they give. */
export interface LogitsEvaluation extends Evaluation {
  /** The predicted class of each sample, in order. */
  predictions: Uint8Array
}

/**
 * Measures a model on whole datasets many times a second: one sample's forward pass is recorded
 * once with `compileGraph` and replayed for every sample, reading the model's current parameters;
 * the loss and accuracy then come from `@mg/nn`'s `softmaxCrossEntropy` and `accuracy` on the logits.
 */
export class LogitsEvaluator {
  private readonly graph: CompiledGraph

  constructor(model: MLP) {
    const inputs = Array.from({ length: model.nin }, () => new Value(0))
    const logits = model.forward(inputs)
    this.graph = compileGraph({
      output: Value.sum(logits),
      parameters: model.parameters(),
      inputs,
      observed: logits,
    })
  }

  /** Loss, accuracy and predictions of the model as it is now. */
  evaluate(data: Dataset): LogitsEvaluation {
    const { graph } = this
    graph.pullParameters()
    const rows = data.X.map((x) => {
      graph.setInputs(x)
      graph.forward()
      return Array.from(graph.observedData)
    })
    const predictions = Uint8Array.from(rows, (row) => row.indexOf(Math.max(...row)))
    const loss = noGrad(() => softmaxCrossEntropy(rows, data.y).data)
    return { loss, accuracy: accuracy(rows, data.y), predictions }
  }
}
