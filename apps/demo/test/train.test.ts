import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeMoons } from '@mg/datasets'
import { loadModel } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { cliRuns, expectSucceeded } from './cli-runs.js'
import { runCli } from './run-cli.js'
import { checkPng, checkSvg, svgTexts } from './validate-files.js'

const cli = cliRuns({
  human: ['--out', 'human'],
  json: ['--json', '--out', 'json'],
  quiet: ['--quiet', '--steps', '3', '--out', 'quiet'],
  compiled: ['--compiled', '--json', '--out', 'compiled'],
})

describe("pnpm demo (micrograd's demo)", () => {
  it('reaches 100 % training accuracy and says so, with a plain line every 10 steps', () => {
    expectSucceeded(cli.human)
    expect(cli.human.stdout).toContain(
      'moons (100 points, noise 0.1, seed 1337) → MLP(2, [16, 16, 1]), relu, 337 parameters',
    )
    expect(cli.human.stdout).toContain(
      'hinge loss + 0.0001 L2 · SGD, learning rate 1 → 0.109 (linear decay) · 100 full-batch steps',
    )
    const steps = [
      ...cli.human.stdout.matchAll(/^step +(\d+)\/100 +loss \d+\.\d{4} +accuracy +[\d.]+ %/gm),
    ]
    expect(steps.map((match) => Number(match[1]))).toEqual([
      1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ])
    expect(cli.human.stdout).toMatch(/^train accuracy +100\.0 %/m)
    expect(cli.human.stdout).toMatch(
      /^held-out accuracy +\d+\.\d %.*\(100 fresh points, seed 1338\)/m,
    )
    expect(cli.human.stdout).toMatch(
      /^time +\d+\.\d\d s +\d+\.\d\d ms\/step +\(a new graph each step\)$/m,
    )
    expect(cli.human.stdout).toContain(join('human', 'decision-boundary.png'))
  })

  it('prints only a JSON summary with --json, holding the figures', () => {
    expectSucceeded(cli.json)
    const summary = JSON.parse(cli.json.stdout)
    expect(summary.dataset).toEqual({
      name: 'moons',
      samples: 100,
      classes: 2,
      noise: 0.1,
      seed: 1337,
    })
    expect(summary.heldOut).toMatchObject({ samples: 100, seed: 1338 })
    expect(summary.model).toEqual({ sizes: [2, 16, 16, 1], activation: 'relu', parameters: 337 })
    expect(summary.training).toMatchObject({
      loss: 'hinge',
      l2: 1e-4,
      optimizer: 'sgd',
      steps: 100,
      batchSize: 100,
      compiled: false,
    })
    // micrograd's schedule 1.0 - 0.9 * k / 100 at the last step, k = 99.
    expect(summary.training.learningRate).toEqual({
      start: 1,
      end: 1 - (0.9 * 99) / 100,
      schedule: 'linear decay',
    })
    expect(summary.results.trainAccuracy).toBe(1)
    expect(summary.results.testAccuracy).toBeGreaterThan(0.9)
    expect(summary.results.msPerStep).toBeCloseTo(summary.results.totalMs / 100, 9)
    expect(summary.outputs.map((path: string) => path.replace(/^json[\\/]/, ''))).toEqual([
      'decision-boundary.svg',
      'decision-boundary.png',
      'loss.svg',
      'loss.png',
      'neuron-graph.svg',
      'neuron-graph.png',
      'model.json',
      'metrics.json',
    ])
  })

  it('trains on a compiled graph with --compiled: 100 %, and the loss of the dynamic run', async () => {
    expectSucceeded(cli.compiled)
    const summary = JSON.parse(cli.compiled.stdout)
    const dynamic = JSON.parse(cli.json.stdout)
    expect(summary.training).toEqual({ ...dynamic.training, compiled: true })
    expect(summary.results.trainAccuracy).toBe(1)
    expect(Math.abs(summary.results.trainLoss - dynamic.results.trainLoss)).toBeLessThan(1e-9)
    expect(Math.abs(summary.results.testLoss - dynamic.results.testLoss)).toBeLessThan(1e-9)
    const history = JSON.parse(
      await readFile(join(cli.root, 'compiled', 'metrics.json'), 'utf8'),
    ).history
    const dynamicHistory = JSON.parse(
      await readFile(join(cli.root, 'json', 'metrics.json'), 'utf8'),
    ).history
    expect(history).toHaveLength(100)
    expect(Math.abs(history[99].loss - dynamicHistory[99].loss)).toBeLessThan(1e-9)
  })

  it('prints nothing with --quiet, and still writes every output', async () => {
    expect(cli.quiet).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(await readdir(join(cli.root, 'quiet'))).toHaveLength(8)
  })

  it('writes valid pictures, and nothing half-written', async () => {
    const folder = join(cli.root, 'json')
    const names = (await readdir(folder)).sort()
    expect(names).toEqual([
      'decision-boundary.png',
      'decision-boundary.svg',
      'loss.png',
      'loss.svg',
      'metrics.json',
      'model.json',
      'neuron-graph.png',
      'neuron-graph.svg',
    ])
    for (const name of names.filter((file) => file.endsWith('.svg'))) {
      const svg = await readFile(join(folder, name), 'utf8')
      expect(() => checkSvg(svg), name).not.toThrow()
    }
    for (const name of names.filter((file) => file.endsWith('.png'))) {
      const { width, height } = checkPng(await readFile(join(folder, name)))
      expect(width * height, name).toBeGreaterThan(10_000)
    }
    const neuron = svgTexts(await readFile(join(folder, 'neuron-graph.svg'), 'utf8'))
    // The lecture's neuron: o = tanh(n) = 0.7071, and do/dx1 = w1 · (1 − o²) = −1.5.
    for (const text of ['data 0.7071', 'grad -1.5000', 'data 6.8814', 'x1·w1']) {
      expect(neuron).toContain(text)
    }
  })

  it('saves a model that, reloaded, classifies every training point right', async () => {
    const { model } = loadModel(await readFile(join(cli.root, 'json', 'model.json'), 'utf8'))
    const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 })
    const right = X.filter((x, index) => model.predict(x)[0]! > 0 === (y[index] === 1)).length
    expect(right).toBe(100)
  })

  it('keeps the whole history and the final figures in metrics.json', async () => {
    const metrics = JSON.parse(await readFile(join(cli.root, 'json', 'metrics.json'), 'utf8'))
    expect(metrics.results).toEqual(JSON.parse(cli.json.stdout).results)
    expect(metrics.history).toHaveLength(100)
    expect(metrics.history[0]).toMatchObject({ step: 0, learningRate: 1 })
    expect(metrics.history[99].accuracy).toBe(1)
    expect(metrics.history[99].loss).toBeLessThan(metrics.history[0].loss / 10)
  })

  it('predicts with the saved model, as text and as JSON', async () => {
    const modelPath = join('json', 'model.json')
    const { model } = loadModel(await readFile(join(cli.root, modelPath), 'utf8'))
    const [expected] = model.predict([0.5, -0.2])
    const text = await runCli(['predict', '--model', modelPath, '--x', '0.5,-0.2'], cli.root)
    expect(text.code).toBe(0)
    expect(text.stdout).toBe(
      `MLP(2, [16, 16, 1]) at (0.5, -0.2): score ${expected!.toFixed(4)} → class ${expected! > 0 ? 1 : 0}\n`,
    )
    const parsed = JSON.parse(
      (await runCli(['predict', '--model', modelPath, '--x=-1,0.5', '--json'], cli.root)).stdout,
    )
    const [score] = model.predict([-1, 0.5])
    expect(parsed).toEqual({ input: [-1, 0.5], outputs: [score], class: score! > 0 ? 1 : 0 })
  })
})
