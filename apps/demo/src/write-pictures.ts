import type { Value } from '@mg/engine'
import { OPTIMIZERS } from '@mg/nn'
import {
  confusionMatrixSvg,
  decisionBoundarySvg,
  functionPlotSvg,
  graphToDot,
  imageGridSvg,
  lossCurveSvg,
  renderSvg,
} from '@mg/viz'
import { renderPng } from '@mg/viz/png'
import type { LoadedData } from './load-dataset.js'
import type { TrainOptions } from './parse-options.js'
import { predictedClass } from './predicted-class.js'
import type { TrainingRun } from './run-training.js'
import { tracedNeuron } from './traced-neuron.js'
import type { OutputFolder } from './write-atomically.js'

/**
 * Stages the pictures of a training run, each as SVG and PNG: the decision boundary over the
 * training points (for the digits instead held-out digits with their predictions, and the
 * confusion matrix), the loss curve, and micrograd's traced neuron. Returns the file names.
 */
export async function writeTrainingPictures(
  folder: OutputFolder,
  parts: { options: TrainOptions; run: TrainingRun; data: LoadedData; trainAccuracy: number },
): Promise<string[]> {
  const { options, run, data } = parts
  const loss = lossCurveSvg(run.history, {
    title: `${options.loss} loss and ${options.batchSize < data.train.X.length ? 'batch ' : ''}accuracy · ${OPTIMIZERS[options.optimizer].title}`,
  })
  const neuron = await renderSvg(graphToDot(tracedNeuron(), { showGrad: true }))
  const dataPictures =
    options.dataset === 'digits'
      ? await digitsPictures(folder, run, data)
      : await stageSvgAndPng(folder, 'decision-boundary', boundarySvg(parts))
  return [
    ...dataPictures,
    ...(await stageSvgAndPng(folder, 'loss', loss)),
    ...(await stageSvgAndPng(folder, 'neuron-graph', neuron)),
  ]
}

/** Stages the held-out digits with their predictions, and the confusion matrix. */
async function digitsPictures(
  folder: OutputFolder,
  run: TrainingRun,
  data: LoadedData,
): Promise<string[]> {
  const predicted = data.test.X.map((x) => predictedClass(run.model.predict(x)))
  return [
    ...(await stageSvgAndPng(folder, 'digits', digitsSvg(data, predicted))),
    ...(await stageSvgAndPng(
      folder,
      'confusion-matrix',
      confusionMatrixSvg(data.test.y, predicted, {
        title: 'Held-out digits: actual and predicted',
      }),
    )),
  ]
}

/** The decision boundary of a model on two features, over the training points. */
function boundarySvg(parts: {
  options: TrainOptions
  run: TrainingRun
  data: LoadedData
  trainAccuracy: number
}): string {
  const { options, run, data, trainAccuracy } = parts
  const { model } = run
  return decisionBoundarySvg(
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
}

const SHOWN_DIGITS = 60

/**
 * Held-out digits captioned `label → prediction`: every one predicted wrong (framed), then right
 * ones in the held-out order, {@link SHOWN_DIGITS} in all.
 */
function digitsSvg(data: LoadedData, predicted: readonly number[]): string {
  const indices = data.test.y.map((_, index) => index)
  const wrong = indices.filter((index) => predicted[index] !== data.test.y[index])
  const right = indices.filter((index) => predicted[index] === data.test.y[index])
  const shown = [...wrong, ...right].slice(0, SHOWN_DIGITS)
  return imageGridSvg(
    shown.map((index) => data.test.X[index]!),
    {
      range: [0, 1],
      captions: shown.map((index) => `${data.test.y[index]} → ${predicted[index]}`),
      highlight: shown.map((index) => predicted[index] !== data.test.y[index]),
      title: `Held-out digits, label → prediction: ${wrong.length} of ${data.test.y.length} wrong (framed)`,
    },
  )
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
