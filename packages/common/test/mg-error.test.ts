import { describe, expect, it } from 'vitest'
import { InvalidOptionError, MgError } from '../src/index.js'

class PackageError extends MgError {}
class DomainError extends PackageError {
  constructor(readonly detail: number) {
    super(`detail ${detail}`)
  }
}
class OtherError extends MgError {}

describe('MgError', () => {
  it('is an Error named after the class that was constructed', () => {
    const error = new MgError('boom')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('MgError')
    expect(error.message).toBe('boom')
    expect(new DomainError(3).name).toBe('DomainError')
    expect(String(new DomainError(3))).toBe('DomainError: detail 3')
    expect(new DomainError(3).stack).toContain('DomainError: detail 3')
  })

  it('keeps a cause when given one, and has none otherwise', () => {
    const cause = new RangeError('inner')
    expect(new MgError('outer', { cause }).cause).toBe(cause)
    expect(new InvalidOptionError('x', 1, 'two', '', { cause }).cause).toBe(cause)
    expect('cause' in new MgError('alone')).toBe(false)
    expect('cause' in new InvalidOptionError('x', 1, 'two')).toBe(false)
  })

  it('carries the Symbol.for marker that other copies look for', () => {
    const marker = Symbol.for('@mg/common/MgError')
    expect((new DomainError(1) as unknown as Record<symbol, unknown>)[marker]).toBe(true)
    expect(Object.getOwnPropertySymbols(new MgError('x'))).toContain(marker)
  })

  it('recognises its errors, and only them, with isInstance and instanceof', () => {
    for (const error of [
      new MgError('a'),
      new DomainError(1),
      new InvalidOptionError('x', 1, 'y'),
    ]) {
      expect(MgError.isInstance(error)).toBe(true)
      expect(error instanceof MgError).toBe(true)
    }
    for (const other of [new Error('a'), new TypeError('b'), 'MgError', null, undefined, 7, {}]) {
      expect(MgError.isInstance(other)).toBe(false)
      expect(other instanceof MgError).toBe(false)
    }
    // Any object with the marker counts: that is what makes copies recognise each other.
    const foreign = { [Symbol.for('@mg/common/MgError')]: true, message: 'from another copy' }
    expect(foreign instanceof MgError).toBe(true)
    expect({ [Symbol.for('@mg/common/MgError')]: 'yes' } instanceof MgError).toBe(false)
  })

  it('keeps instanceof exact for subclasses', () => {
    const domain = new DomainError(2)
    expect(domain instanceof DomainError).toBe(true)
    expect(domain instanceof PackageError).toBe(true)
    expect(domain instanceof OtherError).toBe(false)
    expect(new PackageError('p') instanceof DomainError).toBe(false)
    expect(new MgError('m') instanceof PackageError).toBe(false)
    expect(DomainError.isInstance(domain)).toBe(true)
    expect(OtherError.isInstance(domain)).toBe(false)
    // A marked object is an MgError but not any particular subclass.
    const foreign = { [Symbol.for('@mg/common/MgError')]: true }
    expect(foreign instanceof PackageError).toBe(false)
    expect(PackageError.isInstance(foreign)).toBe(false)
  })

  it('narrows types through isInstance and instanceof', () => {
    const caught: unknown = new DomainError(5)
    if (DomainError.isInstance(caught)) expect(caught.detail).toBe(5)
    else expect.fail('isInstance should have matched')
    if (caught instanceof DomainError) expect(caught.detail).toBe(5)
    else expect.fail('instanceof should have matched')
  })
})
