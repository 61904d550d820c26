import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPeerTrainer } from '../peers/peer-trainer.js'
import { L2_ALPHA, LEARNING_RATE, layerMatrices } from '../workloads.js'
import { type Implementation, ImplementationUnavailableError } from './trainer.js'

const require = createRequire(import.meta.url)
/** jax-js's exports map hides its package.json: it sits beside the folder of its entry point. */
const JAX_FOLDER = path.join(path.dirname(require.resolve('@jax-js/jax')), '..')
/** The `deno` package's own installer: it finds the binary the package ships. */
const DENO_INSTALLER = require.resolve('deno/install_api.cjs')
const DENO_FOLDER = path.dirname(DENO_INSTALLER)
/** This package's folder: the `jax-peer` script's paths are relative to it. */
const PACKAGE_FOLDER = fileURLToPath(new URL('../../', import.meta.url))
/**
 * The arguments of `deno` in this package's `jax-peer` script, which also starts the peer by hand:
 * `run` the step script, allowed to read files only (itself, and jax-js in node_modules).
 */
const DENO_ARGUMENTS = manifest(PACKAGE_FOLDER).scripts!['jax-peer']!.split(' ').slice(1)

/**
 * jax-js (`@jax-js/jax`) in a Deno child process, since it needs `Float16Array`, which Node 20
 * lacks: the same MLP from the same weights, one `jit`-compiled step of forward, loss,
 * `valueAndGrad` and SGD update on its `wasm` device, float32.
 */
export const jaxJsImplementation: Implementation = {
  name: 'jax-js',
  description: `@jax-js/jax ${manifest(JAX_FOLDER).version} under Deno ${manifest(DENO_FOLDER).version} (npm's deno package): one jit-compiled step (forward, loss, valueAndGrad, SGD update) on its wasm device, kernels on the calling thread, float32`,
  float32: true,
  async create(problem) {
    const { workload, points, labels } = problem
    const command = { command: denoBinary(), args: DENO_ARGUMENTS, cwd: PACKAGE_FOLDER }
    return startPeerTrainer('jax-js', command, {
      loss: workload.loss,
      points: Array.from(points),
      labels: Array.from(labels),
      layers: layerMatrices(problem),
      learningRate: LEARNING_RATE,
      l2Alpha: L2_ALPHA,
    })
  },
}

/** The binary the `deno` package ships, linked into place by its installer if need be. */
function denoBinary(): string {
  try {
    return (require(DENO_INSTALLER) as { runInstall(): string }).runInstall()
  } catch (error) {
    throw new ImplementationUnavailableError(
      `the deno package's binary is missing (${error instanceof Error ? error.message : String(error)}); run pnpm install`,
    )
  }
}

/** The package.json of the package in `folder`. */
function manifest(folder: string): { version: string; scripts?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'))
}
