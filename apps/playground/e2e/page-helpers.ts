import type { Browser, Page } from 'playwright-core'

/** What a page did that it should not: requests beyond the local server, and errors. */
export interface PageProblems {
  outsideRequests: string[]
  errors: string[]
}

/** Blocks and records every request that leaves `origin`, and records page errors and console errors. */
export async function watch(page: Page, origin: string, problems: PageProblems): Promise<Page> {
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue()
    problems.outsideRequests.push(url)
    return route.abort()
  })
  page.on('pageerror', (error) => problems.errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text())
  })
  return page
}

/** The number the page shows in the element with this id (e.g. `96.0%` gives 96). */
export async function shownNumber(page: Page, id: string): Promise<number> {
  return Number.parseFloat((await page.textContent(`#${id}`)) ?? '')
}

/** Keeps a copy of the boundary canvas's pixels in the page under `name`, for a later comparison. */
export async function keepBoundaryPixels(page: Page, name: string): Promise<void> {
  await page.evaluate((key) => {
    const canvas = document.getElementById('boundary') as HTMLCanvasElement
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    ;(window as unknown as Record<string, Uint8ClampedArray>)[key] = pixels.slice()
  }, name)
}

/** The share of boundary pixels that differ by more than a little between two kept copies. */
export async function changedShare(page: Page, before: string, after: string): Promise<number> {
  return page.evaluate(
    ([first, second]) => {
      const store = window as unknown as Record<string, Uint8ClampedArray>
      const a = store[first]!
      const b = store[second]!
      let changed = 0
      for (let index = 0; index < a.length; index += 4) {
        const difference =
          Math.abs(a[index]! - b[index]!) +
          Math.abs(a[index + 1]! - b[index + 1]!) +
          Math.abs(a[index + 2]! - b[index + 2]!)
        if (difference > 24) changed++
      }
      return changed / (a.length / 4)
    },
    [before, after] as const,
  )
}

/**
 * A page the size of a phone (390 × 844 CSS pixels, twice as dense, touch) in a context of its
 * own, watched for `problems` like the main page; `close` ends the context.
 */
export async function openPhonePage(
  browser: Browser,
  origin: string,
  problems: PageProblems,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  return { page: await watch(await phone.newPage(), origin, problems), close: () => phone.close() }
}

/** The page's width as laid out, to compare with the viewport's: wider means sideways scrolling. */
export function layoutWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}
