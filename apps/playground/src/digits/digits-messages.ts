import type { DigitsSnapshot } from './digits-session.js'

/** What the page asks of the digits worker. */
export type DigitsCommand =
  | { type: 'play' }
  | { type: 'pause' }
  /** Start over with a fresh network (training pauses). */
  | { type: 'reset' }

/** What the digits worker sends back. `generation` counts resets, so a stale snapshot is dropped. */
export type DigitsReport =
  | { type: 'snapshot'; snapshot: DigitsSnapshot; running: boolean; generation: number }
  /** Training stopped on an error; the message says why. */
  | { type: 'error'; message: string; generation: number }
