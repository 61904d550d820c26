import { readFile } from 'node:fs/promises'
import { loadModel, type MLP, ModelFormatError } from '@mg/nn'
import { InputFileError, UsageError } from './cli-error.js'
import { numberList } from './parse-text.js'
import { predictedClass } from './predicted-class.js'
import type { Streams } from './streams.js'

/** What `predict` prints with `--json`. */
export interface Prediction {
  input: number[]
  /** The model's raw outputs: one score (two classes) or one logit per class. */
  outputs: number[]
  /** The predicted class: score above 0 means class 1; otherwise the largest logit's index. */
  class: number
}

/**
 * The `predict` command: loads a model saved by `train` and prints its prediction for `--x`.
 *
 * @throws {@link InputFileError} if the model file is missing, unreadable or not a saved model;
 * {@link UsageError} if `--x` is malformed or has the wrong number of features.
 */
export async function runPredict(
  raw: { model: string; x: string; json?: boolean },
  streams: Streams,
): Promise<Prediction> {
  const input = numberList('--x', raw.x)
  const model = await readModel(raw.model)
  if (input.length !== model.nin) {
    throw new UsageError(
      '--x',
      raw.x,
      `${model.nin} numbers, one per input of the model`,
      `Example: --x ${Array.from({ length: model.nin }, (_, index) => (index % 2 ? -0.2 : 0.5)).join(',')}`,
    )
  }
  const outputs = model.predict(input)
  const prediction: Prediction = { input, outputs, class: predictedClass(outputs) }
  if (raw.json) {
    streams.stdout.write(`${JSON.stringify(prediction)}\n`)
  } else {
    const scores =
      outputs.length === 1
        ? `score ${format(outputs[0]!)}`
        : `logits ${outputs.map(format).join(', ')}`
    streams.stdout.write(
      `MLP(${model.nin}, [${model.nouts.join(', ')}]) at (${input.join(', ')}): ${scores} → class ${prediction.class}\n`,
    )
  }
  return prediction
}

/** Reads and checks a saved model, turning every way it can fail into one clear message. */
async function readModel(path: string): Promise<MLP> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const problem =
      code === 'ENOENT'
        ? 'no such file. Train a model first: `pnpm demo` writes out/model.json'
        : code === 'EISDIR'
          ? 'is a folder, not a model file'
          : `cannot be read (${error instanceof Error ? error.message : String(error)})`
    throw new InputFileError(path, `--model ${path}: ${problem}`, { cause: error })
  }
  try {
    return loadModel(text).model
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error
    throw new InputFileError(path, `--model ${path} is not a saved model: ${error.message}`, {
      cause: error,
    })
  }
}

function format(value: number): string {
  return value.toFixed(4)
}
