import { describe, expect, it } from 'vitest'
import { commandSequence } from '../src/training/command-sequence.js'

describe('commandSequence', () => {
  it('numbers commands from 1 and keeps what they say', () => {
    const commands = commandSequence()
    expect(commands.number({ type: 'play' })).toEqual({ type: 'play', sequence: 1 })
    expect(commands.number({ type: 'step', count: 3 })).toEqual({
      type: 'step',
      count: 3,
      sequence: 2,
    })
  })

  it('takes a report as current only once the worker has handled the latest command', () => {
    const commands = commandSequence()
    // The worker's first report, before any command.
    expect(commands.isCurrent(0)).toBe(true)
    commands.number({ type: 'play' })
    // A report the worker sent before it heard 'play' says it is paused: out of date.
    expect(commands.isCurrent(0)).toBe(false)
    expect(commands.isCurrent(1)).toBe(true)
    commands.number({ type: 'pause' })
    expect(commands.isCurrent(1)).toBe(false)
    expect(commands.isCurrent(2)).toBe(true)
  })
})
