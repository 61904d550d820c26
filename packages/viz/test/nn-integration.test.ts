import { hingeLoss, l2Penalty, MLP } from '@mg/nn'
import { fromDot } from 'ts-graphviz'
import { describe, expect, it } from 'vitest'
import { decisionBoundarySvg, graphToDot, lossCurveSvg, modelToDot } from '../src/index.js'
import { signedMoons, trainLikeMicrograd } from './support/micrograd-demo.js'
import { pathVertices, withClass } from './support/svg.js'

describe('with @mg/nn and @mg/datasets, as a user has them', () => {
  const data = signedMoons(60, 1337)
  const model = new MLP(2, [8, 8, 1], { seed: 1337 })
  const history = trainLikeMicrograd(model, data, 30)

  it('plots train()’s history and the trained model’s regions', () => {
    const curve = withClass(lossCurveSvg(history), 'loss')[0]!
    expect(pathVertices(curve.getAttribute('d')!)).toHaveLength(30)
    const svg = decisionBoundarySvg((a, b) => model.forward([a, b])[0]!, data, { resolution: 30 })
    expect(withClass(svg, 'point')).toHaveLength(60)
  })

  it('draws the MLP with one edge per weight', () => {
    expect(fromDot(modelToDot(model)).edges).toHaveLength(2 * 8 + 8 * 8 + 8)
  })

  it('collapses a training step to its layers, not mistaking the L2 penalty for a neuron', () => {
    const scores = data.X.map((row) => model.forward(row)[0]!)
    const loss = hingeLoss(scores, data.y).add(l2Penalty(model.parameters(), 1e-4))
    loss.backward()
    const labels = fromDot(graphToDot(loss, { collapse: 'ops' })).nodes.map((node) =>
      String(node.attributes.get('label')),
    )
    const layers = labels
      .filter((label) => /^\{ L\d: /.test(label))
      .map((label) => label.split(' |')[0])
    expect(layers).toEqual([
      '{ L1: 8 relu neurons ×60',
      '{ L2: 8 relu neurons ×60',
      '{ L3: 1 linear neuron ×60',
    ])
  })
})
