import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadModel } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { cliRuns, expectSucceeded } from './cli-runs.js'
import { runCli } from './run-cli.js'
import { checkPng, checkSvg, svgTexts } from './validate-files.js'

const cli = cliRuns({
  human: ['--dataset', 'digits', '--out', 'human'],
  json: ['--dataset', 'digits', '--json', '--out', 'json'],
})

describe('pnpm demo --dataset digits', () => {
  it('trains the digits defaults and reports the held-out split', () => {
    expectSucceeded(cli.human)
    expect(cli.human.stdout).toContain(
      'digits (1,347 of 1,797 images, 8 × 8 pixels / 16, seed 1337) → MLP(64, [32, 10]), relu, 2410 parameters',
    )
    expect(cli.human.stdout).toMatch(
      /Adam, learning rate 0\.05 .* 1000 batch-64 steps · compiled$/m,
    )
    const steps = [...cli.human.stdout.matchAll(/^step +(\d+)\/1000 /gm)].map((match) => match[1])
    expect(steps).toHaveLength(11)
    expect(cli.human.stdout).toMatch(
      /^held-out accuracy +\d+\.\d %.*\(450 held-out images, split with seed 1337\)$/m,
    )
  })

  it('reaches 95 % held-out accuracy, on a compiled graph', () => {
    expect(cli.json.code).toBe(0)
    const summary = JSON.parse(cli.json.stdout)
    expect(summary.dataset).toMatchObject({ name: 'digits', samples: 1347, classes: 10 })
    expect(summary.heldOut).toMatchObject({ samples: 450, seed: 1337 })
    expect(summary.model).toEqual({ sizes: [64, 32, 10], activation: 'relu', parameters: 2410 })
    expect(summary.training).toMatchObject({
      loss: 'softmax-cross-entropy',
      optimizer: 'adam',
      steps: 1000,
      batchSize: 64,
      compiled: true,
    })
    expect(summary.results.testAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(summary.outputs.map((path: string) => path.replace(/^json[\\/]/, ''))).toEqual([
      'digits.svg',
      'digits.png',
      'confusion-matrix.svg',
      'confusion-matrix.png',
      'loss.svg',
      'loss.png',
      'neuron-graph.svg',
      'neuron-graph.png',
      'model.json',
      'metrics.json',
    ])
  })

  it('draws held-out digits with their predictions and a confusion matrix that agree', async () => {
    const folder = join(cli.root, 'json')
    expect(await readdir(folder)).toHaveLength(10)
    const summary = JSON.parse(cli.json.stdout)
    const wrong = Math.round(450 * (1 - summary.results.testAccuracy))
    const digits = await readFile(join(folder, 'digits.svg'), 'utf8')
    expect(() => checkSvg(digits)).not.toThrow()
    const captions = svgTexts(digits).filter((text) => /^\d → \d$/.test(text))
    expect(captions).toHaveLength(60)
    expect(captions.filter((text) => text[0] !== text.at(-1))).toHaveLength(wrong)
    expect(svgTexts(digits)[0]).toContain(`${wrong} of 450 wrong`)
    const matrix = await readFile(join(folder, 'confusion-matrix.svg'), 'utf8')
    expect(svgTexts(matrix)).toContain(
      `${450 - wrong} of 450 right: accuracy ${(summary.results.testAccuracy * 100).toFixed(1)} %`,
    )
    for (const name of ['digits.png', 'confusion-matrix.png']) {
      const { width, height } = checkPng(await readFile(join(folder, name)))
      expect(width * height, name).toBeGreaterThan(100_000)
    }
  })

  it('saves a 64-input model that predict reads', async () => {
    const { model } = loadModel(await readFile(join(cli.root, 'json', 'model.json'), 'utf8'))
    expect([model.nin, ...model.nouts]).toEqual([64, 32, 10])
    const x = Array.from({ length: 64 }, (_, index) => (index % 9 === 0 ? 1 : 0)).join(',')
    const result = await runCli(
      ['predict', '--model', join('json', 'model.json'), '--x', x],
      cli.root,
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/→ class \d\n$/)
  })
})
