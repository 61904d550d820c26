import { PassThrough } from 'node:stream'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { chooseProgressMode, formatDuration, startProgress } from '../src/progress.js'

/** A writable stream that remembers what was written; `isTTY` makes it look like a terminal. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream
  let written = ''
  stream.on('data', (chunk: Buffer) => {
    written += chunk
  })
  Object.assign(stream, {
    isTTY,
    columns: 160,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  })
  return { stream, text: () => written }
}

/** A clock that advances 50 ms per reading: 20 steps per second. */
function steadyClock(): () => number {
  let now = 0
  return () => (now += 50)
}

describe('chooseProgressMode', () => {
  it('draws a bar only on a terminal outside CI, and nothing for --json or --quiet', () => {
    const mode = (isTTY: boolean, env: NodeJS.ProcessEnv, json = false, quiet = false) =>
      chooseProgressMode({ isTTY, env, json, quiet })
    expect(mode(true, {})).toBe('bar')
    expect(mode(false, {})).toBe('lines')
    expect(mode(true, { CI: 'true' })).toBe('lines')
    expect(mode(true, { CI: '1' })).toBe('lines')
    expect(mode(true, { CI: 'false' })).toBe('bar')
    expect(mode(true, {}, true)).toBe('silent')
    expect(mode(false, { CI: 'true' }, false, true)).toBe('silent')
  })
})

describe('startProgress', () => {
  it('prints the first step, every tenth of the run and the last one, as plain lines', () => {
    const { stream, text } = fakeStream(false)
    const progress = startProgress({ mode: 'lines', total: 25, stream, now: steadyClock() })
    for (let step = 1; step <= 25; step++)
      progress.update({ step, loss: 1 / step, accuracy: step / 25 })
    progress.stop()
    const lines = text().trimEnd().split('\n')
    expect(lines.map((line) => line.match(/^step +(\d+)\/25/)?.[1])).toEqual([
      '1',
      '3',
      '6',
      '9',
      '12',
      '15',
      '18',
      '21',
      '24',
      '25',
    ])
    expect(lines.at(-1)).toMatch(
      /^step 25\/25 {2}loss 0\.0400 {2}accuracy 100\.0 % {2}\d+\.\d steps\/s {2}ETA 0\.0s$/,
    )
  })

  it('draws a bar with step, loss, accuracy, speed and time left on a terminal', () => {
    const { stream, text } = fakeStream(true)
    const progress = startProgress({ mode: 'bar', total: 4, stream, now: steadyClock() })
    progress.update({ step: 1, loss: 0.5, accuracy: 0.75 })
    progress.update({ step: 4, loss: 0.25, accuracy: 1 })
    progress.stop()
    progress.stop()
    // Colours depend on the environment (CI turns them on), so compare the visible text.
    expect(stripVTControlCharacters(text())).toMatch(
      /step 4\/4 █+ loss 0\.2500 · accuracy 100\.0 % · \d+\.\d steps\/s · ETA 0\.0s/,
    )
  })

  it('writes nothing when silent', () => {
    const { stream, text } = fakeStream(true)
    const progress = startProgress({ mode: 'silent', total: 4, stream })
    progress.update({ step: 1, loss: 0.5, accuracy: 0.75 })
    progress.stop()
    expect(text()).toBe('')
  })
})

describe('formatDuration', () => {
  it.each([
    [0.04, '0.0s'],
    [4.44, '4.4s'],
    [9.96, '10s'],
    [59.6, '1m00s'],
    [185, '3m05s'],
    [Number.POSITIVE_INFINITY, '–'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})
