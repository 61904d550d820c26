import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/cli-error.js'
import { parseTrainOptions } from '../src/parse-options.js'
import { numberList } from '../src/parse-text.js'

describe('parseTrainOptions', () => {
  it("fills in micrograd's demo when nothing is given", () => {
    expect(parseTrainOptions({})).toEqual({
      dataset: 'moons',
      samples: 100,
      noise: 0.1,
      classes: 2,
      hidden: [16, 16],
      activation: 'relu',
      loss: 'hinge',
      optimizer: 'sgd',
      learningRate: 1,
      l2: 1e-4,
      steps: 100,
      batchSize: 100,
      seed: 1337,
      out: 'out',
      compiled: false,
      json: false,
      quiet: false,
    })
  })

  it('picks softmax cross-entropy and the dataset defaults for a three-class spiral', () => {
    const options = parseTrainOptions({ dataset: 'spiral', samples: '300' })
    expect(options).toMatchObject({
      loss: 'softmax-cross-entropy',
      classes: 3,
      noise: 0.2,
      batchSize: 300,
    })
  })

  it('turns --compiled on', () => {
    expect(parseTrainOptions({ compiled: true }).compiled).toBe(true)
  })

  it('gives the digits their own defaults: 64-32-10, Adam, 1000 compiled steps of 64', () => {
    expect(parseTrainOptions({ dataset: 'digits' })).toMatchObject({
      samples: 1347,
      classes: 10,
      hidden: [32],
      loss: 'softmax-cross-entropy',
      optimizer: 'adam',
      learningRate: 0.05,
      steps: 1000,
      batchSize: 64,
      compiled: true,
    })
    const mine = parseTrainOptions({ dataset: 'digits', compiled: false, hidden: '16', steps: '5' })
    expect(mine).toMatchObject({ compiled: false, hidden: [16], steps: 5 })
  })

  it('refuses --samples and --noise for the digits, a fixed set', () => {
    for (const raw of [{ samples: '100' }, { noise: '0.1' }]) {
      expect(() => parseTrainOptions({ dataset: 'digits', ...raw })).toThrow(
        /^--(samples|noise): expected no --(samples|noise) for --dataset digits/,
      )
    }
    expect(() => parseTrainOptions({ dataset: 'digits', classes: '3' })).toThrow(/^--classes/)
  })

  it('reads numbers in plain decimal and exponent notation', () => {
    const options = parseTrainOptions({ lr: '5e-2', noise: '.25', l2: '0', batchSize: '10' })
    expect(options).toMatchObject({ learningRate: 0.05, noise: 0.25, l2: 0, batchSize: 10 })
  })

  it.each([
    [{ samples: '-5' }, '--samples'],
    [{ samples: '2.5' }, '--samples'],
    [{ samples: '' }, '--samples'],
    [{ steps: '0' }, '--steps'],
    [{ lr: '0' }, '--lr'],
    [{ lr: '0x10' }, '--lr'],
    [{ lr: 'fast' }, '--lr'],
    [{ noise: '-0.1' }, '--noise'],
    [{ seed: '4294967296' }, '--seed'],
    [{ batchSize: '101' }, '--batch-size'],
    [{ dataset: 'mnist' }, '--dataset'],
    [{ activation: 'gelu' }, '--activation'],
    [{ optimizer: 'rmsprop' }, '--optimizer'],
    [{ loss: 'softmax-cross-entropy', dataset: 'spiral', classes: '1' }, '--classes'],
    [{ classes: '3' }, '--classes'],
    [{ out: ' ' }, '--out'],
  ])('rejects %o, naming %s', (raw, option) => {
    const attempt = () => parseTrainOptions(raw)
    expect(attempt).toThrow(UsageError)
    expect(attempt).toThrow(new RegExp(`^${option}: expected`))
  })

  it('refuses a two-class loss on a three-class dataset and says what to use instead', () => {
    expect(() => parseTrainOptions({ dataset: 'blobs', loss: 'hinge' })).toThrow(
      /--loss: expected mse or softmax-cross-entropy, as --dataset blobs has 3 classes.*or --classes 2/,
    )
  })

  it('starts SGD at 1 (micrograd), but at 0.05 with MSE and for Adam and AdamW', () => {
    expect(parseTrainOptions({}).learningRate).toBe(1)
    expect(parseTrainOptions({ loss: 'mse' }).learningRate).toBe(0.05)
    expect(parseTrainOptions({ optimizer: 'adam' }).learningRate).toBe(0.05)
    expect(parseTrainOptions({ optimizer: 'adamw', lr: '0.2' }).learningRate).toBe(0.2)
  })

  it('accepts softmax cross-entropy on two classes', () => {
    expect(parseTrainOptions({ loss: 'softmax-cross-entropy' }).loss).toBe('softmax-cross-entropy')
  })

  it('accepts mean squared error on three classes (one-hot targets)', () => {
    expect(parseTrainOptions({ dataset: 'blobs', loss: 'mse' })).toMatchObject({
      loss: 'mse',
      classes: 3,
    })
  })
})

describe('--hidden', () => {
  it('parses a comma-separated list, spaces allowed', () => {
    expect(parseTrainOptions({ hidden: '16,16' }).hidden).toEqual([16, 16])
    expect(parseTrainOptions({ hidden: '8, 4 ,2' }).hidden).toEqual([8, 4, 2])
  })

  it.each(['', '16,', '16,,16', '16x16', '0', '-4', '1.5', '2000'])('rejects %o', (text) => {
    expect(() => parseTrainOptions({ hidden: text })).toThrow(
      /^--hidden: expected a comma-separated list of layer widths/,
    )
  })
})

describe('numberList', () => {
  it('parses signed decimals', () => {
    expect(numberList('--x', '0.5,-0.2')).toEqual([0.5, -0.2])
    expect(numberList('--x', '1e-3, +2')).toEqual([0.001, 2])
  })

  it.each(['', '0.5,', 'a,b', '0.5;0.2', 'NaN', 'Infinity'])('rejects %o', (text) => {
    expect(() => numberList('--x', text)).toThrow(
      /^--x: expected a comma-separated list of numbers/,
    )
  })
})
