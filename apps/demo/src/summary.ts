import { type Evaluation, type MLP, OPTIMIZERS } from '@mg/nn'
import pc from 'picocolors'
import type { LoadedData } from './load-dataset.js'
import type { TrainOptions } from './parse-options.js'
import { formatLoss, formatPercent } from './progress.js'
import { learningRateSchedule, type TrainingRun } from './run-training.js'

/** The figures of a training run: printed as text, or as JSON with `--json`, and saved in metrics.json. */
export interface Summary {
  dataset: { name: string; samples: number; classes: number; noise: number; seed: number }
  heldOut: { samples: number; seed: number; source: string }
  model: { sizes: number[]; activation: string; parameters: number }
  training: {
    loss: string
    l2: number
    optimizer: string
    learningRate: { start: number; end: number; schedule: 'linear decay' }
    steps: number
    batchSize: number
    /** Whether the steps replayed a compiled graph (`--compiled`) or built one each time. */
    compiled: boolean
  }
  results: {
    trainAccuracy: number
    trainLoss: number
    testAccuracy: number
    testLoss: number
    totalMs: number
    msPerStep: number
  }
  outputs: string[]
}

/** Collects the figures of a finished run. */
export function summarize(parts: {
  options: TrainOptions
  data: LoadedData
  run: TrainingRun
  trainEvaluation: Evaluation
  testEvaluation: Evaluation
  outputs: string[]
}): Summary {
  const { options, data, run, trainEvaluation, testEvaluation, outputs } = parts
  return {
    dataset: {
      name: options.dataset,
      samples: data.train.X.length,
      classes: options.classes,
      noise: options.noise,
      seed: options.seed,
    },
    heldOut: {
      samples: data.test.X.length,
      seed: data.testSeed,
      source: data.heldOut.source,
    },
    model: {
      sizes: [run.model.nin, ...run.model.nouts],
      activation: options.activation,
      parameters: run.model.parameterCount,
    },
    training: {
      loss: options.loss,
      l2: options.l2,
      optimizer: options.optimizer,
      learningRate: {
        start: options.learningRate,
        end: run.finalLearningRate,
        schedule: 'linear decay',
      },
      steps: options.steps,
      batchSize: options.batchSize,
      compiled: options.compiled,
    },
    results: {
      trainAccuracy: trainEvaluation.accuracy,
      trainLoss: trainEvaluation.loss,
      testAccuracy: testEvaluation.accuracy,
      testLoss: testEvaluation.loss,
      totalMs: run.history.totalMs,
      msPerStep: run.history.totalMs / options.steps,
    },
    outputs,
  }
}

/** The two lines printed before training: what is trained on what, and how. */
export function formatHeader(options: TrainOptions, data: LoadedData, model: MLP): string {
  const batches =
    options.batchSize === options.samples ? 'full-batch' : `batch-${options.batchSize}`
  const schedule = learningRateSchedule(options)
  const l2 = options.l2 > 0 ? ` + ${options.l2} L2` : ''
  return (
    `${pc.bold(data.description)} → MLP(${model.nin}, [${model.nouts.join(', ')}]), ` +
    `${options.activation}, ${model.parameterCount} parameters\n` +
    `${options.loss} loss${l2} · ${OPTIMIZERS[options.optimizer].title}, learning rate ` +
    `${options.learningRate} → ${round(schedule(options.steps - 1))} (linear decay) · ` +
    `${options.steps} ${batches} steps${options.compiled ? ' · compiled' : ''}\n`
  )
}

/**
 * The lines printed after training: accuracies, time, and where the outputs went; `heldOut` says
 * in a few words where the held-out set came from (`LoadedData`'s `heldOut.short`).
 */
export function formatSummary(summary: Summary, heldOut: string): string {
  const { results, training } = summary
  const seconds = (results.totalMs / 1000).toFixed(2)
  const mode = training.compiled ? 'compiled graph' : 'a new graph each step'
  return [
    `train accuracy     ${pc.bold(formatPercent(results.trainAccuracy).padStart(7))}   loss ${formatLoss(results.trainLoss)}`,
    `held-out accuracy  ${pc.bold(formatPercent(results.testAccuracy).padStart(7))}   loss ${formatLoss(results.testLoss)}` +
      pc.dim(`   (${heldOut})`),
    `time               ${seconds} s    ${results.msPerStep.toFixed(2)} ms/step` +
      pc.dim(`   (${mode})`),
    `wrote              ${summary.outputs.join('\n                   ')}`,
    '',
  ].join('\n')
}

/** Rounds away floating-point noise for display: 0.10900000000000004 → 0.109. */
function round(value: number): number {
  return Number(value.toPrecision(6))
}
