import type { Snapshot } from '../training/training-session.js'

/** Writes the step, epoch, losses and accuracies of a snapshot into the page's counters. */
export function showStats(snapshot: Snapshot): void {
  const write = (id: string, text: string) => {
    const element = document.getElementById(id)
    if (element && element.textContent !== text) element.textContent = text
  }
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`
  write('stat-step', String(snapshot.step))
  write('stat-epoch', snapshot.epoch.toFixed(snapshot.epoch < 10 ? 1 : 0))
  write('stat-train-loss', snapshot.train.loss.toFixed(3))
  write('stat-test-loss', snapshot.test.loss.toFixed(3))
  write('stat-train-accuracy', percent(snapshot.train.accuracy))
  write('stat-test-accuracy', percent(snapshot.test.accuracy))
  if (snapshot.msPerStep > 0)
    write('ms-per-step', `${snapshot.msPerStep.toFixed(snapshot.msPerStep < 10 ? 2 : 0)} ms/step`)
}
