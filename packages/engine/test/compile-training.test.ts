import { describe, expect, it } from 'vitest'
import { compileGraph, Value } from '../src/index.js'

/** A seeded uniform generator (mulberry32), so every run trains on the same numbers. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SIZES = [2, 8, 8, 1]

/** micrograd's demo loss for one batch: a ReLU MLP, mean hinge loss and 1e-4 L2. */
function demoLoss(
  parameters: readonly Value[],
  points: readonly Value[],
  labels: readonly Value[],
) {
  let at = 0
  const layers = SIZES.slice(1).map((nout, layer) =>
    Array.from({ length: nout }, () => {
      const weights = parameters.slice(at, at + SIZES[layer]!)
      const bias = parameters[at + SIZES[layer]!]!
      at += SIZES[layer]! + 1
      return { weights, bias }
    }),
  )
  const scores: Value[] = []
  const losses = labels.map((label, sample) => {
    let activations = points.slice(2 * sample, 2 * sample + 2)
    layers.forEach((neurons, layer) => {
      activations = neurons.map(({ weights, bias }) => {
        const total = Value.dot(activations, weights).add(bias)
        return layer + 1 < layers.length ? total.relu() : total
      })
    })
    scores.push(activations[0]!)
    return label.mul(activations[0]!).neg().add(1).relu()
  })
  const penalty = Value.sum(parameters.map((parameter) => parameter.mul(parameter))).mul(1e-4)
  return { loss: Value.sum(losses).div(labels.length).add(penalty), scores }
}

function batch(random: () => number, size: number) {
  const points = Array.from({ length: 2 * size }, () => random() * 4 - 2)
  const labels = Array.from({ length: size }, (_, sample) =>
    points[2 * sample]! * points[2 * sample + 1]! > 0 ? 1 : -1,
  )
  return { points, labels }
}

describe('a compiled training step', () => {
  it('follows the dynamic engine step for step on changing mini-batches', () => {
    const random = createRandom(7)
    const count = SIZES.slice(1).reduce(
      (total, nout, layer) => total + nout * (SIZES[layer]! + 1),
      0,
    )
    const initial = Array.from({ length: count }, () => random() * 2 - 1)
    const batchSize = 12
    // Record once, with Values standing for the data of any batch.
    const parameters = initial.map((data) => new Value(data))
    const points = Array.from({ length: 2 * batchSize }, () => new Value(0))
    const labels = Array.from({ length: batchSize }, () => new Value(1))
    const recorded = demoLoss(parameters, points, labels)
    const graph = compileGraph({
      output: recorded.loss,
      parameters,
      inputs: [...points, ...labels],
      observed: recorded.scores,
    })
    const dynamicParameters = initial.map((data) => new Value(data))
    const firstData = graph.inputData
    const firstGrad = graph.parameterGrad

    for (let step = 0; step < 8; step++) {
      const data = batch(random, batchSize)
      const learningRate = 1 - (0.9 * step) / 8
      const dynamic = demoLoss(
        dynamicParameters,
        data.points.map((point) => new Value(point)),
        data.labels.map((label) => new Value(label)),
      )
      for (const parameter of dynamicParameters) parameter.grad = 0
      dynamic.loss.backward()

      graph.setInputs([...data.points, ...data.labels])
      const loss = graph.forward()
      graph.zeroGrad()
      graph.backward()
      expect(Math.abs(loss - dynamic.loss.data)).toBeLessThan(1e-12)
      for (const [index, score] of dynamic.scores.entries())
        expect(Math.abs(graph.observedData[index]! - score.data)).toBeLessThan(1e-12)
      dynamicParameters.forEach((parameter, index) => {
        expect(Math.abs(graph.parameterGrad[index]! - parameter.grad)).toBeLessThan(1e-12)
        parameter.data -= learningRate * parameter.grad
        graph.parameterData[index]! -= learningRate * graph.parameterGrad[index]!
      })
    }
    // Steps reuse the same memory.
    expect(graph.inputData).toBe(firstData)
    expect(graph.parameterGrad).toBe(firstGrad)
    for (const [index, parameter] of dynamicParameters.entries())
      expect(Math.abs(graph.parameterData[index]! - parameter.data)).toBeLessThan(1e-12)
  })

  it('accumulates leaf gradients on each backward(), as Value.backward() does, until zeroGrad()', () => {
    const w = new Value(2)
    const x = new Value(5)
    const output = w.mul(w).mul(3).add(x)
    const graph = compileGraph({ output, parameters: [w], inputs: [x] })
    graph.forward()
    graph.backward()
    graph.backward()
    output.backward()
    output.backward()
    expect([graph.parameterGrad[0], graph.inputGrad[0]]).toEqual([24, 2])
    expect([w.grad, x.grad]).toEqual([24, 2])
    graph.zeroGrad()
    graph.backward()
    expect([graph.parameterGrad[0], graph.inputGrad[0]]).toEqual([12, 1])
  })

  it('seeds a leaf output the way Value.backward() does: its gradient grows by 1', () => {
    const w = new Value(3)
    const graph = compileGraph({ output: w, parameters: [w] })
    graph.forward()
    graph.backward()
    graph.backward()
    expect(graph.parameterGrad[0]).toBe(2)
  })

  it('synchronises parameters with their Values: pull reads data, push writes data and grad', () => {
    const w = new Value(2)
    const b = new Value(-1)
    const graph = compileGraph({ output: w.mul(5).add(b).tanh(), parameters: [w, b] })
    w.data = 0.1
    graph.pullParameters()
    expect(Array.from(graph.parameterData)).toEqual([0.1, -1])
    graph.forward()
    graph.backward()
    graph.parameterData[0] = 0.5
    graph.pushParameters()
    expect(w.data).toBe(0.5)
    expect(w.grad).toBe(graph.parameterGrad[0])
    expect(b.grad).toBeCloseTo(1 - Math.tanh(-0.5) ** 2, 14)
  })

  it('reads observed values, even the insides of a neuron that would otherwise be fused', () => {
    const x = [new Value(0.3), new Value(-0.8)]
    const w = [new Value(1.5), new Value(0.25)]
    const b = new Value(0.1)
    const dot = Value.dot(x, w)
    const preActivation = dot.add(b)
    const output = preActivation.tanh().mul(2)
    const graph = compileGraph({
      output,
      parameters: [...w, b],
      inputs: x,
      observed: [dot, preActivation],
    })
    graph.setInputs([-1, 2])
    graph.forward()
    graph.backward()
    const dynamicX = [new Value(-1), new Value(2)]
    const dynamicDot = Value.dot(dynamicX, w)
    const dynamicOutput = dynamicDot.add(b).tanh().mul(2)
    for (const parameter of [...w, b]) parameter.grad = 0
    dynamicOutput.backward()
    expect(Array.from(graph.observedData)).toEqual([dynamicDot.data, dynamicDot.data + 0.1])
    expect(Array.from(graph.parameterGrad)).toEqual([...w, b].map((parameter) => parameter.grad))
  })

  it('bakes undeclared leaves in as constants', () => {
    const w = new Value(2)
    const c = new Value(3)
    const graph = compileGraph({ output: w.mul(c), parameters: [w] })
    c.data = 100
    expect(graph.forward()).toBe(6)
  })

  it('leaves the Values of the recorded graph untouched', () => {
    const w = new Value(2)
    const x = new Value(3)
    const y = w.mul(x).tanh()
    y.backward()
    const before = [w.grad, x.grad, y.grad, w.data, x.data, y.data]
    compileGraph({ output: y, parameters: [w], inputs: [x] })
    expect([w.grad, x.grad, y.grad, w.data, x.data, y.data]).toEqual(before)
  })
})

describe('large graphs', () => {
  it.skipIf(process.env.MG_MUTATION)(
    'compiles and replays a 100,000-node chain without overflowing the stack',
    {
      timeout: 60_000,
    },
    () => {
      const w = new Value(0.5)
      let value = new Value(0.1)
      for (let index = 0; index < 50_000; index++) value = value.mul(0.999).add(w.mul(1e-5))
      const graph = compileGraph({ output: value, parameters: [w] })
      expect(graph.nodeCount).toBeGreaterThan(100_000)
      value.backward()
      expect(graph.forward()).toBe(value.data)
      graph.backward()
      expect(Math.abs(graph.parameterGrad[0]! - w.grad)).toBeLessThan(1e-12)
    },
  )
})
