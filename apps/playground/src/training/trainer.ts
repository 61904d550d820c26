import type { PreparedData } from '../data/prepared-data.js'
import type { Settings } from '../state/settings.js'
import { commandSequence } from './command-sequence.js'
import type { Hyperparameters, Snapshot } from './training-session.js'
import type { Command, FromWorker, Speed } from './worker-messages.js'

/** What the page hears from training. */
export interface TrainerEvents {
  /**
   * A new picture of the model. `running` says whether training goes on, or is `undefined` when the
   * worker had not yet seen the page's latest command (a play or pause still on its way).
   */
  onSnapshot(snapshot: Snapshot, running: boolean | undefined): void
  /** Training stopped with this explanation. */
  onError(message: string): void
}

/**
 * The page's handle on the training worker: it sends commands and passes on only the reports that
 * belong to the latest configuration, so a snapshot still in flight from a model that was just
 * replaced is never drawn.
 */
export class Trainer {
  private readonly worker: Worker
  private configuration = 0
  private readonly commands = commandSequence()

  constructor(events: TrainerEvents) {
    this.worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' })
    this.worker.onmessage = ({ data: message }: MessageEvent<FromWorker>) => {
      if (message.configuration !== this.configuration) return
      if (message.type === 'snapshot')
        events.onSnapshot(
          message.snapshot,
          this.commands.isCurrent(message.sequence) ? message.running : undefined,
        )
      else events.onError(message.message)
    }
    this.worker.onerror = (event) =>
      events.onError(event.message || 'The training worker failed to start.')
  }

  /** Starts over: a new model on `data`, with `parameters` if given (a loaded model). Training is paused. */
  configure(settings: Settings, data: PreparedData, parameters?: ArrayLike<number>): void {
    this.configuration++
    const command: Command = { type: 'configure', id: this.configuration, settings, data }
    if (parameters !== undefined) command.parameters = Array.from(parameters)
    this.post(command)
  }

  play(): void {
    this.post({ type: 'play' })
  }

  pause(): void {
    this.post({ type: 'pause' })
  }

  /** One step (or `count`), then a report. */
  step(count = 1): void {
    this.post({ type: 'step', count })
  }

  setHyperparameters(hyperparameters: Hyperparameters): void {
    this.post({ type: 'hyperparameters', hyperparameters })
  }

  setSpeed(speed: Speed): void {
    this.post({ type: 'speed', speed })
  }

  private post(command: Command): void {
    this.worker.postMessage(this.commands.number(command))
  }
}
