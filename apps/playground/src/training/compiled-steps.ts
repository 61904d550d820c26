import { type CompiledGraph, compileGraph, Value } from '@mg/engine'
import { type Dataset, l2Penalty, type MLP, type Optimizer } from '@mg/nn'
import type { LossChoice } from '../state/settings.js'
import { encodeTarget, lossFromTargets } from './batch-loss.js'

/** Mulberry32: a small seeded generator for the order of the samples. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Training steps on compiled graphs that live as long as the model trains: the loss of a batch
 * (plus the L2 penalty) is recorded once per batch size with `compileGraph` from `@mg/engine`, the
 * batch's features and targets declared as inputs. A step writes the next batch into the inputs,
 * replays the graph forward and backward over flat arrays, hands the gradients to the optimizer
 * through the parameters' `grad`, and lets it update them: the numbers of the `Value` API at a
 * fraction of the cost. Batches are cut as `train` cuts them: each epoch a fresh seeded shuffle,
 * the last batch possibly smaller; with no batch size every step takes all samples in order.
 */
export class CompiledSteps {
  private readonly model: MLP
  private readonly loss: LossChoice
  private readonly l2: number
  private readonly batchSize: number
  private readonly random: () => number
  /** Each sample's features and targets, in the order the graph's inputs take them. */
  private readonly rows: number[][]
  private readonly graphs = new Map<number, CompiledGraph>()
  private queue: number[][] = []

  constructor(
    model: MLP,
    data: Dataset,
    options: { loss: LossChoice; l2: number; batchSize: number; seed: number },
  ) {
    this.model = model
    this.loss = options.loss
    this.l2 = options.l2
    const count = data.y.length
    this.batchSize = options.batchSize > 0 ? Math.min(options.batchSize, count) : count
    this.random = seededRandom(options.seed)
    this.rows = data.X.map((x, index) => [
      ...x,
      ...encodeTarget(data.y[index]!, options.loss, model.nout),
    ])
  }

  /**
   * Takes `count` steps with `optimizer` (built on the same model's parameters).
   *
   * @throws {@link NonFiniteResultError} or {@link NonFiniteGradientError} (from `@mg/engine`) if the loss or a gradient stops being finite.
   */
  train(count: number, optimizer: Optimizer): void {
    for (let step = 0; step < count; step++) {
      if (this.queue.length === 0) this.queue = this.epoch()
      const batch = this.queue.shift()!
      const graph = this.graphFor(batch)
      const inputs = graph.inputData
      let at = 0
      for (const sample of batch) for (const number of this.rows[sample]!) inputs[at++] = number
      graph.pullParameters()
      graph.forward()
      graph.backward()
      // Writes the (unchanged) data and the fresh gradients into the parameters' Values.
      graph.pushParameters()
      optimizer.step()
    }
  }

  /** The batches of one pass over the data. */
  private epoch(): number[][] {
    const order = this.rows.map((_, index) => index)
    if (this.batchSize === order.length) return [order]
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(this.random() * (index + 1))
      ;[order[index], order[swap]] = [order[swap]!, order[index]!]
    }
    const batches: number[][] = []
    for (let start = 0; start < order.length; start += this.batchSize)
      batches.push(order.slice(start, start + this.batchSize))
    return batches
  }

  /**
   * The recorded step for batches the size of `batch`, recorded on first use with that batch's
   * numbers in its inputs (the losses check their targets while the graph is built).
   */
  private graphFor(batch: readonly number[]): CompiledGraph {
    const size = batch.length
    let graph = this.graphs.get(size)
    if (graph) return graph
    const width = this.rows[0]!.length
    const featureCount = this.model.nin
    const inputs = batch.flatMap((sample) => this.rows[sample]!.map((number) => new Value(number)))
    const samples = Array.from({ length: size }, (_, sample) =>
      inputs.slice(sample * width, (sample + 1) * width),
    )
    const outputs = samples.map((row) => this.model.forward(row.slice(0, featureCount)))
    const parameters = this.model.parameters()
    const dataLoss = lossFromTargets(
      outputs,
      samples.map((row) => row.slice(featureCount)),
      this.loss,
    )
    const total = this.l2 > 0 ? dataLoss.add(l2Penalty(parameters, this.l2)) : dataLoss
    graph = compileGraph({ output: total, parameters, inputs })
    this.graphs.set(size, graph)
    return graph
  }
}
