import { SingleBar } from 'cli-progress'
import pc from 'picocolors'

/** One training step as the progress display shows it. */
interface StepReport {
  /** 1-based step number. */
  step: number
  loss: number
  /** Training accuracy on the step's batch, from 0 to 1. */
  accuracy: number
}

/** Shows training progress; `update` is called once per step. */
export interface ProgressReporter {
  update(report: StepReport): void
  /** Ends the display (restores the cursor); safe to call more than once. */
  stop(): void
}

/** How progress is shown: a live bar, one plain line every few steps, or not at all. */
export type ProgressMode = 'bar' | 'lines' | 'silent'

/** Where and how to show progress. */
export interface ProgressOptions {
  mode: ProgressMode
  /** The number of steps in the run. */
  total: number
  stream?: NodeJS.WriteStream
  /** Milliseconds since some fixed point; injectable so tests get steady rates. */
  now?: () => number
}

/**
 * Picks the display: nothing for `--json` or `--quiet`, plain lines when stdout is not a terminal
 * or `CI` is set (logs would fill with redraws), otherwise a live bar.
 */
export function chooseProgressMode(options: {
  json: boolean
  quiet: boolean
  isTTY: boolean
  env: NodeJS.ProcessEnv
}): ProgressMode {
  if (options.json || options.quiet) return 'silent'
  if (!options.isTTY || isSet(options.env.CI)) return 'lines'
  return 'bar'
}

/** Starts a progress display for a run of `total` steps. */
export function startProgress(options: ProgressOptions): ProgressReporter {
  const { mode, total, stream = process.stdout, now = () => performance.now() } = options
  if (mode === 'silent') return { update: () => undefined, stop: () => undefined }
  const startedAt = now()
  const rates = (step: number) => {
    const seconds = Math.max((now() - startedAt) / 1000, 1e-9)
    const perSecond = step / seconds
    return { perSecond, eta: (total - step) / perSecond }
  }
  return mode === 'bar' ? barReporter(total, stream, rates) : lineReporter(total, stream, rates)
}

type Rates = (step: number) => { perSecond: number; eta: number }

function barReporter(total: number, stream: NodeJS.WriteStream, rates: Rates): ProgressReporter {
  const bar = new SingleBar({
    stream,
    format: `step {value}/{total} ${pc.cyan('{bar}')} loss {loss} · accuracy {accuracy} · {rate} steps/s · ETA {remaining}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    barsize: 24,
    hideCursor: true,
    // Training runs synchronously, so cli-progress's SIGINT handler could only run after it ends;
    // leaving Ctrl-C to Node stops the run at once.
    gracefulExit: false,
    fps: 20,
  })
  bar.start(total, 0, { loss: '–', accuracy: '–', rate: '–', remaining: '–' })
  let stopped = false
  return {
    update(report) {
      const { perSecond, eta } = rates(report.step)
      bar.update(report.step, {
        loss: formatLoss(report.loss),
        accuracy: formatPercent(report.accuracy),
        rate: perSecond.toFixed(1),
        remaining: formatDuration(eta),
      })
    },
    stop() {
      if (stopped) return
      stopped = true
      bar.stop()
    },
  }
}

function lineReporter(total: number, stream: NodeJS.WriteStream, rates: Rates): ProgressReporter {
  const every = Math.max(1, Math.ceil(total / 10))
  const width = String(total).length
  return {
    update(report) {
      if (report.step !== 1 && report.step % every !== 0 && report.step !== total) return
      const { perSecond, eta } = rates(report.step)
      stream.write(
        `step ${String(report.step).padStart(width)}/${total}  loss ${formatLoss(report.loss)}  ` +
          `accuracy ${formatPercent(report.accuracy).padStart(7)}  ${perSecond.toFixed(1)} steps/s  ` +
          `ETA ${formatDuration(eta)}\n`,
      )
    },
    stop: () => undefined,
  }
}

/** A loss with four significant decimals, e.g. `0.0123`. */
export function formatLoss(loss: number): string {
  return loss >= 1000 ? loss.toExponential(3) : loss.toFixed(4)
}

/** A fraction as a percentage with one decimal, e.g. `97.0 %`. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`
}

/** Seconds as `0.4s`, `12s` or `3m05s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–'
  if (seconds < 9.95) return `${seconds.toFixed(1)}s`
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole}s`
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}
