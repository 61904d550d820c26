import type { Problem } from '../workloads.js'

/** One implementation of the demo's training step, ready to run on one problem. */
export interface Trainer {
  /** One full-batch step: forward, loss, backward, SGD update. Returns the loss before the update. */
  step(): number
  /** Milliseconds spent building the `Value` graph once through `@mg/nn`, for compiled trainers. */
  readonly recordMs?: number
  /** Milliseconds spent in `compileGraph`, for compiled trainers. */
  readonly compileMs?: number
  /** Nodes in the recorded graph, for compiled trainers. */
  readonly nodeCount?: number
  /** Frees what the trainer holds (TF.js tensors). */
  dispose?(): void
}

/** A named way to make trainers. */
export interface Implementation {
  readonly name: string
  /** What the implementation is, for the report. */
  readonly description: string
  /** Numbers are float32 (TF.js) rather than float64, so losses agree only to about 1e-6. */
  readonly float32?: boolean
  create(problem: Problem): Promise<Trainer>
}

/** Row-major `n × width` coordinates (a problem's points) as rows, as micrograd's demo passes them. */
export function rows<T>(coordinates: ArrayLike<T>, width = 2): T[][] {
  return Array.from({ length: coordinates.length / width }, (_, sample) =>
    Array.from({ length: width }, (_, feature) => coordinates[width * sample + feature]!),
  )
}
