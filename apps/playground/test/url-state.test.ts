import { lossNames, optimizerNames } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../src/state/settings.js'
import {
  decodeSettings,
  encodeSettings,
  formatHiddenLayers,
  parseHiddenLayers,
} from '../src/state/url-state.js'

describe('link state', () => {
  it('writes nothing for the defaults, so the plain address is the default page', () => {
    expect(encodeSettings(defaultSettings())).toBe('')
    expect(decodeSettings('')).toEqual({ settings: defaultSettings(), problems: [] })
  })

  it('round-trips every setting that differs from its default', () => {
    const settings: Settings = {
      dataset: 'spiral',
      samples: 350,
      noise: 0.25,
      seed: 42,
      testFraction: 0.3,
      hiddenLayers: [8, 4, 2],
      activation: 'tanh',
      loss: 'softmax-cross-entropy',
      optimizer: 'momentum',
      learningRate: 0.1,
      batchSize: 0,
      l2: 0.001,
      compiled: false,
    }
    const query = encodeSettings(settings)
    expect(query).toBe(
      'dataset=spiral&samples=350&noise=0.25&seed=42&testFraction=0.3&hiddenLayers=8-4-2&activation=tanh' +
        '&loss=softmax-cross-entropy&optimizer=momentum&learningRate=0.1&batchSize=0&l2=0.001&compiled=false',
    )
    expect(decodeSettings(`?${query}`)).toEqual({ settings, problems: [] })
  })

  it('keeps only the changed settings in the link', () => {
    expect(encodeSettings({ ...defaultSettings(), dataset: 'xor', hiddenLayers: [] })).toBe(
      'dataset=xor&hiddenLayers=none',
    )
  })

  it('falls back to the default for each unusable value and says which', () => {
    const { settings, problems } = decodeSettings(
      'dataset=csv&samples=5&noise=abc&seed=-1&hiddenLayers=16-99&activation=gelu&learningRate=0.02&batchSize=&l2=1e-4&loss=hinge&compiled=yes',
    )
    expect(settings).toEqual({ ...defaultSettings(), l2: 0.0001 })
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'dataset',
      'samples',
      'noise',
      'seed',
      'hiddenLayers',
      'activation',
      'learningRate',
      'batchSize',
      'compiled',
    ])
    expect(problems[1]).toBe('samples: expected a whole number from 20 to 600, received "5"')
  })

  it('gives the default seed, and a note, for a seed past the generator’s range: never an exception', () => {
    for (const seed of ['100000000000000000000', '1e20', '2147483648', '1.5', 'Infinity']) {
      const { settings, problems } = decodeSettings(`seed=${seed}`)
      expect(settings.seed).toBe(defaultSettings().seed)
      expect(problems).toEqual([`seed: expected a whole number of at least 0, received "${seed}"`])
    }
  })

  it('accepts every loss and optimizer @mg/nn names, and SGD with momentum', () => {
    for (const loss of lossNames) expect(decodeSettings(`loss=${loss}`).settings.loss).toBe(loss)
    for (const optimizer of [...optimizerNames, 'momentum'])
      expect(decodeSettings(`optimizer=${optimizer}`).settings.optimizer).toBe(optimizer)
    expect(decodeSettings('optimizer=rmsprop').problems).toEqual([
      'optimizer: expected sgd, momentum, adam, adamw, received "rmsprop"',
    ])
  })

  it('does not accept fractional counts', () => {
    expect(decodeSettings('samples=200.5').problems).toHaveLength(1)
  })
})

describe('hidden layer widths', () => {
  it('reads dashes, commas, spaces and ×', () => {
    expect(parseHiddenLayers('16-16')).toEqual([16, 16])
    expect(parseHiddenLayers(' 8, 4 ,2 ')).toEqual([8, 4, 2])
    expect(parseHiddenLayers('4 4')).toEqual([4, 4])
    expect(parseHiddenLayers('3×3')).toEqual([3, 3])
    expect(parseHiddenLayers('none')).toEqual([])
    expect(parseHiddenLayers('')).toEqual([])
  })

  it('refuses widths out of range, too many layers and anything that is not a whole number', () => {
    for (const text of ['0', '33', '1-2-3-4-5', '2.5', 'abc', '16/16'])
      expect(parseHiddenLayers(text), text).toBeUndefined()
  })

  it('writes what it reads', () => {
    for (const widths of [[], [1], [32, 32, 32, 32]])
      expect(parseHiddenLayers(formatHiddenLayers(widths))).toEqual(widths)
  })
})
