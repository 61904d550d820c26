import type { Implementation, Trainer } from './implementations/trainer.js'

/** How long to time each implementation on one workload. */
export interface TimingPlan {
  /** Untimed warm-up after them, in milliseconds (at least one step). */
  readonly warmupMs: number
  /** Timed rounds; implementations take turns, so a busy machine slows them all alike. */
  readonly rounds: number
  /** Length of one implementation's turn in a round, in milliseconds (at least one step). */
  readonly roundMs: number
}

/** What one implementation measured on one workload. */
export interface Measurement {
  readonly implementation: string
  readonly float32: boolean
  /** Losses of the first steps from the shared initial weights. */
  readonly firstLosses: number[]
  /** Milliseconds of each of those first steps. */
  readonly firstStepsMs: number[]
  /** Median over every timed step of every round. */
  readonly medianMs: number
  /** Lowest and highest of the rounds' medians: how steady the machine was. */
  readonly roundMedianRangeMs: [number, number]
  readonly timedSteps: number
  readonly recordMs?: number
  readonly compileMs?: number
  readonly nodeCount?: number
}

/** The losses and times of each trainer's first steps, from the shared initial weights. */
export interface FirstSteps {
  readonly losses: number[]
  readonly times: number[]
}

/** Runs each trainer's first steps one by one: the losses to compare, and the cold-start times. */
export function runFirstSteps(trainers: readonly Trainer[], steps: number): FirstSteps[] {
  return trainers.map((trainer) => {
    const losses: number[] = []
    const times: number[] = []
    for (let step = 0; step < steps; step++) {
      const start = performance.now()
      losses.push(trainer.step())
      times.push(performance.now() - start)
    }
    return { losses, times }
  })
}

/** Largest relative difference between two lists of losses. */
export function relativeDifference(
  losses: readonly number[],
  reference: readonly number[],
): number {
  let largest = 0
  losses.forEach((loss, index) => {
    const expected = reference[index]!
    largest = Math.max(largest, Math.abs(loss - expected) / Math.max(1e-300, Math.abs(expected)))
  })
  return largest
}

/** Warms every trainer up, then times them in turns, round after round. */
export function measure(
  implementations: readonly Implementation[],
  trainers: readonly Trainer[],
  first: readonly FirstSteps[],
  plan: TimingPlan,
): Measurement[] {
  for (const trainer of trainers) runFor(trainer, plan.warmupMs)
  const timed = trainers.map(() => [] as number[])
  const roundMedians = trainers.map(() => [] as number[])
  for (let round = 0; round < plan.rounds; round++) {
    trainers.forEach((trainer, index) => {
      const times = runFor(trainer, plan.roundMs)
      timed[index]!.push(...times)
      roundMedians[index]!.push(median(times))
    })
  }
  return implementations.map((implementation, index) => {
    const trainer = trainers[index]!
    return {
      implementation: implementation.name,
      float32: implementation.float32 === true,
      firstLosses: first[index]!.losses,
      firstStepsMs: first[index]!.times,
      medianMs: median(timed[index]!),
      roundMedianRangeMs: [Math.min(...roundMedians[index]!), Math.max(...roundMedians[index]!)],
      timedSteps: timed[index]!.length,
      ...(trainer.recordMs === undefined ? {} : { recordMs: trainer.recordMs }),
      ...(trainer.compileMs === undefined ? {} : { compileMs: trainer.compileMs }),
      ...(trainer.nodeCount === undefined ? {} : { nodeCount: trainer.nodeCount }),
    }
  })
}

/** Steps the trainer for about `milliseconds` (at least once) and returns each step's time. */
function runFor(trainer: Trainer, milliseconds: number): number[] {
  const times: number[] = []
  const end = performance.now() + milliseconds
  do {
    const start = performance.now()
    trainer.step()
    times.push(performance.now() - start)
  } while (performance.now() < end)
  return times
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
