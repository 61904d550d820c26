import { createRequire } from 'node:module'
import path from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import { L2_ALPHA, LEARNING_RATE, layerMatrices, type Problem } from '../workloads.js'
import type { Implementation } from './trainer.js'

/** A TF.js backend the benchmark times: the pure-JavaScript one, or the WebAssembly one. */
type TfjsBackend = 'cpu' | 'wasm'

/** The `.wasm` files ship in the backend package's dist folder; Node reads them by file path. */
const WASM_FOLDER = `${path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`

/** TensorFlow.js with its pure-JavaScript CPU backend (float32: TF.js has no float64). */
export const tfjsCpuImplementation = tfjsImplementation(
  'cpu',
  `@tensorflow/tfjs ${tf.version.tfjs}, tf.setBackend('cpu'), float32; W4 with tf.logSoftmax`,
)

/** TensorFlow.js with its WebAssembly backend (XNNPACK kernels, SIMD, one thread here). */
export const tfjsWasmImplementation = tfjsImplementation(
  'wasm',
  `@tensorflow/tfjs ${tf.version.tfjs} with @tensorflow/tfjs-backend-wasm, tf.setBackend('wasm') (SIMD, one thread), float32`,
)

/**
 * The demo's step in TF.js on `backend`: the same model, loss and `tf.train.sgd` update whatever
 * the backend, so the two TF.js rows differ only in where the kernels run.
 */
function tfjsImplementation(backend: TfjsBackend, description: string): Implementation {
  return {
    name: `tfjs-${backend}`,
    description,
    float32: true,
    async create(problem) {
      // Production mode skips TF.js's debug checks (and its advice to install tfjs-node).
      tf.enableProdMode()
      if (backend === 'wasm') setWasmPaths(WASM_FOLDER)
      await tf.setBackend(backend)
      await tf.ready()
      const { sizes, nSamples } = problem.workload
      const variables = layerMatrices(problem).map(({ nin, nout, weights, bias }) => ({
        weights: tf.variable(tf.tensor2d(Float32Array.from(weights), [nin, nout])),
        bias: tf.variable(tf.tensor1d(Float32Array.from(bias))),
      }))
      const points = tf.tensor2d(Float32Array.from(problem.points), [nSamples, sizes[0]!])
      const labels = labelTensor(problem)
      const optimizer = tf.train.sgd(LEARNING_RATE)
      const loss = () =>
        tf.tidy(() => {
          let activations: tf.Tensor2D = points
          variables.forEach(({ weights, bias }, layer) => {
            const total = activations.matMul(weights).add(bias) as tf.Tensor2D
            activations = layer + 1 < variables.length ? total.relu() : total
          })
          const dataLoss =
            problem.workload.loss === 'hinge'
              ? tf.relu(tf.sub(1, labels.mul(activations))).mean()
              : labels.mul(tf.logSoftmax(activations)).sum(1).mean().neg()
          let squares: tf.Scalar = tf.scalar(0)
          for (const { weights, bias } of variables)
            squares = squares.add(weights.square().sum()).add(bias.square().sum())
          return dataLoss.add(squares.mul(L2_ALPHA)) as tf.Scalar
        })
      return {
        step() {
          // The two TF.js trainers take turns in one process: each step runs on its own backend,
          // where its tensors live. Switching to a backend already started is synchronous.
          if (tf.getBackend() !== backend) void tf.setBackend(backend)
          const value = optimizer.minimize(loss, true)!
          const number = value.dataSync()[0]!
          value.dispose()
          return number
        },
        dispose() {
          for (const { weights, bias } of variables) tf.dispose([weights, bias])
          tf.dispose([points, labels])
          optimizer.dispose()
        },
      }
    },
  }
}

/** ±1 labels as an `n × 1` column for hinge loss, or one-hot rows for softmax cross-entropy. */
function labelTensor(problem: Problem): tf.Tensor {
  const { sizes, nSamples, loss } = problem.workload
  if (loss === 'hinge') return tf.tensor2d(Float32Array.from(problem.labels), [nSamples, 1])
  return tf.tidy(() =>
    tf.oneHot(tf.tensor1d(Int32Array.from(problem.labels), 'int32'), sizes.at(-1)!).toFloat(),
  )
}
