import { type FloatArray, LENGTH, RECORD_WIDTH, REPEAT, ROWS } from '../tape.js'
import { elementwiseInKernel } from './elementwise-kernel.js'
import { COLUMN_BLOCK, type Precision } from './precision.js'
import { instantiateKernels, type Kernels, kernelMemory } from './wasm-kernels.js'

/** The numbers a compiled graph works on, one entry per slot. */
export interface GraphMemory {
  readonly precision: Precision
  /** The value of every slot. */
  readonly values: FloatArray
  /** The gradient of the output with respect to every slot. */
  readonly grads: FloatArray
  /** The input of each fused activation, kept by the forward pass for its derivative. */
  readonly preActivations: FloatArray
  /**
   * The WebAssembly kernels and the matrix kernel's scratch, when the tape has batched layers or
   * elementwise records for them to run.
   */
  readonly wasm: WasmKernels | undefined
}

/** The WebAssembly kernels, the memory they share with the graph's arrays, and their scratch. */
export interface WasmKernels extends Kernels {
  /** Bytes per element. */
  readonly bytes: number
  /** Columns per kernel block: a scratch matrix the kernel reads is as wide as a multiple of it. */
  readonly block: number
  /** Every number of the kernel's memory, for copies from one of its regions to another. */
  readonly all: FloatArray
  /** Byte offsets of `values` and `grads` in the kernel's memory (a slot's is this plus slot · bytes). */
  readonly valuesAt: number
  readonly gradsAt: number
  /**
   * Byte offset of `Wᵀ`, `length × width`, for the forward pass; in the backward pass, of a copy of
   * `W` whose rows do not collide in the cache, where `W`'s own do.
   */
  readonly weightsAt: number
  /** The layer's biases side by side, for the forward pass; the bias gradients, for the backward. */
  readonly biases: FloatArray
  readonly biasesAt: number
  /** `G = ∂L/∂Z`, `rows × width`, for the backward pass. */
  readonly sums: FloatArray
  readonly sumsAt: number
}

/** Bytes between arrays: a whole SIMD vector, so every array starts aligned for it. */
const ALIGN = 16
/** Room past the end: the kernel reads up to a column block past the last row it reads. */
const SLACK = 64

/**
 * Rows of a matrix a multiple of this many bytes apart fall into a few of the cache's sets, and
 * walking the matrix down its columns, as the kernels do, evicts what they just loaded: the
 * transpose of a 256 × 256 float64 layer took 160 µs instead of 12, and `G·W` a third longer.
 */
const CACHE_SET_SPAN = 256

/** Whether rows `rowBytes` apart fall into the same few cache sets (see {@link paddedWidth}). */
export function rowsCollide(rowBytes: number): boolean {
  return rowBytes % CACHE_SET_SPAN === 0
}

/**
 * `columns` rounded up to a whole number of the kernel's column blocks, and one block more when
 * rows that wide would collide in the cache ({@link rowsCollide}): the width of the kernels'
 * scratch matrices.
 */
export function paddedWidth(columns: number, block: number, bytes: number): number {
  const width = Math.ceil(columns / block) * block
  return rowsCollide(width * bytes) ? width + block : width
}

/**
 * The graph's arrays for `slotCount` slots. When `simd` and the tape has records for the
 * WebAssembly kernels (batched layers, long elementwise records), they live in one WebAssembly
 * memory with the matrix kernel's scratch; otherwise they are plain typed arrays.
 */
export function allocateGraphMemory(
  records: Int32Array,
  slotCount: number,
  precision: Precision,
  simd: boolean,
): GraphMemory {
  const Floats = precision === 'float64' ? Float64Array : Float32Array
  const bytes = Floats.BYTES_PER_ELEMENT
  const scratch = scratchSizes(records, COLUMN_BLOCK[precision], bytes)
  if (!simd || (scratch === undefined && !elementwiseInKernel(records)))
    return {
      precision,
      values: new Floats(slotCount),
      grads: new Floats(slotCount),
      preActivations: new Floats(slotCount),
      wasm: undefined,
    }
  let end = 0
  const claim = (elements: number) => {
    const at = end
    end += Math.ceil((elements * bytes) / ALIGN) * ALIGN + ALIGN
    return at
  }
  const valuesAt = claim(slotCount)
  const gradsAt = claim(slotCount)
  const preActivationsAt = claim(slotCount)
  const { weights, biases, sums } = scratch ?? { weights: 0, biases: 0, sums: 0 }
  const weightsAt = claim(weights)
  const biasesAt = claim(biases)
  const sumsAt = claim(sums)
  const memory = kernelMemory(end + SLACK)
  const view = (at: number, elements: number) => new Floats(memory.buffer, at, elements)
  return {
    precision,
    values: view(valuesAt, slotCount),
    grads: view(gradsAt, slotCount),
    preActivations: view(preActivationsAt, slotCount),
    wasm: {
      ...instantiateKernels(memory, precision),
      bytes,
      block: COLUMN_BLOCK[precision],
      all: new Floats(memory.buffer),
      valuesAt,
      gradsAt,
      weightsAt,
      biases: view(biasesAt, biases),
      biasesAt,
      sums: view(sumsAt, sums),
      sumsAt,
    },
  }
}

/** The largest scratch matrices any batched layer needs, or `undefined` when there is none. */
function scratchSizes(records: Int32Array, block: number, bytes: number) {
  let found = false
  let weights = 0
  let biases = 0
  let sums = 0
  for (let at = 0; at < records.length; at += RECORD_WIDTH) {
    const rows = records[at + ROWS]!
    if (rows === 1) continue
    found = true
    const neurons = records[at + REPEAT]!
    const length = records[at + LENGTH]!
    const width = paddedWidth(neurons, block, bytes)
    // Wᵀ for the forward pass, or W with rows that do not collide for the backward pass.
    weights = Math.max(weights, length * width, neurons * paddedWidth(length, block, bytes))
    biases = Math.max(biases, width)
    sums = Math.max(sums, rows * width)
  }
  return found ? { weights, biases, sums } : undefined
}
