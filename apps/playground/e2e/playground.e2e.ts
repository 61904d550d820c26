import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatePoints, prepareData } from '../src/data/prepared-data.js'
import { plotTransform } from '../src/render/plot-geometry.js'
import { defaultSettings } from '../src/state/settings.js'
import {
  changedShare,
  keepBoundaryPixels,
  type PageProblems,
  shownNumber,
  watch,
} from './page-helpers.js'
import { openPlayground, type PlaygroundSession, SCREENSHOTS } from './playground-session.js'
import type { StaticServer } from './static-server.js'

let session: PlaygroundSession
let server: StaticServer
let browser: Browser
let page: Page
/** The page must load nothing from the internet and log no errors. */
let problems: PageProblems

beforeAll(async () => {
  session = await openPlayground({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
  ;({ server, browser, page, problems } = session)
})

afterAll(() => session?.close())

describe('the playground in Chromium', () => {
  it('opens on moons with an untrained model drawn', async () => {
    await page.goto(server.url)
    await page.waitForFunction(() =>
      document.getElementById('stat-test-accuracy')?.textContent?.includes('%'),
    )
    expect(await page.isChecked('input[name="dataset"][value="moons"]')).toBe(true)
    expect(await page.isChecked('#compiled')).toBe(true)
    expect(await page.textContent('#stat-step')).toBe('0')
    expect(await page.getAttribute('#network', 'aria-label')).toContain(
      'Network 2-16-16-1 (relu, relu) with 337 parameters',
    )
    await keepBoundaryPixels(page, 'untrained')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-start.png') })
  })

  it('trains moons in a worker to 95 % test accuracy and repaints the boundary', async () => {
    const pressed = () => page.getAttribute('#play', 'aria-pressed')
    // Mini-batch training wobbles by a test point or two, so if the pause lands on a dip, train on.
    for (
      let attempt = 0;
      attempt < 5 && (await shownNumber(page, 'stat-test-accuracy')) < 95;
      attempt++
    ) {
      await page.click('#play')
      await page.waitForFunction(
        () =>
          Number.parseFloat(document.getElementById('stat-test-accuracy')?.textContent ?? '') >= 95,
        undefined,
        { timeout: 60_000, polling: 100 },
      )
      // The page stays responsive while the worker trains: a frame comes back promptly.
      const frameMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const started = performance.now()
            requestAnimationFrame(() => resolve(performance.now() - started))
          }),
      )
      expect(frameMs).toBeLessThan(250)
      await page.click('#play')
      await page.waitForFunction(
        () => document.getElementById('play')?.getAttribute('aria-pressed') === 'false',
      )
      expect(await pressed()).toBe('false')
    }
    expect(await shownNumber(page, 'stat-test-accuracy')).toBeGreaterThanOrEqual(95)
    expect(Number(await page.textContent('#stat-step'))).toBeGreaterThan(0)
    expect(await page.textContent('#ms-per-step')).toMatch(/^\d+\.\d+ ms\/step$/)
    await keepBoundaryPixels(page, 'trained')
    expect(await changedShare(page, 'untrained', 'trained')).toBeGreaterThan(0.1)
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-trained.png') })
  })

  it('shows the computation graph of a clicked point with data and grad', async () => {
    const settings = defaultSettings()
    const data = prepareData(generatePoints({ ...settings, dataset: 'moons' }), settings, 'moons')
    const box = (await page.locator('#boundary').boundingBox())!
    const [x, y] = plotTransform(data.domain, box.width, box.height).toPixel(data.train.X[0]!)
    await page.mouse.click(box.x + x, box.y + y)
    await page.waitForSelector('#graph svg g.node')
    const graphText = (await page.textContent('#graph svg')) ?? ''
    expect(graphText).toMatch(/data -?\d+\.\d{3}/)
    expect(graphText).toMatch(/grad -?\d+\.\d{3}/)
    expect(await page.textContent('#graph-caption')).toContain('Training point')
    // 337 parameters are too many to open on the whole graph: it starts on the first neuron.
    expect(await page.inputValue('#graph-view')).toBe('0:0')
    expect(graphText).toContain('h1.1')
    expect(graphText).toContain('w1.1[0]')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-graph.png') })
    await page.selectOption('#graph-view', 'network')
    await page.waitForFunction(() =>
      document.querySelector('#graph svg')?.textContent?.includes('loss'),
    )
    await page.click('#graph-expand')
    expect(await page.getAttribute('#graph-expand', 'aria-pressed')).toBe('true')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-graph-enlarged.png') })
    await page.keyboard.press('Escape')
    expect(await page.getAttribute('#graph-expand', 'aria-pressed')).toBe('false')
  })

  it('works from the keyboard: points, step and play shortcuts', async () => {
    await page.focus('#boundary')
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(() =>
      document.getElementById('graph-caption')?.textContent?.startsWith('Test point'),
    )
    const before = Number(await page.textContent('#stat-step'))
    await page.focus('main')
    await page.keyboard.press('s')
    await page.waitForFunction(
      (step) => Number(document.getElementById('stat-step')?.textContent) === step + 1,
      before,
    )
    await page.keyboard.press('Space')
    await page.waitForFunction(
      () => document.getElementById('play')?.getAttribute('aria-pressed') === 'true',
    )
    await page.keyboard.press('Space')
    await page.waitForFunction(
      () => document.getElementById('play')?.getAttribute('aria-pressed') === 'false',
    )
    await page.focus('#play')
    await page.keyboard.press('Tab')
    const focusedId = await page.evaluate(() => document.activeElement?.id)
    expect(focusedId).toBe('step')
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    )
    expect(outline).toBe('solid')
  })

  it('keeps the settings in the link and restores them', async () => {
    await page.selectOption('#learningRate', '0.1')
    await page.waitForFunction(() => location.search.includes('learningRate=0.1'))
    // Without the compiled graph, every step builds its graph anew, several times slower.
    await page.uncheck('#compiled')
    await page.waitForFunction(() => location.search.includes('compiled=false'))
    await page.goto(`${server.url}?dataset=spiral&samples=300&hiddenLayers=12-12&activation=tanh`)
    await page.waitForFunction(() =>
      document.getElementById('stat-test-accuracy')?.textContent?.includes('%'),
    )
    expect(await page.isChecked('input[name="dataset"][value="spiral"]')).toBe(true)
    expect(await page.inputValue('#hiddenLayers')).toBe('12-12')
    expect(await page.inputValue('#activation')).toBe('tanh')
    // Three classes: the page moves to a loss that handles them.
    expect(await page.inputValue('#loss')).toBe('softmax-cross-entropy')
    expect(await page.getAttribute('#network', 'aria-label')).toContain(
      'Network 2-12-12-3 (tanh, tanh)',
    )
    await page.click('#play')
    await page.waitForFunction(
      () => Number(document.getElementById('stat-step')?.textContent) >= 100,
    )
    await page.click('#play')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-spiral.png') })
  })

  it('saves the model as @mg/nn JSON and loads it back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-model')])
    const saved = readFileSync((await download.path())!, 'utf8')
    const model = JSON.parse(saved)
    expect(model.format).toBe('@mg/nn MLP')
    expect(model.layers.map((layer: { weights: unknown[] }) => layer.weights.length)).toEqual([
      12, 12, 3,
    ])
    await page.goto(`${server.url}?dataset=spiral&samples=300`)
    await page.waitForFunction(() =>
      document.getElementById('stat-test-accuracy')?.textContent?.includes('%'),
    )
    await page.setInputFiles('#load-model', {
      name: 'spiral-model.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    })
    await page.waitForFunction(() =>
      document.getElementById('toast')?.textContent?.startsWith('Loaded spiral-model.json'),
    )
    expect(await page.inputValue('#hiddenLayers')).toBe('12-12')
    // The loaded weights are the trained ones: the restarted page shows their accuracy at step 0.
    await page.waitForFunction(
      () =>
        Number.parseFloat(document.getElementById('stat-train-accuracy')?.textContent ?? '') > 90,
    )
    expect(await page.textContent('#stat-step')).toBe('0')
  })

  it('trains on points loaded from a CSV file', async () => {
    const rows = ['x0,x1,label']
    for (let index = 0; index < 80; index++) {
      const angle = (index / 80) * 2 * Math.PI
      const radius = index % 2 === 0 ? 0.5 : 1.5
      rows.push(
        `${(radius * Math.cos(angle)).toFixed(4)},${(radius * Math.sin(angle)).toFixed(4)},${index % 2 === 0 ? -1 : 1}`,
      )
    }
    await page.setInputFiles('#load-csv', {
      name: 'rings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    })
    await page.waitForFunction(() =>
      document.getElementById('csv-hint')?.textContent?.includes('rings.csv'),
    )
    expect(await page.textContent('#csv-hint')).toBe('Loaded rings.csv: 80 points, 2 classes.')
    expect(await page.isDisabled('#samples')).toBe(true)
    expect(await page.textContent('#class-legend')).toBe('class 0class 1')
    await page.click('#play')
    await page.waitForFunction(
      () =>
        Number.parseFloat(document.getElementById('stat-train-accuracy')?.textContent ?? '') >= 95,
      undefined,
      { timeout: 60_000 },
    )
    await page.click('#play')
    // The link cannot carry a file, so it shares the settings with the default dataset.
    expect(new URL(page.url()).searchParams.get('dataset')).toBeNull()
  })

  it('teaches the derivative of 3x² − 4x + 5 with backprop and finite differences', async () => {
    await page.click('#tab-lesson')
    await page.waitForSelector('#lesson-graph svg g.node')
    // At x = 3 the slope by hand is 6·3 − 4 = 14.
    expect(await page.textContent('#lesson-exact')).toBe('14.00000000')
    expect(await page.textContent('#lesson-backprop')).toBe('14.00000000')
    // h starts at 1: (f(4) − f(3)) / 1 = 37 − 20 = 17. Three steps down, h = 0.001: 14 + 3h = 14.003.
    expect(await page.textContent('#lesson-numeric')).toBe('17.00000000')
    await page.focus('#lesson-h')
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowLeft')
    expect(await page.inputValue('#lesson-h')).toBe('-3')
    expect(Number(await page.textContent('#lesson-numeric'))).toBeCloseTo(14.003, 6)
    await page.focus('#lesson-x')
    await page.keyboard.press('Home')
    expect(await page.textContent('#lesson-backprop')).toBe('-16.00000000')
    await page.locator('#lesson-x').fill('3')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-lesson.png') })
    expect(new URL(page.url()).hash).toBe('#derivatives')
  })

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    const mobile = await watch(await phone.newPage(), server.url, problems)
    await mobile.goto(server.url)
    await mobile.waitForFunction(() =>
      document.getElementById('stat-test-accuracy')?.textContent?.includes('%'),
    )
    await mobile.tap('#play')
    await mobile.waitForFunction(
      () => Number(document.getElementById('stat-step')?.textContent) >= 60,
    )
    await mobile.tap('#play')
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    )
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-train.png') })
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-train-full.png'), fullPage: true })
    await mobile.tap('#tab-lesson')
    await mobile.waitForSelector('#lesson-graph svg g.node')
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    )
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-lesson.png'), fullPage: true })
    await phone.close()
  })

  it('loaded nothing from outside and logged no errors', () => {
    expect(problems.outsideRequests).toEqual([])
    expect(problems.errors).toEqual([])
  })
})
