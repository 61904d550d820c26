import { workerLoop } from '../training/worker-loop.js'
import { workerScope } from '../training/worker-scope.js'
import type { DigitsMessage, DigitsReport } from './digits-messages.js'
import { DigitsSession } from './digits-session.js'

const scope = workerScope<DigitsMessage, DigitsReport>()
/**
 * Steps between reports: the network passes 95 % in a few hundred steps, so at 100 steps a second
 * the accuracy climbs over a few seconds, slowly enough to watch.
 */
const STEPS_PER_REPORT = 10

let session = new DigitsSession()
let generation = 0
let sequence = 0

const loop = workerLoop({
  /**
   * Milliseconds between reports while training: each measures both splits (about 1,800 replays
   * of the compiled forward pass, some 10 ms), ten a second.
   */
  frameMs: 100,
  train() {
    session.train(STEPS_PER_REPORT)
    return false
  },
  report,
  reportError(message) {
    scope.postMessage({ type: 'error', message, generation }, [])
  },
})

scope.onmessage = ({ data: command }) => {
  sequence = command.sequence
  switch (command.type) {
    case 'play':
      loop.play()
      break
    case 'pause':
      loop.stop()
      report()
      break
    case 'reset':
      loop.stop()
      generation++
      session = new DigitsSession()
      report()
      break
  }
}
report()

function report(): void {
  const snapshot = session.snapshot()
  scope.postMessage({ type: 'snapshot', snapshot, running: loop.running, generation, sequence }, [
    snapshot.parameters.buffer,
    snapshot.testPredictions.buffer,
  ] as Transferable[])
}
