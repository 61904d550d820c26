import { TrainingSession } from './training-session.js'
import { workerLoop } from './worker-loop.js'
import { type FromWorker, SPEEDS, type Speed, type ToWorker } from './worker-messages.js'
import { workerScope } from './worker-scope.js'

const scope = workerScope<ToWorker, FromWorker>()
const MESH_RESOLUTION = 64
/** Steps per burst in fast mode, between looks at the clock. */
const FAST_BURST = 5

let session: TrainingSession | undefined
let configuration = 0
let speed: Speed = 'normal'
let sequence = 0

const loop = workerLoop({
  /** Pictures per second while playing: smooth to watch, and most of each frame left for training. */
  frameMs: 40,
  train() {
    const budget = SPEEDS[speed]
    // Fast: small bursts until the frame is mostly spent, so a pause is heard within one burst.
    const fast = !Number.isFinite(budget)
    session?.train(fast ? FAST_BURST : budget)
    return fast
  },
  report,
  reportError(message) {
    scope.postMessage({ type: 'error', message, configuration }, [])
  },
})

scope.onmessage = ({ data: message }) => {
  sequence = message.sequence
  switch (message.type) {
    case 'configure':
      loop.stop()
      configuration = message.id
      loop.guarded(() => {
        session = new TrainingSession(message.settings, message.data, message.parameters)
      })
      report()
      break
    case 'play':
      if (session) loop.play()
      break
    case 'pause':
      loop.stop()
      report()
      break
    case 'step':
      loop.guarded(() => session?.train(message.count))
      report()
      break
    case 'hyperparameters':
      loop.guarded(() => session?.setHyperparameters(message.hyperparameters))
      break
    case 'speed':
      speed = message.speed
      break
  }
}

function report(): void {
  if (!session) return
  let snapshot: ReturnType<TrainingSession['snapshot']> | undefined
  if (!loop.guarded(() => (snapshot = session?.snapshot(MESH_RESOLUTION))) || !snapshot) return
  const transfer = [
    snapshot.parameters.buffer,
    snapshot.mesh.labels.buffer,
    snapshot.mesh.confidence.buffer,
  ]
  scope.postMessage(
    { type: 'snapshot', snapshot, running: loop.running, configuration, sequence },
    transfer as Transferable[],
  )
}
