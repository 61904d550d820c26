import { type CompiledGraph, compileGraph, Value } from '@mg/engine'
import type { MLP } from '@mg/nn'
import type { Domain } from '../data/prepared-data.js'
import type { Objective } from './objective.js'

/** The model's prediction on a square grid over the domain, row by row from the top (largest y). */
export interface Mesh {
  resolution: number
  /** Predicted class of each cell. */
  labels: Uint8Array
  /** How sure the model is in each cell, 0 on the boundary to 1. */
  confidence: Float32Array
}

/**
 * Evaluates a model over a grid fast enough to repaint many times a second: the forward pass is
 * recorded once with `compileGraph` and replayed over flat arrays for each cell, reading the
 * model's current parameters at every call.
 */
export class MeshEvaluator {
  private readonly graph: CompiledGraph
  private readonly objective: Objective

  constructor(model: MLP, objective: Objective) {
    const inputs = [new Value(0, { label: 'x0' }), new Value(0, { label: 'x1' })]
    const outputs = model.forward(inputs)
    const output = outputs.length === 1 ? outputs[0]! : Value.sum(outputs)
    this.graph = compileGraph({ output, parameters: model.parameters(), inputs, observed: outputs })
    this.objective = objective
  }

  /** The prediction at each cell centre of a `resolution × resolution` grid. */
  evaluate(domain: Domain, resolution: number): Mesh {
    const { graph, objective } = this
    graph.pullParameters()
    const labels = new Uint8Array(resolution * resolution)
    const confidence = new Float32Array(resolution * resolution)
    const cellWidth = (domain.xMax - domain.xMin) / resolution
    const cellHeight = (domain.yMax - domain.yMin) / resolution
    for (let row = 0; row < resolution; row++) {
      graph.inputData[1] = domain.yMax - (row + 0.5) * cellHeight
      for (let column = 0; column < resolution; column++) {
        graph.inputData[0] = domain.xMin + (column + 0.5) * cellWidth
        graph.forward()
        const prediction = objective.predict(graph.observedData)
        labels[row * resolution + column] = prediction.label
        confidence[row * resolution + column] = prediction.confidence
      }
    }
    return { resolution, labels, confidence }
  }

  /** The model's outputs at one point, read through the same compiled graph. */
  outputsAt(point: readonly number[]): number[] {
    this.graph.pullParameters()
    this.graph.setInputs(point)
    this.graph.forward()
    return [...this.graph.observedData]
  }
}
