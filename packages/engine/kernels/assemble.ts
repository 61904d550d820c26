/**
 * `pnpm --filter @mg/engine assemble-kernels`: assembles the matrix kernel's text
 * (kernels/gemm-text.ts) with wabt and writes the bytes, as base64, into
 * src/compile/simd/gemm-module.ts. The engine ships those bytes and needs no toolchain at install
 * or run time; a test assembles the text again and checks that the committed bytes match.
 */
import { writeFileSync } from 'node:fs'
import { assembleGemmModule, gemmModuleSource } from './gemm-module-source.js'

const target = new URL('../src/compile/simd/gemm-module.ts', import.meta.url)
writeFileSync(target, gemmModuleSource(await assembleGemmModule()))
console.log(`wrote ${target.pathname}`)
