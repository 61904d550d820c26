import type { Measurement } from './measure.js'

/** One of the targets and where this run put it. */
export interface TargetResult {
  readonly target: string
  readonly measured: string
  readonly met: boolean
}

/** What the run measured, by workload and implementation. */
export interface RunFigures {
  readonly measurements: Readonly<Record<string, readonly Measurement[]>>
  readonly memory: Readonly<Record<string, { peakRssBytes: number; stepsMs: number[] }>>
  readonly compile: { coldMs: number; warmMs: number }
}

export function evaluateTargets(figures: RunFigures): TargetResult[] {
  const ms = (workload: string, implementation: string) =>
    figures.measurements[workload]?.find((entry) => entry.implementation === implementation)
      ?.medianMs ?? Number.NaN
  const ratio = (workload: string, implementation: string, base: string) =>
    ms(workload, implementation) / ms(workload, base)
  const results: TargetResult[] = []
  for (const [workload, limit] of [
    ['W1', 1.5],
    ['W2', 2],
    ['W3', 1.5],
  ] as const) {
    const value = ratio(workload, 'compiled', 'dense')
    results.push({
      target: `compiled within ${limit}× of dense on ${workload}`,
      measured: `${value.toFixed(2)}×`,
      met: value <= limit,
    })
  }
  const speedUp = ratio('W1', 'tfjs-cpu', 'compiled')
  results.push({
    target: 'compiled ≥ 10× faster than TF.js CPU on W1',
    measured: `${speedUp.toFixed(1)}× faster`,
    met: speedUp >= 10,
  })
  for (const workload of ['W1', 'W2']) {
    const value = ms(workload, 'dynamic')
    results.push({
      target: `dynamic API ≤ 10 ms/step on ${workload}`,
      measured: `${format(value)} ms/step`,
      met: value <= 10,
    })
    const memory = figures.memory[workload]
    if (memory !== undefined) {
      const gigabytes = memory.peakRssBytes / 2 ** 30
      results.push({
        target: `dynamic API under 1 GB on ${workload}, no special Node flags`,
        measured: `peak RSS ${gigabytes.toFixed(2)} GB`,
        met: gigabytes < 1,
      })
    }
  }
  results.push({
    target: 'compile time for W1 ≤ 50 ms',
    measured: `${figures.compile.coldMs.toFixed(1)} ms on the first call in a fresh process (median of 5), ${figures.compile.warmMs.toFixed(1)} ms on later calls`,
    met: figures.compile.coldMs <= 50,
  })
  return results
}

/** Milliseconds with about three significant digits. */
export function format(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return String(milliseconds)
  if (milliseconds >= 100) return milliseconds.toFixed(0)
  if (milliseconds >= 10) return milliseconds.toFixed(1)
  if (milliseconds >= 1) return milliseconds.toFixed(2)
  return milliseconds.toFixed(3)
}
