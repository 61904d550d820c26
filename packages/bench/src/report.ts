import type { Machine } from './machine.js'
import type { Measurement } from './measure.js'
import { format, type RunFigures, type TargetResult } from './targets.js'
import { flopsPerStep, type Workload } from './workloads.js'

/** Everything one `pnpm bench` run measured, as written to `results/*.json`. */
export interface RunReport extends RunFigures {
  readonly date: string
  readonly machine: Machine
  readonly workloads: readonly Workload[]
  readonly descriptions: Readonly<Record<string, string>>
  readonly agreement: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly memoryNodes: Readonly<Record<string, { nodeCount: number; bytesPerNode: number }>>
  readonly targets: readonly TargetResult[]
}

/** A Markdown table. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/**
 * The results of one workload: speed (ms/step and GFLOP/s of its matrix products), ratio to
 * dense, cold start and the agreed losses.
 */
export function workloadTable(workload: Workload, measurements: readonly Measurement[]): string {
  const dense = measurements.find((entry) => entry.implementation === 'dense')
  const flops = flopsPerStep(workload)
  return table(
    [
      'implementation',
      'ms/step (median)',
      'GFLOP/s',
      '× dense',
      'round medians (ms)',
      'first steps (ms)',
      'losses of the first steps',
    ],
    measurements.map((entry) => [
      entry.implementation,
      format(entry.medianMs),
      (flops / (entry.medianMs * 1e6)).toPrecision(3),
      dense ? (entry.medianMs / dense.medianMs).toFixed(2) : '',
      entry.roundMedianRangeMs.map(format).join('–'),
      entry.firstStepsMs.map(format).join(', '),
      entry.firstLosses.map((loss) => loss.toPrecision(entry.float32 ? 7 : 15)).join(', '),
    ]),
  )
}

/** The implementations skipped on a workload and why, as a sentence, or '' when none were. */
export function skippedSentence(skipped: Readonly<Record<string, string>> = {}): string {
  const entries = Object.entries(skipped)
  if (entries.length === 0) return ''
  return `Skipped: ${entries.map(([name, reason]) => `${name} (${reason})`).join('; ')}.`
}

/** The whole run as Markdown, for the console and for BENCHMARKS.md. */
export function runMarkdown(report: RunReport): string {
  const { machine } = report
  const load = `load average ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end?.toFixed(1) ?? '?'} at the end`
  const parts = [
    `Run of ${report.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform} (${load}).`,
  ]
  for (const workload of report.workloads) {
    const measurements = report.measurements[workload.name] ?? []
    const nodes = measurements.find((entry) => entry.nodeCount !== undefined)?.nodeCount
    const agreement = Object.entries(report.agreement[workload.name] ?? {})
      .map(([name, difference]) => `${name} ${difference.toExponential(1)}`)
      .join(', ')
    parts.push(
      `#### ${workload.name}: ${workload.description}${nodes ? ` (${nodes.toLocaleString('en')} graph nodes)` : ''}`,
      workloadTable(workload, measurements),
      `Largest relative difference of the first losses from dense: ${agreement}.`,
    )
    const skipped = skippedSentence(report.skipped[workload.name])
    if (skipped) parts.push(skipped)
  }
  const { firstStep, trainerMemory } = report
  parts.push(
    '#### Dynamic engine memory (a plain `node` child process, no flags)',
    table(
      [
        'workload',
        'graph nodes per step',
        'heap bytes per live node',
        'peak RSS',
        'step times (ms)',
      ],
      Object.entries(report.memory).map(([workload, memory]) => [
        workload,
        (report.memoryNodes[workload]?.nodeCount ?? 0).toLocaleString('en'),
        (report.memoryNodes[workload]?.bytesPerNode ?? 0).toFixed(0),
        `${(memory.peakRssBytes / 2 ** 20).toFixed(0)} MB`,
        memory.stepsMs.map(format).join(', '),
      ]),
    ),
    '#### Compile time',
    table(
      ['workload', 'record the graph (ms)', 'compileGraph (ms)'],
      report.workloads.map((workload) => {
        const compiled = report.measurements[workload.name]?.find(
          (entry) => entry.implementation === 'compiled',
        )
        return [
          workload.name,
          format(compiled?.recordMs ?? Number.NaN),
          format(compiled?.compileMs ?? Number.NaN),
        ]
      }),
    ),
    `W1 in fresh processes (median of 5): compileGraph ${format(report.compile.coldMs)} ms on its first call, ${format(report.compile.warmMs)} ms on the next ones.`,
    `${firstStep.workload} through createTrainer in fresh processes (median of 3): first step ${format(firstStep.firstStepMs)} ms, a later one ${format(firstStep.stepMs)} ms, so recording and compiling take ${format(firstStep.recordAndCompileMs)} ms.`,
    '#### Training memory (createTrainer, compiled, historyLimit 0)',
    `W1 for ${trainerMemory.steps.toLocaleString('en')} steps in a \`node --expose-gc\` child process (${format(trainerMemory.msPerStep)} ms/step): live heap after a full GC ${(trainerMemory.heapAtSettledBytes / 2 ** 20).toFixed(2)} MB at step ${trainerMemory.settledAt.toLocaleString('en')}, ${(trainerMemory.heapAtEndBytes / 2 ** 20).toFixed(2)} MB at the last.`,
    '#### Targets',
    table(
      ['target', 'this run', 'met'],
      report.targets.map((result) => [
        result.target,
        result.measured,
        result.met ? 'yes' : '**no**',
      ]),
    ),
  )
  return parts.join('\n\n')
}
