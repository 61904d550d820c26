import type { Numbered } from '../training/command-sequence.js'
import type { DigitsSnapshot } from './digits-session.js'

/** What the page asks of the digits worker. */
export type DigitsCommand =
  | { type: 'play' }
  | { type: 'pause' }
  /** Start over with a fresh network (training pauses). */
  | { type: 'reset' }

/** A command as sent, numbered (see {@link Numbered}). */
export type DigitsMessage = Numbered<DigitsCommand>

/**
 * What the digits worker sends back. `generation` counts resets, so a stale snapshot is dropped;
 * `sequence` is the number of the last command handled before the snapshot was taken.
 */
export type DigitsReport =
  | {
      type: 'snapshot'
      snapshot: DigitsSnapshot
      running: boolean
      generation: number
      sequence: number
    }
  /** Training stopped on an error; the message says why. */
  | { type: 'error'; message: string; generation: number }
