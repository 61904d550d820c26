/*
 * Arbitrary text given to loadModel ends in a model (and optimizer) that is whole, or in the
 * library's own error: never anything else, never a hang. Each property runs a bounded number of
 * bounded inputs; the test's timeout bounds the time.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectResultOrMgError, fourPoints } from '../../common/test/support/public-surface.js'
import {
  Adam,
  type LoadedModel,
  loadModel,
  MgError,
  MLP,
  SGD,
  saveModel,
  train,
} from '../src/index.js'

/** What any loaded model must be: finite parameters, and an optimizer on them whose state reloads. */
function expectWhole({ model, optimizer }: LoadedModel): void {
  for (const value of model.getParameterValues()) expect(Number.isFinite(value)).toBe(true)
  if (optimizer === undefined) return
  expect(optimizer.parameters).toEqual(model.parameters())
  expect(loadModel(saveModel(model, { optimizer })).optimizer?.state()).toEqual(optimizer.state())
}

function loadOrRefuse(text: string): void {
  expectResultOrMgError(() => loadModel(text), expectWhole)
}

const data = fourPoints([1, -1, 1, -1])

/** Saved models with each kind of optimizer state, after a few steps. */
function savedDocuments(): unknown[] {
  return [
    (model: MLP) => new SGD(model.parameters(), { learningRate: 0.1, momentum: 0.9 }),
    (model: MLP) => new Adam(model.parameters(), { learningRate: 0.01 }),
    undefined,
  ].map((make) => {
    const model = new MLP(2, [3, 1], { seed: 3 })
    if (make === undefined) return JSON.parse(saveModel(model))
    const optimizer = make(model)
    train(model, data, { loss: 'hinge', optimizer, steps: 2 })
    return JSON.parse(saveModel(model, { optimizer }))
  })
}

/** Every path to a value inside a JSON document. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value)
  return [
    prefix,
    ...keys.flatMap((key) =>
      pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
    ),
  ]
}

/** `document` with the value at `path` replaced (or, with `remove`, deleted). */
function replaced(
  document: unknown,
  path: (string | number)[],
  value: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return value
  const copy = structuredClone(document) as Record<string | number, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (remove && !Array.isArray(parent)) delete parent[last]
  else parent[last] = value
  return copy
}

const documents = savedDocuments()
const strange = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -1,
    -1e-300,
    0,
    -0,
    1e308,
    0.5,
    1.5,
    2 ** 53,
    'sgd',
    'adam',
    'adamw',
    'relu',
    null,
    [],
    {},
  ),
)

describe('loadModel on arbitrary input', () => {
  it('loads whole or throws an MgError, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), loadOrRefuse), {
      numRuns: 500,
    })
  })

  it('loads whole or throws an MgError, for any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => loadOrRefuse(JSON.stringify(value))),
      { numRuns: 500 },
    )
  })

  it('loads whole or throws an MgError, for a saved model with one value changed or removed', () => {
    const edits = fc.nat({ max: documents.length - 1 }).chain((which) => {
      const paths = pathsOf(documents[which])
      return fc.tuple(fc.constant(which), fc.constantFrom(...paths), strange, fc.boolean())
    })
    fc.assert(
      fc.property(edits, ([which, path, value, remove]) =>
        loadOrRefuse(JSON.stringify(replaced(documents[which], path, value, remove))),
      ),
      { numRuns: 3000 },
    )
  })

  it('loads whole or throws an MgError, for a saved model cut short anywhere', () => {
    const text = JSON.stringify(documents[0])
    fc.assert(
      fc.property(fc.nat({ max: text.length }), (end) => loadOrRefuse(text.slice(0, end))),
      {
        numRuns: 300,
      },
    )
  })

  it('refuses a deeply nested or very long document without running out of stack or time', () => {
    expect(() => loadModel(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow(MgError)
    const huge = { ...(documents[2] as object), nin: 1e6 }
    expect(() => loadModel(JSON.stringify(huge))).toThrow(MgError)
  }, 10_000)
})
