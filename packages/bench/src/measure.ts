import type { Implementation, PeerTrainer, Steps, Trainer } from './implementations/trainer.js'

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

/** An implementation's trainer on one workload, with the losses and times of its first steps. */
export interface Started {
  readonly implementation: Implementation
  readonly trainer: Trainer | PeerTrainer
  readonly first: Steps
}

/**
 * Takes at least `count` steps, and more until `milliseconds` have passed, timing each: here, or
 * in a peer's process, which times its own.
 */
export async function takeSteps(
  trainer: Trainer | PeerTrainer,
  count: number,
  milliseconds = 0,
): Promise<Steps> {
  if ('takeSteps' in trainer) return trainer.takeSteps(count, milliseconds)
  const losses: number[] = []
  const times: number[] = []
  const end = performance.now() + milliseconds
  do {
    const start = performance.now()
    losses.push(trainer.step())
    times.push(performance.now() - start)
  } while (losses.length < count || performance.now() < end)
  return { losses, times }
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
export async function measure(
  started: readonly Started[],
  plan: TimingPlan,
): Promise<Measurement[]> {
  for (const { trainer } of started) await takeSteps(trainer, 1, plan.warmupMs)
  const timed = started.map(() => [] as number[])
  const roundMedians = started.map(() => [] as number[])
  for (let round = 0; round < plan.rounds; round++) {
    for (const [index, { trainer }] of started.entries()) {
      const { times } = await takeSteps(trainer, 1, plan.roundMs)
      timed[index]!.push(...times)
      roundMedians[index]!.push(median(times))
    }
  }
  return started.map(({ implementation, trainer, first }, index) => {
    const { recordMs, compileMs, nodeCount } = 'step' in trainer ? trainer : {}
    return {
      implementation: implementation.name,
      float32: implementation.float32 === true,
      firstLosses: first.losses,
      firstStepsMs: first.times,
      medianMs: median(timed[index]!),
      roundMedianRangeMs: [Math.min(...roundMedians[index]!), Math.max(...roundMedians[index]!)],
      timedSteps: timed[index]!.length,
      ...(recordMs === undefined ? {} : { recordMs }),
      ...(compileMs === undefined ? {} : { compileMs }),
      ...(nodeCount === undefined ? {} : { nodeCount }),
    }
  })
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
