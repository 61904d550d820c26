/**
 * The line protocol between the benchmark and a trainer in another runtime: one JSON object per
 * line, each request answered by one reply. The peer times its own steps, so the pipe costs
 * nothing that is timed.
 */
import type { LayerMatrices, Workload } from '../workloads.js'

/** What a peer trains, as plain numbers: the workload's data and the shared initial weights. */
export interface PeerProblem {
  readonly loss: Workload['loss']
  /** Row-major `nSamples × layers[0].nin`. */
  readonly points: readonly number[]
  /** ±1 for hinge loss, class indices for softmax cross-entropy. */
  readonly labels: readonly number[]
  readonly layers: readonly LayerMatrices[]
  readonly learningRate: number
  readonly l2Alpha: number
}

/** Start on a problem; or take at least `count` steps, and more until `milliseconds` have passed. */
export type PeerRequest =
  | { readonly kind: 'start'; readonly problem: PeerProblem }
  | { readonly kind: 'steps'; readonly count: number; readonly milliseconds: number }

/** Ready, the losses and milliseconds of the steps taken, or why not. */
export type PeerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'steps'; readonly losses: number[]; readonly times: number[] }
  | { readonly kind: 'error'; readonly message: string }
