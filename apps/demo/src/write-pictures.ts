import type { Value } from '@mg/engine'
import { OPTIMIZERS } from '@mg/nn'
import { decisionBoundarySvg, functionPlotSvg, graphToDot, lossCurveSvg, renderSvg } from '@mg/viz'
import { renderPng } from '@mg/viz/png'
import type { LoadedData } from './load-dataset.js'
import type { TrainOptions } from './parse-options.js'
import type { TrainingRun } from './run-training.js'
import { tracedNeuron } from './traced-neuron.js'
import type { OutputFolder } from './write-atomically.js'

/**
 * Stages the pictures of a training run, each as SVG and PNG: the decision boundary over the
 * training points, the loss curve, and micrograd's traced neuron. Returns the file names.
 */
export async function writeTrainingPictures(
  folder: OutputFolder,
  parts: { options: TrainOptions; run: TrainingRun; data: LoadedData; trainAccuracy: number },
): Promise<string[]> {
  const { options, run, data, trainAccuracy } = parts
  const { model } = run
  const boundary = decisionBoundarySvg(
    (x0, x1) => {
      const outputs = model.predict([x0, x1])
      return outputs.length === 1 ? outputs[0]! : outputs
    },
    data.train,
    {
      // Every one-output model the demo trains predicts class 1 exactly when its score is above 0.
      threshold: 0,
      title: `${options.dataset} · train accuracy ${(trainAccuracy * 100).toFixed(1)} %`,
    },
  )
  const loss = lossCurveSvg(run.history, {
    title: `${options.loss} loss and ${options.batchSize < data.train.X.length ? 'batch ' : ''}accuracy · ${OPTIMIZERS[options.optimizer].title}`,
  })
  const neuron = await renderSvg(graphToDot(tracedNeuron(), { showGrad: true }))
  return [
    ...(await stageSvgAndPng(folder, 'decision-boundary', boundary)),
    ...(await stageSvgAndPng(folder, 'loss', loss)),
    ...(await stageSvgAndPng(folder, 'neuron-graph', neuron)),
  ]
}

/** f over [−2, 4] with its tangents at `at`, slopes by backprop. */
export function tangentPlotSvg(f: (x: Value) => Value, at: readonly number[]): string {
  return functionPlotSvg(f, { from: -2, to: 4, at, title: 'f(x) = 3x² − 4x + 5 and its tangents' })
}

/** Stages `<name>.svg` and `<name>.png` (rendered at twice the SVG's size). */
export async function stageSvgAndPng(
  folder: OutputFolder,
  name: string,
  svg: string,
): Promise<string[]> {
  await folder.stage(`${name}.svg`, svg)
  await folder.stage(`${name}.png`, renderPng(svg, { scale: 2 }))
  return [`${name}.svg`, `${name}.png`]
}
