/** What a worker's training loop does on each turn, and how it tells the page. */
export interface WorkerLoopOptions {
  /** Milliseconds from the start of one frame to the start of the next while playing. */
  frameMs: number
  /**
   * Trains one piece of a frame. Returns `true` to ask for another piece in the same frame; the
   * loop runs it after any command waiting in the queue, while three quarters of the frame remain.
   */
  train(): boolean
  /** Sends the page a snapshot: after each frame, and whenever the worker itself asks. */
  report(): void
  /** Tells the page why training stopped. */
  reportError(message: string): void
}

/** Play, pause and the frame timer of a training worker; one instance per worker. */
export interface WorkerLoop {
  /** Whether frames are being scheduled. */
  readonly running: boolean
  /** Starts training frames, unless already running. */
  play(): void
  /** Stops after the current piece; a piece already queued for this run is dropped. */
  stop(): void
  /** Runs `work`; on an error stops and reports it to the page. Returns whether it succeeded. */
  guarded(work: () => void): boolean
}

/**
 * The run loop both training workers share: frames on a timer while playing, a report after each,
 * and errors stopping the loop and reaching the page.
 */
export function workerLoop(options: WorkerLoopOptions): WorkerLoop {
  let running = false
  let timer: ReturnType<typeof setTimeout> | undefined
  /** When the current frame began, and which run it belongs to (a stop ends the run). */
  let frameStarted = 0
  let run = 0
  /**
   * Further pieces of a frame hand control back to the event loop through this channel rather than
   * a timer (nested timers are throttled), so a pause waiting in the queue is handled within one
   * piece instead of after the whole frame.
   */
  const pieces = new MessageChannel()
  pieces.port1.onmessage = ({ data }: MessageEvent<number>) => {
    if (data === run) trainPiece()
  }

  function tick(): void {
    if (!running) return
    frameStarted = performance.now()
    trainPiece()
  }

  function trainPiece(): void {
    if (!running) return
    let more = false
    if (!guarded(() => (more = options.train()))) return
    if (more && performance.now() - frameStarted < options.frameMs * 0.75) {
      pieces.port2.postMessage(run)
      return
    }
    options.report()
    if (running) {
      timer = setTimeout(tick, Math.max(0, options.frameMs - (performance.now() - frameStarted)))
    }
  }

  function guarded(work: () => void): boolean {
    try {
      work()
      return true
    } catch (error) {
      stop()
      options.reportError(error instanceof Error ? error.message : String(error))
      return false
    }
  }

  function stop(): void {
    running = false
    run++
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  return {
    get running() {
      return running
    },
    play() {
      if (running) return
      running = true
      timer = setTimeout(tick, 0)
    },
    stop,
    guarded,
  }
}
