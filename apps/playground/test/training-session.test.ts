import { noGrad, Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { generatePoints, prepareData } from '../src/data/prepared-data.js'
import { defaultSettings, LIMITS, type Settings } from '../src/state/settings.js'
import { createModel } from '../src/training/create-model.js'
import { MeshEvaluator } from '../src/training/mesh.js'
import { createObjective } from '../src/training/objective.js'
import { TrainingSession } from '../src/training/training-session.js'

function session(overrides: Partial<Settings> = {}): TrainingSession {
  const settings = { ...defaultSettings(), ...overrides }
  const dataset = settings.dataset === 'csv' ? 'moons' : settings.dataset
  return new TrainingSession(
    settings,
    prepareData(generatePoints({ ...settings, dataset }), settings, dataset),
  )
}

describe('a training session', () => {
  it('learns the default moons to at least 95 % test accuracy within 400 steps', () => {
    const moons = session()
    let snapshot = moons.snapshot(4)
    expect(snapshot.test.accuracy).toBeLessThan(0.95)
    while (moons.steps < 400 && snapshot.test.accuracy < 0.95) {
      moons.train(20)
      snapshot = moons.snapshot(4)
    }
    expect(snapshot.test.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(snapshot.train.loss).toBeLessThan(0.3)
  })

  it('learns three spiral arms with softmax cross-entropy', () => {
    const spiral = session({
      dataset: 'spiral',
      samples: 300,
      loss: 'softmax-cross-entropy',
      hiddenLayers: [16, 16],
      learningRate: 0.03,
    })
    const before = spiral.snapshot(4)
    spiral.train(300)
    const after = spiral.snapshot(4)
    expect(after.train.loss).toBeLessThan(before.train.loss / 2)
    expect(after.train.accuracy).toBeGreaterThan(0.8)
  })

  it('starts from given parameters, and reports them back unchanged before any step', () => {
    const first = session()
    first.train(50)
    const trained = first.snapshot(4)
    const copy = new TrainingSession(defaultSettings(), first.data, trained.parameters)
    const snapshot = copy.snapshot(4)
    expect(snapshot.step).toBe(0)
    expect([...snapshot.parameters]).toEqual([...trained.parameters])
    expect(snapshot.test).toEqual(trained.test)
  })

  it('trains with any seed the page allows, up to the largest', () => {
    for (const seed of [42_950, 99_999, LIMITS.seed.max]) {
      const run = session({ seed })
      expect(() => run.train(2)).not.toThrow()
      expect(run.steps).toBe(2)
    }
  })

  it('counts epochs from the batch size', () => {
    const fullBatch = session({ batchSize: 0 })
    fullBatch.train(3)
    expect(fullBatch.snapshot(2).epoch).toBe(3)
    const miniBatch = session({ batchSize: 50 })
    miniBatch.train(6)
    // 150 training points in batches of 50: 3 steps per epoch.
    expect(miniBatch.snapshot(2).epoch).toBe(2)
  })
})

describe('the boundary mesh', () => {
  it("matches the model's own forward pass at every cell centre", () => {
    const settings = { ...defaultSettings(), hiddenLayers: [5, 3], activation: 'tanh' as const }
    const objective = createObjective('softmax-cross-entropy', 3)
    const model = createModel(settings, objective.outputs)
    const domain = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 }
    const mesh = new MeshEvaluator(model, objective).evaluate(domain, 6)
    for (let row = 0; row < 6; row++) {
      for (let column = 0; column < 6; column++) {
        const point = [-2 + (column + 0.5) * (4 / 6), 3 - (row + 0.5) * (4 / 6)]
        const outputs = noGrad(() =>
          model.forward(point.map((x) => new Value(x))).map((output) => output.data),
        )
        const expected = objective.predict(outputs)
        expect(mesh.labels[row * 6 + column]).toBe(expected.label)
        expect(mesh.confidence[row * 6 + column]).toBeCloseTo(expected.confidence, 6)
      }
    }
  })

  it('follows the parameters as they change', () => {
    const objective = createObjective('hinge', 2)
    const model = createModel(defaultSettings(), 1)
    const evaluator = new MeshEvaluator(model, objective)
    const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }
    // All weights 0 and the output bias at +1 or −1: every cell predicts that sign.
    const parameterCount = model.parameters().length
    model.setParameterValues(
      Array.from({ length: parameterCount }, (_, index) => (index === parameterCount - 1 ? 1 : 0)),
    )
    expect([...evaluator.evaluate(domain, 3).labels]).toEqual(new Array(9).fill(1))
    model.setParameterValues(
      Array.from({ length: parameterCount }, (_, index) => (index === parameterCount - 1 ? -1 : 0)),
    )
    expect([...evaluator.evaluate(domain, 3).labels]).toEqual(new Array(9).fill(0))
  })
})

describe('compiled training', () => {
  for (const [loss, dataset, optimizer] of [
    ['hinge', 'moons', 'adam'],
    ['bce', 'xor', 'momentum'],
    ['softmax-cross-entropy', 'blobs', 'sgd'],
    ['mse', 'spiral', 'adam'],
  ] as const) {
    it(`takes the same full-batch steps as dynamic training (${loss}, ${optimizer})`, () => {
      const overrides = {
        loss,
        dataset,
        optimizer,
        batchSize: 0,
        samples: 60,
        hiddenLayers: [6, 5],
        activation: 'tanh' as const,
      }
      const compiled = session({ ...overrides, compiled: true })
      const dynamic = session({ ...overrides, compiled: false })
      compiled.train(25)
      dynamic.train(25)
      const compiledParameters = compiled.snapshot(2).parameters
      const dynamicParameters = dynamic.snapshot(2).parameters
      expect(compiledParameters).toHaveLength(dynamicParameters.length)
      compiledParameters.forEach((value, index) => {
        expect(value).toBeCloseTo(dynamicParameters[index]!, 9)
      })
      expect([...compiledParameters]).not.toEqual([...session(overrides).snapshot(2).parameters])
    })
  }

  it('continues one run of batches across bursts, so bursts of any length give the same model', () => {
    const overrides = { samples: 60, batchSize: 10, hiddenLayers: [5], compiled: true }
    const inBursts = session(overrides)
    for (const count of [1, 4, 2, 5]) inBursts.train(count)
    const atOnce = session(overrides)
    atOnce.train(12)
    expect([...inBursts.snapshot(2).parameters]).toEqual([...atOnce.snapshot(2).parameters])
    expect(inBursts.steps).toBe(12)
  })

  it('trains one-hot squared error on mini-batches on a compiled graph too', () => {
    const overrides = {
      loss: 'mse' as const,
      dataset: 'spiral' as const,
      samples: 60,
      batchSize: 10,
      hiddenLayers: [5],
    }
    const compiled = session({ ...overrides, compiled: true })
    const dynamic = session({ ...overrides, compiled: false })
    compiled.train(6)
    dynamic.train(6)
    const expected = dynamic.snapshot(2).parameters
    compiled.snapshot(2).parameters.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[index]!, 9)
    })
  })

  it('learns the default moons with mini-batches too', () => {
    const moons = session({ compiled: true })
    let accuracy = 0
    while (moons.steps < 400 && accuracy < 0.95) {
      moons.train(20)
      accuracy = moons.snapshot(2).test.accuracy
    }
    expect(accuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('records again when the penalty changes, and counts epochs across batch sizes', () => {
    const overrides = { batchSize: 0, l2: 0, samples: 60, hiddenLayers: [5] }
    const compiled = session({ ...overrides, compiled: true })
    const dynamic = session({ ...overrides, compiled: false })
    for (const each of [compiled, dynamic]) {
      each.train(3)
      each.setHyperparameters({
        learningRate: 0.03,
        batchSize: 0,
        l2: 0.01,
        compiled: each === compiled,
      })
      each.train(3)
    }
    const expected = dynamic.snapshot(2).parameters
    compiled.snapshot(2).parameters.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[index]!, 9)
    })
    // 45 training points: 3 full-batch steps are 3 epochs, then 3 steps of 15 are one more.
    compiled.setHyperparameters({ learningRate: 0.03, batchSize: 15, l2: 0.01, compiled: true })
    compiled.train(3)
    expect(compiled.snapshot(2).epoch).toBeCloseTo(7, 12)
  })
})
