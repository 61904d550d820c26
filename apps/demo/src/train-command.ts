import { join } from 'node:path'
import { evaluate, saveModel } from '@mg/nn'
import { loadDataset } from './load-dataset.js'
import type { TrainOptions } from './parse-options.js'
import { chooseProgressMode, startProgress } from './progress.js'
import { createModel, lossTargets, runTraining, type TrainingRun } from './run-training.js'
import type { Streams } from './streams.js'
import { formatHeader, formatSummary, type Summary, summarize } from './summary.js'
import { OutputFolder } from './write-atomically.js'

/**
 * The `train` command: checks the output folder, generates the data, trains with live progress,
 * evaluates on the held-out set, writes pictures, the model and the metrics (all or none), and
 * prints the summary (or, with `--json`, only the summary as JSON).
 */
export async function runTrain(options: TrainOptions, streams: Streams): Promise<Summary> {
  const folder = await OutputFolder.open(options.out)
  try {
    const data = loadDataset(options)
    const model = createModel(options, data.train.X[0]?.length ?? 0)
    const talk = !options.json && !options.quiet
    if (talk) streams.stdout.write(formatHeader(options, data, model))
    const progress = startProgress({
      mode: chooseProgressMode({
        json: options.json,
        quiet: options.quiet,
        isTTY: streams.stdout.isTTY === true,
        env: streams.env,
      }),
      total: options.steps,
      stream: streams.stdout,
    })
    let run: TrainingRun
    try {
      run = runTraining(options, model, data.train, progress)
    } finally {
      progress.stop()
    }
    const evaluationOptions = { loss: options.loss, l2Alpha: options.l2 }
    const trainEvaluation = evaluate(model, lossTargets(options, data.train), evaluationOptions)
    const testEvaluation = evaluate(model, lossTargets(options, data.test), evaluationOptions)
    // Graphviz (WebAssembly) and resvg load only once there is something to draw, so bad input
    // fails fast.
    const { writeTrainingPictures } = await import('./write-pictures.js')
    const pictures = await writeTrainingPictures(folder, {
      options,
      run,
      data,
      trainAccuracy: trainEvaluation.accuracy,
    })
    await folder.stage('model.json', `${saveModel(model)}\n`)
    const outputs = [...pictures, 'model.json', 'metrics.json'].map((name) =>
      join(folder.path, name),
    )
    const summary = summarize({ options, data, run, trainEvaluation, testEvaluation, outputs })
    const metrics = { ...summary, history: run.history.steps }
    await folder.stage('metrics.json', `${JSON.stringify(metrics, null, 2)}\n`)
    await folder.commit()
    if (options.json) streams.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    else if (talk) streams.stdout.write(formatSummary(summary, data.heldOut.short))
    return summary
  } catch (error) {
    await folder.discard()
    throw error
  }
}
