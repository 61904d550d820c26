/**
 * `pnpm --filter @mg/engine assemble-kernels`: assembles the kernels' text (kernels/gemm-text.ts,
 * kernels/elementwise-text.ts) with wabt, one module per precision, and writes the bytes, as
 * base64, into src/compile/simd/kernel-modules.ts. The engine ships those bytes and needs no
 * toolchain at install or run time; a test assembles the text again and checks that the committed
 * bytes match.
 */
import { writeFileSync } from 'node:fs'
import { assembleKernelModule, kernelModulesSource } from './kernel-modules.js'

const target = new URL('../src/compile/simd/kernel-modules.ts', import.meta.url)
const bytes = {
  float64: await assembleKernelModule('float64'),
  float32: await assembleKernelModule('float32'),
}
writeFileSync(target, kernelModulesSource(bytes))
console.log(`wrote ${target.pathname}: ${bytes.float64.length} and ${bytes.float32.length} bytes`)
