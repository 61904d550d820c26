import { describe, expect, it, vi } from 'vitest'
import { workerLoop } from '../src/training/worker-loop.js'

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('workerLoop', () => {
  it('trains and reports frame after frame while playing, and stops on stop()', async () => {
    const events: string[] = []
    const loop = workerLoop({
      frameMs: 5,
      train: () => {
        events.push('train')
        return false
      },
      report: () => events.push('report'),
      reportError: (message) => events.push(`error ${message}`),
    })
    loop.play()
    expect(loop.running).toBe(true)
    // Two frames, however busy the machine is.
    await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(4), { timeout: 5000 })
    loop.stop()
    expect(loop.running).toBe(false)
    const count = events.length
    expect(events.slice(0, 4)).toEqual(['train', 'report', 'train', 'report'])
    await settle(20)
    expect(events).toHaveLength(count)
  })

  it('runs further pieces of a frame through the queue, so a stop between pieces is heard', async () => {
    let pieces = 0
    const loop = workerLoop({
      frameMs: 1000,
      train: () => {
        pieces++
        return true
      },
      report: () => {},
      reportError: () => {},
    })
    loop.play()
    await settle(50)
    loop.stop()
    const seen = pieces
    expect(seen).toBeGreaterThan(1)
    await settle(10)
    expect(pieces).toBe(seen)
  })

  it('stops and tells the page when training throws', async () => {
    const errors: string[] = []
    const loop = workerLoop({
      frameMs: 5,
      train: () => {
        throw new Error('NaN loss')
      },
      report: () => {},
      reportError: (message) => errors.push(message),
    })
    loop.play()
    await settle(10)
    expect(errors).toEqual(['NaN loss'])
    expect(loop.running).toBe(false)
    expect(loop.guarded(() => {})).toBe(true)
  })
})
