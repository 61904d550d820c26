import type { Trainer } from '../training/trainer.js'
import type { Speed } from '../training/worker-messages.js'
import { bindShortcuts } from './shortcuts.js'

/**
 * The play, step and reset buttons, the speed picker and their keyboard shortcuts (Space or K to
 * play and pause, S to step, R to reset), kept in step with whether the worker is training.
 */
export class Transport {
  private readonly trainer: Trainer
  private readonly playButton: HTMLButtonElement
  private isRunning = false

  constructor(trainer: Trainer, onReset: () => void) {
    this.trainer = trainer
    this.playButton = document.getElementById('play') as HTMLButtonElement
    const reset = () => {
      this.show(false)
      onReset()
    }
    this.playButton.addEventListener('click', () => this.toggle())
    document.getElementById('step')!.addEventListener('click', () => this.step())
    document.getElementById('reset')!.addEventListener('click', reset)
    const speed = document.getElementById('speed') as HTMLSelectElement
    speed.addEventListener('change', () => trainer.setSpeed(speed.value as Speed))
    const toggle = () => this.toggle()
    // Only while the training view is shown: Space in another view must not start training.
    bindShortcuts(
      { ' ': toggle, k: toggle, s: () => this.step(), r: reset },
      document.getElementById('view-train') ?? undefined,
    )
  }

  /** Whether training is running. */
  get running(): boolean {
    return this.isRunning
  }

  /** Shows the play button as playing or paused (the worker's word is final). */
  show(running: boolean): void {
    this.isRunning = running
    this.playButton.setAttribute('aria-pressed', String(running))
    this.playButton.setAttribute('aria-label', running ? 'Pause (Space)' : 'Play (Space)')
  }

  toggle(): void {
    if (this.isRunning) this.trainer.pause()
    else this.trainer.play()
    this.show(!this.isRunning)
  }

  /** One step; pauses first if training was running. */
  step(): void {
    if (this.isRunning) this.toggle()
    this.trainer.step()
  }
}
