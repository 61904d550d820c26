import type { PreparedData } from '../data/prepared-data.js'
import type { Settings } from '../state/settings.js'
import type { Numbered } from './command-sequence.js'
import type { Hyperparameters, Snapshot } from './training-session.js'

/** Steps per picture; `fast` trains for as long as a frame allows. */
export const SPEEDS = { slow: 1, normal: 5, fast: Number.POSITIVE_INFINITY } as const
export type Speed = keyof typeof SPEEDS

/** What the page asks of the training worker. */
export type Command =
  /** Start over with a new model (or the given parameters) on new data. */
  | { type: 'configure'; id: number; settings: Settings; data: PreparedData; parameters?: number[] }
  | { type: 'play' }
  | { type: 'pause' }
  /** Take `count` steps and report, whether playing or not. */
  | { type: 'step'; count: number }
  | { type: 'hyperparameters'; hyperparameters: Hyperparameters }
  | { type: 'speed'; speed: Speed }

/** A command as sent, numbered (see {@link Numbered}). */
export type ToWorker = Numbered<Command>

/** Messages the training worker sends back. */
export type FromWorker =
  /**
   * `configuration` is the `id` of the `configure` message the snapshot belongs to; `sequence` the
   * number of the last command handled before it was taken.
   */
  | {
      type: 'snapshot'
      snapshot: Snapshot
      running: boolean
      configuration: number
      sequence: number
    }
  /** Training stopped on an error (usually divergence); the message says what to change. */
  | { type: 'error'; message: string; configuration: number }
