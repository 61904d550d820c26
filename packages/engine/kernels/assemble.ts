/**
 * `pnpm --filter @mg/engine assemble-kernels`: assembles the kernels' text (kernels/gemm-text.ts,
 * kernels/elementwise-text.ts, kernels/transpose-text.ts) with wabt, three modules per precision, and writes the bytes, as
 * base64, into src/compile/simd/kernel-modules.ts. The engine ships those bytes and needs no
 * toolchain at install or run time; a test assembles the text again and checks that the committed
 * bytes match.
 */
import { writeFileSync } from 'node:fs'
import { assembleKernelModule, KERNEL_MODULES, kernelModulesSource } from './kernel-modules.js'

const target = new URL('../src/compile/simd/kernel-modules.ts', import.meta.url)
const assembled = async (precision: 'float64' | 'float32') =>
  Object.fromEntries(
    await Promise.all(
      KERNEL_MODULES.map(async (module) => [module, await assembleKernelModule(module, precision)]),
    ),
  ) as Record<(typeof KERNEL_MODULES)[number], Uint8Array>
const bytes = { float64: await assembled('float64'), float32: await assembled('float32') }
writeFileSync(target, kernelModulesSource(bytes))
const sizes = Object.values(bytes).flatMap((modules) => Object.values(modules).map((b) => b.length))
console.log(`wrote ${target.pathname}: modules of ${sizes.join(', ')} bytes`)
