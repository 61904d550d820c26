import { describe, expect, it } from 'vitest'
import {
  InvalidLabelError,
  InvalidOptionError,
  LengthMismatchError,
  MgError,
} from '../src/index.js'

describe('InvalidOptionError', () => {
  it('says what was expected, what was received and how to fix it', () => {
    const error = new InvalidOptionError('learningRate', -0.1, 'a finite number ≥ 0', 'e.g. 0.05.')
    expect(error.message).toBe(
      'learningRate: expected a finite number ≥ 0, received -0.1. e.g. 0.05.',
    )
    expect(error).toMatchObject({
      name: 'InvalidOptionError',
      option: 'learningRate',
      received: -0.1,
      allowed: 'a finite number ≥ 0',
      functionName: undefined,
    })
    expect(error).toBeInstanceOf(MgError)
  })

  it('names the function when given one, and leaves the hint out when there is none', () => {
    const error = new InvalidOptionError('noise', 'high', 'a finite number >= 0', '', {
      functionName: 'makeMoons',
    })
    expect(error.message).toBe('makeMoons: noise: expected a finite number >= 0, received "high".')
    expect(error.functionName).toBe('makeMoons')
  })

  it('keeps the offending value itself, not its description', () => {
    const options = { colour: 'red' }
    expect(new InvalidOptionError('options', options, 'known options').received).toBe(options)
  })
})

describe('LengthMismatchError', () => {
  it('gives both lengths and what was being paired', () => {
    const error = new LengthMismatchError('hingeLoss: scores and labels', 4, 3)
    expect(error.message).toBe(
      'hingeLoss: scores and labels: expected lists of the same length, received 4 and 3. ' +
        'Give exactly one entry of the second list for each entry of the first.',
    )
    expect(error).toMatchObject({
      name: 'LengthMismatchError',
      what: 'hingeLoss: scores and labels',
      expected: 4,
      received: 3,
    })
    expect(error).toBeInstanceOf(MgError)
  })
})

describe('InvalidLabelError', () => {
  it('gives the label, its position and what a label must be', () => {
    const error = new InvalidLabelError('toSignedLabels', 2, -1, '0 or 1')
    expect(error.message).toMatch(/^toSignedLabels: label 2 must be 0 or 1, received -1\. Map /)
    expect(error).toMatchObject({
      name: 'InvalidLabelError',
      functionName: 'toSignedLabels',
      index: 2,
      label: -1,
    })
    expect(error).toBeInstanceOf(MgError)
    expect(new InvalidLabelError('accuracy', 0, 'yes', 'a number').message).toContain(
      'received "yes"',
    )
  })
})
