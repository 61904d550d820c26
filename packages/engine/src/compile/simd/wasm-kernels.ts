import { KERNEL_MODULES_BASE64 } from './kernel-modules.js'
import type { Precision } from './precision.js'

/**
 * `C[i·cRow + j] = Σ_{q < p} A[i·aRow + q·aCol] · B[q·bRow + j]` for `i < m`, `j < n`, in the
 * instance's memory, plus `bias[j]` when `bias ≥ 0`, then through the one-input op of code
 * `activation` (its index in `OP_LIST`; -1 for none, and only an op with a `lanes.forward`), or
 * added to C's old value when `accumulate` is 1. `a`, `b`, `c` and `bias` are byte offsets,
 * strides count elements; the kernel reads up to a column block past each row of B and C
 * (kernels/gemm-text.ts says exactly what it computes). Without `accumulate`, returns 1 when
 * every entry it stored is finite, else 0.
 */
type Gemm = (
  m: number,
  n: number,
  p: number,
  a: number,
  aRow: number,
  aCol: number,
  b: number,
  bRow: number,
  c: number,
  cRow: number,
  bias: number,
  accumulate: 0 | 1,
  activation: number,
) => number

/**
 * {@link Gemm} for one column, a layer of one neuron: `C[i·cRow] = f(Σ_{q < p} A[i·aRow + q] · B[q]
 * + bias)`, `b` the weights' row and `bias` the bias's own offset (or -1), the vectors running
 * across rows, each sum in the same order. Returns 1 when every entry it stored is finite, else 0.
 */
type Gemv = (
  m: number,
  p: number,
  a: number,
  aRow: number,
  b: number,
  c: number,
  cRow: number,
  bias: number,
  activation: number,
) => number

/**
 * The start of a batched layer's backward pass: for `rows` rows, `row` elements apart, of
 * `neurons` output gradients at `grads`, `G = f'(out) · g` into the matrix at `sums` (rows `width`
 * apart), `out` being the output at the same place of `values` and `f` the op of code `derivative`
 * (only one with a `lanes.derivativeFromOutput`; -1 for `G = g`), and the sum of each column of G
 * into `biasSums`. Byte offsets and element strides as {@link Gemm}'s; it reads and writes up to a
 * vector past each row. Returns 1 when every output gradient is finite, else 0.
 */
type GradientPrologue = (
  rows: number,
  neurons: number,
  grads: number,
  values: number,
  row: number,
  derivative: number,
  sums: number,
  width: number,
  biasSums: number,
) => number

/**
 * Every repetition of an elementwise record, forward, as `elementwiseForward` runs it: `out =
 * f(a, b)` for the op of `code` (one with lane forms), `out`, `a`, `b` byte offsets of the first
 * repetition's values and the strides in elements. Returns the first repetition whose result is
 * not finite, or -1 (kernels/elementwise-text.ts says exactly what it computes).
 */
type ElementwiseForward = (
  code: number,
  repeat: number,
  out: number,
  outStride: number,
  a: number,
  aStride: number,
  b: number,
  bStride: number,
) => number

/**
 * Every repetition of an elementwise record, backward, last first: the derivatives times the
 * output gradient into the inputs' gradients, which sit `grads` bytes past their values, for the
 * inputs `flags` asks for. Returns the first repetition whose output gradient is not finite, or -1.
 */
type ElementwiseBackward = (
  ...operands: [...Parameters<ElementwiseForward>, grads: number, flags: number]
) => number

/**
 * `y[k] += x[k] · a` for `k < length`, `x` and `y` byte offsets, computed in float64 as JavaScript
 * computes it over either kind of array.
 */
type Axpy = (length: number, a: number, x: number, y: number) => void

/**
 * `to[q·toRow + i] = from[i·fromRow + q]` for `i < rows`, `q < columns`: a layer's weights, a row
 * per neuron, as {@link Gemm} reads them, a column per neuron. Byte offsets, element strides.
 */
type Transpose = (
  rows: number,
  columns: number,
  from: number,
  fromRow: number,
  to: number,
  toRow: number,
) => void

/** The kernels of one precision, working in one memory. */
export interface Kernels {
  readonly gemm: Gemm
  readonly gemv: Gemv
  readonly gradient: GradientPrologue
  readonly forward: ElementwiseForward
  readonly backward: ElementwiseBackward
  readonly axpy: Axpy
  readonly transpose: Transpose
}

/**
 * The part of the WebAssembly JavaScript API the kernel uses, typed here: the engine compiles
 * without the DOM's type library, and a runtime may lack WebAssembly altogether.
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number }) => KernelMemory
}

/** A WebAssembly memory: its bytes, which the graph's typed arrays view. */
export interface KernelMemory {
  readonly buffer: ArrayBuffer
}

const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly

/** The kernels' modules of one precision (the matrix kernels, the elementwise loops, …), compiled. */
type Modules = Record<keyof (typeof KERNEL_MODULES_BASE64)['float64'], object>

const compiled: Partial<Record<Precision, Modules | null>> = {}

/**
 * The kernels' modules of `precision`, compiled once per process; `undefined` where the runtime has
 * no WebAssembly SIMD (or does not compile synchronously), and the replay keeps to JavaScript.
 */
function kernelModules(precision: Precision): Modules | undefined {
  if (compiled[precision] === undefined) {
    try {
      if (webAssembly === undefined) throw new Error('no WebAssembly')
      const compile = (base64: string) =>
        new webAssembly!.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))
      const modules = Object.entries(KERNEL_MODULES_BASE64[precision])
      compiled[precision] = Object.fromEntries(
        modules.map(([name, base64]) => [name, compile(base64)]),
      ) as Modules
    } catch {
      compiled[precision] = null
    }
  }
  return compiled[precision] ?? undefined
}

/** Whether this runtime can run the kernels. */
export function simdAvailable(): boolean {
  return kernelModules('float64') !== undefined
}

/** A memory of `bytes` bytes at least, for the kernel to work in. */
export function kernelMemory(bytes: number): KernelMemory {
  return new (webAssembly as WebAssemblyApi).Memory({ initial: Math.ceil(bytes / 65_536) })
}

/** The kernels of `precision`, working in `memory`; only where {@link simdAvailable}. */
export function instantiateKernels(memory: KernelMemory, precision: Precision): Kernels {
  const instance = (module: object) =>
    new (webAssembly as WebAssemblyApi).Instance(module, { env: { memory } }).exports
  const exports = Object.assign({}, ...Object.values(kernelModules(precision)!).map(instance))
  const suffix = precision === 'float64' ? 'f64' : 'f32'
  return {
    gemm: exports[`gemm_${suffix}`] as Gemm,
    gemv: exports[`gemv_${suffix}`] as Gemv,
    gradient: exports[`gradient_${suffix}`] as GradientPrologue,
    forward: exports[`forward_${suffix}`] as ElementwiseForward,
    backward: exports[`backward_${suffix}`] as ElementwiseBackward,
    axpy: exports[`axpy_${suffix}`] as Axpy,
    transpose: exports[`transpose_${suffix}`] as Transpose,
  }
}
