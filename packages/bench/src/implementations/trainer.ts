import type { Problem } from '../workloads.js'

/** One implementation of the demo's training step, ready to run on one problem in this process. */
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

/** The losses of consecutive steps and the milliseconds each took. */
export interface Steps {
  readonly losses: number[]
  readonly times: number[]
}

/**
 * A trainer in another process (another runtime), which takes and times its steps itself: the
 * benchmark waits while it runs, as it waits for an in-process trainer's turn.
 */
export interface PeerTrainer {
  /** Takes at least `count` steps, and more until `milliseconds` have passed. */
  takeSteps(count: number, milliseconds: number): Promise<Steps>
  /** Ends the other process. */
  dispose(): void
}

/** A named way to make trainers. */
export interface Implementation {
  readonly name: string
  /** What the implementation is, for the report. */
  readonly description: string
  /** Numbers are float32 (TF.js) rather than float64, so losses agree only to about 1e-6. */
  readonly float32?: boolean
  /** @throws {@link ImplementationUnavailableError} when it cannot run this problem here. */
  create(problem: Problem): Promise<Trainer | PeerTrainer>
}

/** An implementation cannot run a workload here (its runtime failed, or it refused the problem). */
export class ImplementationUnavailableError extends Error {
  override readonly name = 'ImplementationUnavailableError'
}

/**
 * Why a run skips an implementation that threw `error` while starting (it is unavailable here), or
 * `undefined` when the error is a real failure.
 */
export function skipReason(error: unknown): string | undefined {
  return error instanceof ImplementationUnavailableError ? error.message : undefined
}

/** Row-major `n × width` coordinates (a problem's points) as rows, as micrograd's demo passes them. */
export function rows<T>(coordinates: ArrayLike<T>, width = 2): T[][] {
  return Array.from({ length: coordinates.length / width }, (_, sample) =>
    Array.from({ length: width }, (_, feature) => coordinates[width * sample + feature]!),
  )
}
