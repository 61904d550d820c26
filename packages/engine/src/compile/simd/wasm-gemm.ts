import { GEMM_MODULE_BASE64 } from './gemm-module.js'

/** The type of a compiled graph's numbers: float64 (the `Value` API's) or float32. */
export type Precision = 'float64' | 'float32'

/**
 * Columns the matrix kernel computes at a time, per precision: two SIMD vectors, of two float64 or
 * four float32 lanes. A matrix it writes is as wide as its column count rounded up to this.
 */
export const COLUMN_BLOCK: Readonly<Record<Precision, number>> = { float64: 4, float32: 8 }

/**
 * `C[i·cRow + j] = Σ_{q < p} A[i·aRow + q·aCol] · B[q·bRow + j]` for `i < m`, `j < n`, in the
 * instance's memory, plus `bias[j]` when `bias ≥ 0`, then through the one-input op of code
 * `activation` (its index in `OP_LIST`; -1 for none, and only an op with a `lanes.forward`), or
 * added to C's old value when `accumulate` is 1. `a`, `b`, `c` and `bias` are byte offsets,
 * strides count elements; the kernel reads up to a column block past each row of B and C
 * (kernels/gemm-text.ts says exactly what it computes). Returns 1 when every entry it stored is
 * finite, else 0.
 */
export type Gemm = (
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
 * The start of a batched layer's backward pass: for `rows` rows, `row` elements apart, of
 * `neurons` output gradients at `grads`, `G = f'(out) · g` into the matrix at `sums` (rows `width`
 * apart), `out` being the output at the same place of `values` and `f` the op of code `derivative`
 * (only one with a `lanes.derivativeFromOutput`; -1 for `G = g`), and the sum of each column of G
 * into `biasSums`. Byte offsets and element strides as {@link Gemm}'s; it reads and writes up to a
 * vector past each row. Returns 1 when every output gradient is finite, else 0.
 */
export type GradientPrologue = (
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

/** The kernels of one precision, working in one memory. */
export interface Kernels {
  readonly gemm: Gemm
  readonly gradient: GradientPrologue
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

let compiled: object | null | undefined

/**
 * The matrix kernel's module, compiled once per process; `undefined` where the runtime has no
 * WebAssembly SIMD (or does not compile synchronously), and the replay keeps to JavaScript.
 */
function gemmModule(): object | undefined {
  if (compiled === undefined) {
    try {
      if (webAssembly === undefined) throw new Error('no WebAssembly')
      const text = atob(GEMM_MODULE_BASE64)
      const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0))
      compiled = new webAssembly.Module(bytes)
    } catch {
      compiled = null
    }
  }
  return compiled ?? undefined
}

/** Whether this runtime can run the matrix kernel. */
export function simdAvailable(): boolean {
  return gemmModule() !== undefined
}

/** A memory of `bytes` bytes at least, for the kernel to work in. */
export function kernelMemory(bytes: number): KernelMemory {
  return new (webAssembly as WebAssemblyApi).Memory({ initial: Math.ceil(bytes / 65_536) })
}

/** The kernels of `precision`, working in `memory`; only where {@link simdAvailable}. */
export function instantiateKernels(memory: KernelMemory, precision: Precision): Kernels {
  const module = gemmModule() as object
  const { exports } = new (webAssembly as WebAssemblyApi).Instance(module, { env: { memory } })
  const suffix = precision === 'float64' ? 'f64' : 'f32'
  return {
    gemm: exports[`gemm_${suffix}`] as Gemm,
    gradient: exports[`gradient_${suffix}`] as GradientPrologue,
  }
}
