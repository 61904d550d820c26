import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { layoutWidth, openPhonePage, shownNumber } from './page-helpers.js'
import { openPlayground, type PlaygroundSession, SCREENSHOTS } from './playground-session.js'

let session: PlaygroundSession
let page: Page

beforeAll(async () => {
  session = await openPlayground({ viewport: { width: 1440, height: 900 } })
  page = session.page
})

afterAll(async () => {
  await session?.close()
})

/** The ten probabilities the page shows, in percent, digit by digit. */
async function probabilities(target: Page): Promise<number[]> {
  const texts = await target.$$eval('#digits-probabilities .value', (cells) =>
    cells.map((cell) => cell.textContent ?? ''),
  )
  return texts.map((text) => Number.parseFloat(text))
}

/** Draws one stroke through `points` (pad coordinates from 0 to 1) with the mouse, `steps` moves per leg. */
async function drawStroke(target: Page, points: [number, number][], steps = 4): Promise<void> {
  const box = (await target.locator('#digits-pad').boundingBox())!
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const
  await target.mouse.move(...at(points[0]!))
  await target.mouse.down()
  for (const point of points.slice(1)) await target.mouse.move(...at(point), { steps })
  await target.mouse.up()
}

/** Waits, while training runs, until the test accuracy shown reaches `percent`. */
async function testAccuracyReaches(target: Page, percent: number): Promise<void> {
  await target.waitForFunction(
    (least) =>
      Number.parseFloat(document.getElementById('digits-test-accuracy')?.textContent ?? '') >=
      least,
    percent,
    { timeout: 60_000, polling: 100 },
  )
}

/** Points around an ellipse centred in the pad. */
function ellipse(count: number): [number, number][] {
  return Array.from({ length: count + 1 }, (_, index) => {
    const angle = (2 * Math.PI * index) / count
    return [0.5 + 0.22 * Math.sin(angle), 0.5 - 0.32 * Math.cos(angle)]
  })
}

describe('the digits tab in Chromium', () => {
  it('opens from #digits with the test images and an untrained network', async () => {
    await page.goto(`${session.server.url}#digits`)
    await page.waitForSelector('#digits-gallery .digits-thumb >> nth=39')
    expect(await page.getAttribute('#tab-digits', 'aria-selected')).toBe('true')
    expect(await page.isHidden('#view-train')).toBe(true)
    expect(await page.textContent('#digits-step')).toBe('0')
    expect(await page.$$('#digits-probabilities li')).toHaveLength(10)
    expect(await page.textContent('#digits-caption')).toMatch(/^The network says \d/)
  })

  it('trains in a worker while the test accuracy climbs past 95 %', async () => {
    // Every state the button shows from the click on: a report the worker sent before it heard
    // 'play' must not show it paused, even for a moment.
    await page.evaluate(() => {
      const button = document.getElementById('digits-play')!
      const shown: string[] = []
      ;(window as unknown as { pressedStates: string[] }).pressedStates = shown
      new MutationObserver(() => shown.push(button.getAttribute('aria-pressed') ?? '')).observe(
        button,
        { attributes: true, attributeFilter: ['aria-pressed'] },
      )
      button.click()
    })
    expect(await page.getAttribute('#digits-play', 'aria-pressed')).toBe('true')
    await page.waitForFunction(
      () => Number(document.getElementById('digits-step')?.textContent) > 0,
    )
    const shown = await page.evaluate(
      () => (window as unknown as { pressedStates: string[] }).pressedStates,
    )
    expect(shown.length).toBeGreaterThan(0)
    expect(shown).toEqual(shown.map(() => 'true'))
    const early = await shownNumber(page, 'digits-test-accuracy')
    await testAccuracyReaches(page, 95)
    await page.click('#digits-play')
    await page.waitForFunction(
      () => document.getElementById('digits-play')?.getAttribute('aria-pressed') === 'false',
    )
    // The pause may land a report later, on a wobble of mini-batch training: an image or two lower.
    const trained = await shownNumber(page, 'digits-test-accuracy')
    expect(trained).toBeGreaterThanOrEqual(94)
    expect(trained).toBeGreaterThan(early)
    expect(await page.textContent('#digits-ms-per-step')).toMatch(/ms per step/)
  })

  it('updates the ten probabilities while a digit is drawn, and reads a 1 and a 0', async () => {
    expect(await probabilities(page)).toEqual(new Array(10).fill(Number.NaN))
    // A 1 with a flag: first the flag, then the long downstroke.
    const box = (await page.locator('#digits-pad').boundingBox())!
    const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const
    await page.mouse.move(...at(0.4, 0.24))
    await page.mouse.down()
    await page.mouse.move(...at(0.53, 0.12), { steps: 4 })
    const halfway = await probabilities(page)
    await page.mouse.move(...at(0.5, 0.88), { steps: 8 })
    await page.mouse.up()
    const one = await probabilities(page)
    expect(halfway.reduce((sum, p) => sum + p, 0)).toBeCloseTo(100, 0)
    expect(one).not.toEqual(halfway)
    expect(one.indexOf(Math.max(...one))).toBe(1)
    expect(await page.textContent('#digits-verdict')).toBe('· it reads a 1')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-digits-one.png') })

    await page.click('#digits-clear')
    expect(await probabilities(page)).toEqual(new Array(10).fill(Number.NaN))
    await drawStroke(page, ellipse(24), 2)
    const zero = await probabilities(page)
    expect(zero.indexOf(Math.max(...zero))).toBe(0)
    expect(await page.textContent('#digits-verdict')).toBe('· it reads a 0')
  })

  it('shows the saliency map of a chosen test image, and steps through the mistakes', async () => {
    await page.click('#digits-gallery .digits-thumb >> nth=4')
    expect(await page.getAttribute('#digits-gallery .digits-thumb >> nth=4', 'aria-pressed')).toBe(
      'true',
    )
    expect(await page.textContent('#digits-chosen svg title')).toMatch(/^Test image 5: a \d$/)
    // The map is signed: pixels in both colours, blue (lowers) and vermillion (raises).
    const fills = await page.$$eval('#digits-saliency svg g.image rect', (rects) =>
      rects.map((rect) => rect.getAttribute('fill') ?? ''),
    )
    expect(fills.length).toBeGreaterThan(10)
    const hues = new Set(
      fills.map((fill) => (fill.slice(1, 3) > fill.slice(5, 7) ? 'red' : 'blue')),
    )
    expect(hues).toEqual(new Set(['red', 'blue']))
    await page.click('#digits-next-mistake')
    expect(await page.textContent('#digits-caption')).toMatch(
      /^The network says \d \([\d.]+ %\), but it is a \d\.$/,
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-digits.png') })
  })

  it('fits a phone screen', async () => {
    const { server, browser, problems } = session
    const { page: mobile, close } = await openPhonePage(browser, server.url, problems)
    await mobile.goto(`${server.url}#digits`)
    await mobile.waitForSelector('#digits-gallery .digits-thumb >> nth=39')
    await mobile.tap('#digits-play')
    await testAccuracyReaches(mobile, 90)
    await mobile.tap('#digits-play')
    await drawStroke(mobile, ellipse(24), 2)
    expect(await layoutWidth(mobile)).toBeLessThanOrEqual(390)
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-digits.png') })
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-digits-full.png'), fullPage: true })
    await close()
  })

  it('loaded nothing from outside and logged no errors', () => {
    expect(session.problems.outsideRequests).toEqual([])
    expect(session.problems.errors).toEqual([])
  })
})
