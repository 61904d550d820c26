import { describe, expect, it } from 'vitest'
import { InvalidLabelError, makeMoons, oneHot, toSignedLabels } from '../src/index.js'
import { expectParameterError } from './helpers.js'

function labelError(run: () => unknown): InvalidLabelError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidLabelError)
    return error as InvalidLabelError
  }
  throw new Error('expected an InvalidLabelError')
}

describe('toSignedLabels', () => {
  it('maps 0/1 to -1/+1 as micrograd’s y * 2 - 1', () => {
    expect(toSignedLabels([0, 1, 1, 0])).toEqual([-1, 1, 1, -1])
    const { y } = makeMoons({ seed: 0 })
    expect(toSignedLabels(y)).toEqual(y.map((label) => label * 2 - 1))
  })

  it('rejects any other label, saying where it is', () => {
    const error = labelError(() => toSignedLabels([0, 1, -1]))
    expect(error.index).toBe(2)
    expect(error.label).toBe(-1)
    expect(error.message).toContain('label 2 must be 0 or 1, received -1')
  })
})

describe('oneHot', () => {
  it('puts a 1 in each label’s column', () => {
    expect(oneHot([0, 2, 1])).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ])
    expect(oneHot([1], 4)).toEqual([[0, 1, 0, 0]])
    expect(oneHot([])).toEqual([])
  })

  it('rejects labels outside [0, nClasses) and a bad nClasses', () => {
    expect(labelError(() => oneHot([0, 3], 3)).index).toBe(1)
    expect(labelError(() => oneHot([0.5])).label).toBe(0.5)
    expect(labelError(() => oneHot([-1])).label).toBe(-1)
    expectParameterError(() => oneHot([0], 0), 'nClasses', 0)
    expectParameterError(() => oneHot([0], 2.5), 'nClasses', 2.5)
  })
})
