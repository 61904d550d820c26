import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkOptionsObject,
  InvalidOptionError,
  MgError,
  UnknownOptionError,
} from '../src/index.js'

const KNOWN = ['loss', 'optimizer', 'compiled', 'batchSize'] as const

describe('checkOptionsObject with the known option names', () => {
  it('refuses a typo, suggesting the option meant', () => {
    const error = (() => {
      try {
        checkOptionsObject({ compild: true }, 'train', KNOWN)
      } catch (thrown) {
        return thrown
      }
    })() as UnknownOptionError
    expect(error).toBeInstanceOf(UnknownOptionError)
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toBeInstanceOf(MgError)
    expect(error.name).toBe('UnknownOptionError')
    expect(error.message).toBe(
      'train: unknown option "compild". Did you mean "compiled"? Known options: loss, optimizer, compiled, batchSize.',
    )
    expect(error).toMatchObject({
      option: 'compild',
      functionName: 'train',
      suggestion: 'compiled',
      knownOptions: KNOWN,
    })
  })

  it('suggests nothing for a name far from every option', () => {
    expect(() => checkOptionsObject({ colour: 'red' }, 'train', KNOWN)).toThrow(
      'train: unknown option "colour". Known options: loss, optimizer, compiled, batchSize.',
    )
  })

  it('takes any of the known options, and an unknown one left undefined, as given', () => {
    fc.assert(
      fc.property(
        fc.subarray([...KNOWN]),
        fc.string(),
        fc.boolean(),
        (names, unknown, withUndefined) => {
          const options: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, 1]))
          if (withUndefined && !KNOWN.includes(unknown as never)) options[unknown] = undefined
          expect(checkOptionsObject(options, 'train', KNOWN)).toBe(options)
        },
      ),
    )
  })

  it('refuses every other name, naming it', () => {
    fc.assert(
      fc.property(
        fc.string().filter((name) => !KNOWN.includes(name as never) && name !== '__proto__'),
        (name) => {
          expect(() => checkOptionsObject({ [name]: 0 }, 'train', KNOWN)).toThrow(
            expect.objectContaining({ option: name, name: 'UnknownOptionError' }),
          )
        },
      ),
    )
  })

  it('checks no names when not given the known ones', () => {
    const options = { anything: 1 }
    expect(checkOptionsObject(options, 'train')).toBe(options)
  })
})
