/**
 * micrograd's demo, reproduced with the library and compared with the numbers the notebook printed
 * (karpathy/micrograd, demo.ipynb). The data and initial weights are micrograd's own, rebuilt by
 * the test fixtures from NumPy's and Python's Mersenne Twister streams (see fixtures/micrograd-demo.ts);
 * the fixture is checked against outputs of CPython 3 on this machine and against the notebook's
 * `yy.min()` before the losses are compared.
 */
import { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { hingeLoss, l2Penalty, linearDecay, MLP, SGD, train } from '../src/index.js'
import { MersenneTwister } from './fixtures/mersenne-twister.js'
import {
  MICROGRAD_DEMO_LOSS,
  MICROGRAD_DEMO_Y_MIN,
  microgradDemoData,
  pythonRandom,
} from './fixtures/micrograd-demo.js'

/** micrograd's printed model (demo.ipynb, cell 5). */
const MICROGRAD_REPR = `MLP of [Layer of [${Array(16).fill('ReLUNeuron(2)').join(', ')}], Layer of [${Array(
  16,
)
  .fill('ReLUNeuron(16)')
  .join(', ')}], Layer of [LinearNeuron(16)]]`

function demoModel(): MLP {
  return new MLP(2, [16, 16, 1], { rng: pythonRandom(1337) })
}

function trainDemo(model: MLP) {
  return train(model, microgradDemoData(), {
    loss: 'hinge',
    l2Alpha: 1e-4,
    optimizer: new SGD(model.parameters(), { learningRate: 1 }),
    schedule: linearDecay(),
    steps: 100,
  })
}

describe('the fixture replays Python and NumPy', () => {
  it("draws Python's random.uniform(-1, 1) after random.seed(1337)", () => {
    // python3 -c "import random; random.seed(1337); print([random.uniform(-1,1) for _ in range(5)])"
    const rng = pythonRandom(1337)
    const draws = Array.from({ length: 5 }, () => -1 + 2 * rng.uniform())
    expect(draws).toEqual([
      0.23550571390294128, 0.06653114721000164, -0.26830328150124894, 0.1715747078045431,
      -0.6686254326224383,
    ])
  })

  it("draws NumPy's MT19937 words after np.random.seed(1337)", () => {
    // CPython's own MT19937 given init_genrand(1337)'s state: random.Random().setstate((3, tuple(mt + [624]), None)),
    // then [r.getrandbits(32) for _ in range(5)]
    const generator = MersenneTwister.fromInteger(1337)
    const words = Array.from({ length: 5 }, () => generator.nextUint32())
    expect(words).toEqual([1125387415, 2407456957, 681542492, 913057000, 1194544295])
  })

  it("reproduces the notebook's moons: yy.min() = X[:, 1].min() - 1", () => {
    const { X, y } = microgradDemoData()
    expect(X).toHaveLength(100)
    expect(y.filter((label) => label === 1)).toHaveLength(50)
    expect(Math.min(...X.map((row) => row[1]!)) - 1).toBe(MICROGRAD_DEMO_Y_MIN)
  })
})

describe("micrograd's demo with the library", () => {
  it('builds the same network: repr and 337 parameters', () => {
    const model = demoModel()
    expect(String(model)).toBe(MICROGRAD_REPR)
    expect(model.parameterCount).toBe(337)
  })

  it('starts at the published loss 0.8958441028683222 and accuracy 50%', () => {
    const model = demoModel()
    const { X, y } = microgradDemoData()
    const scores = X.map((x) => model.forward(x)[0]!)
    const total = hingeLoss(scores, y).add(l2Penalty(model.parameters(), 1e-4))
    expect(total.data).toBe(MICROGRAD_DEMO_LOSS.step0)
  })

  it('follows the published trajectory to step 99 and reaches 100% accuracy', () => {
    const history = trainDemo(demoModel())
    const steps = history.steps
    expect(steps).toHaveLength(100)
    expect(steps[0]!.loss).toBeCloseTo(MICROGRAD_DEMO_LOSS.step0, 9)
    expect(steps[0]!.accuracy).toBe(0.5)
    expect(steps[1]!.loss).toBeCloseTo(1.7235905336972022, 9) // printed as step 1
    expect(steps[1]!.accuracy).toBe(0.81)
    expect(Math.abs(steps[99]!.loss - MICROGRAD_DEMO_LOSS.step99)).toBeLessThan(1e-9)
    expect(steps[99]!.accuracy).toBe(1)
    expect(steps[99]!.learningRate).toBe(1.0 - (0.9 * 99) / 100)
  })

  // About 20 s; the step-99 trajectory test in this file covers the same code, so mutation runs skip it.
  it.skipIf(process.env.MG_MUTATION)(
    'matches a hand-written micrograd loop (b + Σ wᵢxᵢ, chained adds) step by step to 1e-12',
    () => {
      const model = demoModel()
      const initial = model.getParameterValues()
      const history = trainDemo(model)

      // micrograd's nn.py and demo loop, written with plain engine ops and no library code.
      const { X, y } = microgradDemoData()
      const sizes = [2, 16, 16, 1]
      let cursor = 0
      const layers = sizes.slice(1).map((nout, layerIndex) =>
        Array.from({ length: nout }, () => {
          const w = Array.from({ length: sizes[layerIndex]! }, () => new Value(initial[cursor++]!))
          return { w, b: new Value(initial[cursor++]!), nonlin: layerIndex !== sizes.length - 2 }
        }),
      )
      const parameters = layers.flatMap((layer) =>
        layer.flatMap((neuron) => [...neuron.w, neuron.b]),
      )
      const chainSum = (values: Value[], start: Value) =>
        values.reduce((total, value) => total.add(value), start)
      for (let k = 0; k < 100; k++) {
        const scores = X.map((row) => {
          let x = row.map((feature) => new Value(feature))
          for (const layer of layers) {
            x = layer.map((neuron) => {
              const act = chainSum(
                neuron.w.map((wi, i) => wi.mul(x[i]!)),
                neuron.b,
              )
              return neuron.nonlin ? act.relu() : act
            })
          }
          return x[0]!
        })
        const losses = scores.map((score, i) => score.mul(-y[i]!).add(1).relu())
        const dataLoss = chainSum(losses, new Value(0)).mul(1.0 / losses.length)
        const regLoss = chainSum(
          parameters.map((p) => p.mul(p)),
          new Value(0),
        ).mul(1e-4)
        const totalLoss = dataLoss.add(regLoss)
        for (const p of parameters) p.grad = 0
        totalLoss.backward()
        const learningRate = 1.0 - (0.9 * k) / 100
        for (const p of parameters) p.data -= learningRate * p.grad
        expect(Math.abs(history.steps[k]!.loss - totalLoss.data)).toBeLessThan(1e-12)
      }
      const final = model.getParameterValues()
      parameters.forEach((p, index) => {
        expect(Math.abs(final[index]! - p.data)).toBeLessThan(1e-12)
      })
    },
  )
})
