import { TrainingSession } from './training-session.js'
import { type FromWorker, SPEEDS, type Speed, type ToWorker } from './worker-messages.js'

/** The worker side of `postMessage`, typed without pulling the WebWorker lib into the page's types. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker, transfer: Transferable[]): void
}

const scope = self as unknown as WorkerScope
/** Pictures per second while playing: smooth to watch, and most of each frame left for training. */
const FRAME_MS = 40
const MESH_RESOLUTION = 64
/** Steps per burst in fast mode, between looks at the clock. */
const FAST_BURST = 5

let session: TrainingSession | undefined
let configuration = 0
let running = false
let speed: Speed = 'normal'
let timer: ReturnType<typeof setTimeout> | undefined
let sequence = 0

scope.onmessage = ({ data: message }) => {
  sequence = message.sequence
  switch (message.type) {
    case 'configure':
      stop()
      configuration = message.id
      guarded(() => {
        session = new TrainingSession(message.settings, message.data, message.parameters)
      })
      report()
      break
    case 'play':
      if (session && !running) {
        running = true
        timer = setTimeout(tick, 0)
      }
      break
    case 'pause':
      stop()
      report()
      break
    case 'step':
      guarded(() => session?.train(message.count))
      report()
      break
    case 'hyperparameters':
      guarded(() => session?.setHyperparameters(message.hyperparameters))
      break
    case 'speed':
      speed = message.speed
      break
  }
}

function tick(): void {
  if (!session || !running) return
  const started = performance.now()
  const budget = SPEEDS[speed]
  if (Number.isFinite(budget)) {
    guarded(() => session?.train(budget))
  } else {
    // Fast: train in small bursts for most of the frame, leaving the rest for the snapshot.
    while (running && performance.now() - started < FRAME_MS * 0.75) {
      if (!guarded(() => session?.train(FAST_BURST))) break
    }
  }
  report()
  if (running) timer = setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - started)))
}

function report(): void {
  if (!session) return
  let snapshot: ReturnType<TrainingSession['snapshot']> | undefined
  if (!guarded(() => (snapshot = session?.snapshot(MESH_RESOLUTION))) || !snapshot) return
  const transfer = [
    snapshot.parameters.buffer,
    snapshot.mesh.labels.buffer,
    snapshot.mesh.confidence.buffer,
  ]
  scope.postMessage(
    { type: 'snapshot', snapshot, running, configuration, sequence },
    transfer as Transferable[],
  )
}

/** Runs `work`; on an error stops training and tells the page why. Returns whether it succeeded. */
function guarded(work: () => void): boolean {
  try {
    work()
    return true
  } catch (error) {
    stop()
    const message = error instanceof Error ? error.message : String(error)
    scope.postMessage({ type: 'error', message, configuration }, [])
    return false
  }
}

function stop(): void {
  running = false
  if (timer !== undefined) clearTimeout(timer)
  timer = undefined
}
