/**
 * Times drawing one training step of micrograd's demo (100 moons, 2-16-16-1, about 68,000 values
 * written micrograd's way): the refusal at the default limit, the collapsed views and Graphviz's
 * layout of the result. Writes bench/results/viz-collapse.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { walkGraph } from '@mg/engine'
import { graphToDot, renderSvg } from '../src/index.js'
import { microgradStyleStep } from '../test/support/micrograd-step.js'

const { loss } = microgradStyleStep()
const values = walkGraph(loss).nodes.length

function time<T>(run: () => T, repeats = 5): { result: T; bestMs: number } {
  let bestMs = Number.POSITIVE_INFINITY
  let result!: T
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now()
    try {
      result = run()
    } catch (error) {
      result = error as T
    }
    bestMs = Math.min(bestMs, performance.now() - start)
  }
  return { result, bestMs }
}

const refusal = time(() => graphToDot(loss))
const ops = time(() => graphToDot(loss, { collapse: 'ops' }))
const auto = time(() => graphToDot(loss, { collapse: 'auto' }))
await renderSvg('digraph { a }') // load the WebAssembly once, outside the timing
const start = performance.now()
await renderSvg(ops.result)
const layoutMs = performance.now() - start

const results = {
  values,
  refuseMs: refusal.bestMs,
  collapseOpsMs: ops.bestMs,
  collapseAutoMs: auto.bestMs,
  layoutCollapsedMs: layoutMs,
}
console.table(results)
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(
  new URL('./results/viz-collapse.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
)
