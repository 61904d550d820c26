import * as tf from '@tensorflow/tfjs'
import { L2_ALPHA, LEARNING_RATE, type Problem } from '../workloads.js'
import type { Implementation } from './trainer.js'

/** TensorFlow.js with its pure-JavaScript CPU backend (float32: TF.js has no float64). */
export const tfjsImplementation: Implementation = {
  name: 'tfjs-cpu',
  description: `@tensorflow/tfjs ${tf.version.tfjs}, tf.setBackend('cpu'), float32; W4 with tf.logSoftmax`,
  float32: true,
  async create(problem) {
    // Production mode skips TF.js's debug checks (and its advice to install tfjs-node).
    tf.enableProdMode()
    await tf.setBackend('cpu')
    await tf.ready()
    const { sizes, nSamples } = problem.workload
    const variables = layerVariables(problem)
    const points = tf.tensor2d(Float32Array.from(problem.points), [nSamples, sizes[0]!])
    const labels =
      problem.workload.loss === 'hinge'
        ? tf.tensor2d(Float32Array.from(problem.labels), [nSamples, 1])
        : tf.tidy(() =>
            tf
              .oneHot(tf.tensor1d(Int32Array.from(problem.labels), 'int32'), sizes.at(-1)!)
              .toFloat(),
          )
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

/** Each layer's weights as an `nin × nout` matrix and its biases, from micrograd's flat order. */
function layerVariables(problem: Problem) {
  const { sizes } = problem.workload
  const flat = problem.initialParameters
  let at = 0
  return sizes.slice(1).map((nout, layer) => {
    const nin = sizes[layer]!
    const weights = new Float32Array(nin * nout)
    const bias = new Float32Array(nout)
    for (let neuron = 0; neuron < nout; neuron++) {
      for (let input = 0; input < nin; input++) weights[input * nout + neuron] = flat[at++]!
      bias[neuron] = flat[at++]!
    }
    return {
      weights: tf.variable(tf.tensor2d(weights, [nin, nout])),
      bias: tf.variable(tf.tensor1d(bias)),
    }
  })
}
