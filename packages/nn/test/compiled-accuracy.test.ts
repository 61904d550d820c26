/*
 * A compiled step reads its accuracy from the graph's flat scores by the loss's one rule, without
 * building rows of scores for `accuracy` (the allocation it exists to avoid). `accuracy` is
 * wrapped in a spy here, so this file reaches inside the package, unlike the others.
 */
import { describe, expect, it, vi } from 'vitest'
import { accuracy } from '../src/accuracy.js'
import { MLP, SGD, train } from '../src/index.js'
import { microgradDemoData } from './fixtures/micrograd-demo.js'
import { makeSpiral } from './fixtures/spiral.js'

vi.mock('../src/accuracy.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/accuracy.js')>()
  return { ...actual, accuracy: vi.fn(actual.accuracy) }
})

const spiral = makeSpiral(10, 3, 2)
const { X, y } = microgradDemoData()

describe('accuracy of a compiled step', () => {
  it.each([
    ['rows of three scores, by their largest', spiral, 3],
    // Targets 2 and 4: one score each, judged about the middle, 3.
    ['one score about the middle of the targets', { X, y: y.map((label) => label + 3) }, 1],
  ])('comes from the flat scores, never from rows built for accuracy(): %s', (_, data, outputs) => {
    const run = (compiled: boolean) => {
      vi.mocked(accuracy).mockClear()
      const model = new MLP(2, [6, outputs], { seed: 1 })
      const history = train(model, data, {
        loss: 'mse',
        optimizer: new SGD(model.parameters(), { learningRate: 0.05 }),
        batchSize: 8,
        seed: 1,
        steps: 12,
        compiled,
      })
      return {
        accuracies: history.steps.map((record) => record.accuracy),
        calls: vi.mocked(accuracy).mock.calls.length,
      }
    }
    const dynamic = run(false)
    const compiled = run(true)
    expect(dynamic.calls).toBe(12)
    expect(compiled.calls).toBe(0)
    expect(compiled.accuracies).toEqual(dynamic.accuracies)
    expect(new Set(compiled.accuracies).size).toBeGreaterThan(1)
  })
})
