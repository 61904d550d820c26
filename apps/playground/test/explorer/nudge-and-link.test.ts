import { describe, expect, it } from 'vitest'
import {
  decodeExplorerLink,
  type ExplorerLink,
  encodeExplorerLink,
  isExplorerHash,
} from '../../src/explorer/explorer-link.js'
import { nudgeInput } from '../../src/explorer/nudge.js'
import { load, presetText } from './helpers.js'

describe('nudging an input', () => {
  it('moves the output by about grad × h, as the lecture checks', () => {
    const { plan } = load(presetText('L'))
    const nudge = nudgeInput(plan, new Map(), 'a', 0.001)
    expect(nudge.before).toBe(-8)
    expect(nudge.grad).toBe(6)
    expect(nudge.predicted).toBeCloseTo(0.006, 12)
    expect(nudge.moved).toBeCloseTo(0.006, 9)
  })

  it('nudges from the values the page holds, not the text’s', () => {
    const { plan } = load(presetText('a-plus-a'))
    const nudge = nudgeInput(plan, new Map([['a', 5]]), 'a', 0.5)
    expect([nudge.before, nudge.after, nudge.grad]).toEqual([10, 11, 2])
  })
})

describe('the explorer’s link', () => {
  const link: ExplorerLink = {
    text: 'e = a*b; d = e + c\nL = d*f # the lecture',
    values: new Map([
      ['a', 2.5],
      ['f', -2],
    ]),
    step: 3,
    mode: 'hand',
    update: 'assign',
  }

  it('restores what it wrote', () => {
    const hash = encodeExplorerLink(link)
    expect(isExplorerHash(hash)).toBe(true)
    expect(decodeExplorerLink(hash)).toEqual({ link, problems: [] })
    expect(
      encodeExplorerLink({
        ...link,
        values: new Map(),
        step: 0,
        mode: 'step',
        update: 'accumulate',
      }),
    ).toBe('#backprop?expr=e+%3D+a*b%3B+d+%3D+e+%2B+c%0AL+%3D+d*f+%23+the+lecture')
  })

  it('keeps the usable parts of a broken link and says what it left out, without throwing', () => {
    const { link: decoded, problems } = decodeExplorerLink(
      '#backprop?expr=a*b&values=a:1e999,b:x,c:3,%3A&step=1e20&mode=fast&update=maybe',
    )
    expect(decoded).toEqual({ text: 'a*b', values: new Map([['c', 3]]) })
    expect(problems).toHaveLength(6)
    expect(problems[0]).toContain(
      'values: expected name:number pairs such as a:2, received "a:1e999"',
    )
    expect(problems).toContain('step: expected a whole number of at least 0, received "1e20"')
    expect(decodeExplorerLink('#backprop').problems).toEqual([])
    expect(isExplorerHash('#derivatives')).toBe(false)
  })
})
