import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shownNumber } from './page-helpers.js'
import { openPlayground, type PlaygroundSession } from './playground-session.js'

let session: PlaygroundSession
let page: Page

beforeAll(async () => {
  session = await openPlayground({ viewport: { width: 1440, height: 900 } })
  page = session.page
})

afterAll(() => session?.close())

describe('the playground’s fixes', () => {
  it('stops training at once on pause, even at full speed', async () => {
    await page.goto(`${session.server.url}?hiddenLayers=4`)
    await page.waitForFunction(() =>
      document.getElementById('stat-test-accuracy')?.textContent?.includes('%'),
    )
    await page.selectOption('#speed', 'fast')
    await page.click('#play')
    await page.waitForFunction(
      () => Number(document.getElementById('stat-step')?.textContent) > 500,
    )
    const start = await shownNumber(page, 'stat-step')
    await page.waitForTimeout(1000)
    const perSecond = (await shownNumber(page, 'stat-step')) - start
    // The step shown when the click is handled, then where training stopped.
    await page.evaluate(() =>
      document.getElementById('play')!.addEventListener(
        'click',
        () => {
          ;(window as unknown as { atPause: number }).atPause = Number(
            document.getElementById('stat-step')!.textContent,
          )
        },
        { capture: true, once: true },
      ),
    )
    await page.click('#play')
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false')
    await page.waitForTimeout(500)
    const stopped = await shownNumber(page, 'stat-step')
    const atPause = await page.evaluate(() => (window as unknown as { atPause: number }).atPause)
    // Within a frame or two of training (what the picture lags behind), not a frame more.
    expect(stopped - atPause).toBeLessThan(perSecond * 0.15)
    await page.waitForTimeout(700)
    expect(await shownNumber(page, 'stat-step')).toBe(stopped)
  })

  it('gives a link’s out-of-range seed the default and a visible note, never an exception', async () => {
    await page.goto(`${session.server.url}?seed=100000000000000000000`)
    await page.waitForFunction(() =>
      document.getElementById('toast')?.classList.contains('visible'),
    )
    expect(await page.textContent('#toast')).toContain(
      'seed: expected a whole number of at least 0',
    )
    expect(await page.inputValue('#seed')).toBe('1')
    await page.fill('#seed', '1e20')
    await page.press('#seed', 'Tab')
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true')
    expect(await page.textContent('#toast')).toContain(
      'Seed: expected a whole number from 0 to 2147483647',
    )
    await page.fill('#seed', '99999')
    await page.press('#seed', 'Tab')
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBeNull()
    await page.click('#step')
    await page.waitForFunction(() => document.getElementById('stat-step')?.textContent === '1')
  })

  it('says when a computation graph is larger than its card, and lets it scroll', async () => {
    await page.focus('#boundary')
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('#graph svg g.node')
    await page.selectOption('#graph-view', 'network')
    await page.waitForFunction(() =>
      document.querySelector('#graph svg')?.textContent?.includes('loss'),
    )
    const frame = await page.evaluate(() => {
      const graph = document.getElementById('graph')!
      return { scrolls: graph.scrollWidth > graph.clientWidth, focusable: graph.tabIndex === 0 }
    })
    expect(frame).toEqual({ scrolls: true, focusable: true })
    expect(await page.isVisible('text=The graph is larger than the card')).toBe(true)
  })

  it('loaded nothing from outside and logged no errors', () => {
    expect(session.problems.outsideRequests).toEqual([])
    expect(session.problems.errors).toEqual([])
  })
})
