import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeProgram } from '../src/explorer/analyze-program.js'
import { planBackward } from '../src/explorer/backward-plan.js'
import { buildGraph } from '../src/explorer/evaluate-program.js'
import { parseProgram } from '../src/explorer/parse-program.js'
import { PRESETS } from '../src/explorer/presets.js'
import { watch } from './page-helpers.js'
import { openPlayground, type PlaygroundSession, SCREENSHOTS } from './playground-session.js'

let session: PlaygroundSession
let context: BrowserContext
let page: Page

/** The backward pass of a preset, computed here with the engine, to check what the page shows. */
function reference(id: string) {
  const plan = analyzeProgram(parseProgram(PRESETS.find((preset) => preset.id === id)!.text))
  const graph = buildGraph(plan, new Map())
  return { graph, pass: planBackward(graph.output) }
}

/** The grad field of each box the page draws, in topological order, as `-1.5000`. */
function shownGrads(target: Page): Promise<string[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('#explorer-graph g.node[id^="value-"]')]
      .sort((a, b) => Number(a.id.slice(6)) - Number(b.id.slice(6)))
      .map((group) => group.querySelector('.grad-text')?.textContent?.replace('grad ', '') ?? ''),
  )
}

const fixed = (value: number) => {
  const text = value.toFixed(4)
  return /^-0\.0+$/.test(text) ? text.slice(1) : text
}

async function loadPreset(id: string): Promise<void> {
  await page.click(`#explorer-presets button[data-preset="${id}"]`)
  await page.waitForSelector(`#explorer-presets button[data-preset="${id}"][aria-pressed="true"]`)
  const { graph } = reference(id)
  await page.waitForFunction(
    (count) => document.querySelectorAll('#explorer-graph g.node[id^="value-"]').length === count,
    graph.nodes.length,
  )
}

beforeAll(async () => {
  session = await openPlayground({ viewport: { width: 1440, height: 900 } })
  ;({ context, page } = session)
})

afterAll(() => session?.close())

describe('the backprop explorer in Chromium', () => {
  it('opens from its tab on the lecture’s L = d*f, its state in the address', async () => {
    await page.goto(session.server.url)
    await page.click('#tab-explorer')
    await page.waitForSelector('#explorer-graph svg g.node')
    expect(await page.getAttribute('[data-preset="L"]', 'aria-pressed')).toBe('true')
    expect(new URL(page.url()).hash).toMatch(/^#backprop\?expr=/)
    expect(await page.textContent('#explorer-step-count')).toBe('Step 0 of 4')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-explorer.png') })
  })

  it('points at a mistake and says what was expected, drawing nothing half-way', async () => {
    await page.fill('#explorer-text', 'a = 2; b = -3\nd = a*b + * c')
    await page.waitForSelector('#explorer-problem .problem-message')
    expect(await page.textContent('#explorer-problem .problem-message')).toContain(
      'Line 2, column 11: Expected a number, a name',
    )
    expect(await page.textContent('#explorer-problem mark')).toBe('*')
    expect(await page.getAttribute('#explorer-text', 'aria-invalid')).toBe('true')
    // The last good graph stays, greyed out and out of reach, until the text reads again.
    expect(
      await page.evaluate(() => document.querySelector<HTMLElement>('.explorer-backward')!.inert),
    ).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-explorer-mistake.png') })
    await page.click('#explorer-problem button')
    expect(
      await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart),
    ).toBe(24)
    await page.fill('#explorer-text', 'a = 2; b = -3\nd = a*b + c')
    await page.waitForFunction(
      () => document.getElementById('explorer-problem')?.textContent === '',
    )
    expect(
      await page.evaluate(() => document.querySelector<HTMLElement>('.explorer-backward')!.inert),
    ).toBe(false)
    expect(await page.locator('#explorer-inputs .input-row label').allTextContents()).toEqual([
      'a',
      'b',
      'c',
    ])
  })

  it('loads every lecture preset with the lecture’s numbers', async () => {
    for (const preset of PRESETS) {
      await loadPreset(preset.id)
      await page.click('#explorer-end')
      const { pass } = reference(preset.id)
      expect(await shownGrads(page), preset.id).toEqual(
        [...pass.gradsAfter(pass.steps.length)].map(fixed),
      )
      const output = await page.textContent(`#explorer-graph [id="value-${pass.nodes.length - 1}"]`)
      expect(output, preset.id).toContain(`data ${fixed(pass.nodes.at(-1)!.data)}`)
    }
    // micrograd's README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773.
    const grads = await shownGrads(page)
    const { pass } = reference('micrograd')
    const at = (label: string) => grads[pass.nodes.findIndex((node) => node.label === label)]
    expect([at('a'), at('b')]).toEqual(['138.8338', '645.5773'])
    expect(
      await page.textContent(`#explorer-graph [id="value-${pass.nodes.length - 1}"]`),
    ).toContain('data 24.7041')
  })

  it('steps the neuron’s whole backward pass, every grad shown as the engine computes it', async () => {
    await loadPreset('neuron')
    const { pass } = reference('neuron')
    for (let step = 0; step <= pass.steps.length; step++) {
      expect(await page.textContent('#explorer-step-count')).toBe(
        `Step ${step} of ${pass.steps.length}`,
      )
      expect(await shownGrads(page), `step ${step}`).toEqual([...pass.gradsAfter(step)].map(fixed))
      if (step === 4)
        expect(await page.locator('#explorer-lines code').allTextContents()).toEqual([
          'x1w1.grad += 1 × x1w1x2w2.grad = 1 × 0.5 = 0.5',
          'x2w2.grad += 1 × x1w1x2w2.grad = 1 × 0.5 = 0.5',
        ])
      if (step === pass.steps.length - 1)
        await page.screenshot({ path: join(SCREENSHOTS, 'desktop-explorer-neuron.png') })
      // The keyboard steps as well as the button: N on the focused button.
      if (step < pass.steps.length) await page.keyboard.press(step % 2 === 0 ? 'n' : 'Enter')
      if (step === 0) await page.focus('#explorer-step')
    }
    expect(await page.isDisabled('#explorer-step')).toBe(true)
    expect(await page.locator('#explorer-lines code').allTextContents()).toEqual([
      'x1.grad += w1.data × x1w1.grad = -3 × 0.5 = -1.5',
      'w1.grad += x1.data × x1w1.grad = 2 × 0.5 = 1',
    ])
    await page.keyboard.press('b')
    expect(await page.textContent('#explorer-step-count')).toBe(
      `Step ${pass.steps.length - 1} of ${pass.steps.length}`,
    )
  })

  it('shows the = bug on a + a: a keeps only its last use', async () => {
    await loadPreset('a-plus-a')
    await page.check('#explorer-assign')
    await page.click('#explorer-end')
    expect(await shownGrads(page)).toEqual(['1.0000', '1.0000'])
    expect(await page.getAttribute('[id="value-0"]', 'class')).toContain('is-wrong')
    expect(await page.textContent('#explorer-lines')).toContain('a.grad is 1, not 2')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-explorer-bug.png') })
    await page.uncheck('#explorer-assign')
    expect(await shownGrads(page)).toEqual(['2.0000', '1.0000'])
  })

  it('checks gradients worked out by hand: one right, one wrong, one revealed', async () => {
    await loadPreset('L')
    await page.check('input[name="explorer-mode"][value="hand"]')
    expect(new Set(await shownGrads(page))).toEqual(new Set(['?']))
    const row = (label: string) =>
      page.locator('.hand-row', { has: page.locator(`label code:text-is("${label}.grad")`) })
    // An answer may be an expression of the names, each standing for its data: d.grad = f.data.
    await row('d').locator('input').fill('f')
    await row('d').locator('input').press('Enter')
    expect(await row('d').getAttribute('class')).toContain('is-right')
    await row('b').locator('input').fill('4')
    await row('b').getByRole('button', { name: 'Check' }).click()
    const wrong = (await row('b').locator('.hand-feedback').textContent()) ?? ''
    expect(wrong).toContain('The size is right but the sign is not.')
    expect(wrong).toContain(
      "each factor's local derivative is the other factor. So b.grad = a.data × e.grad.",
    )
    await row('c').getByRole('button', { name: 'Reveal' }).click()
    const { pass } = reference('L')
    const grads = await shownGrads(page)
    const at = (label: string) => grads[pass.nodes.findIndex((node) => node.label === label)]
    expect([at('d'), at('b'), at('c'), at('a')]).toEqual(['-2.0000', '?', '-2.0000', '?'])
    expect(await page.textContent('#explorer-hand-progress')).toBe('2 of 7 gradients found.')
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-explorer-by-hand.png') })
    await page.check('input[name="explorer-mode"][value="step"]')
  })

  it('nudges an input and compares the output’s move with grad × h', async () => {
    await loadPreset('L')
    await page.selectOption('#explorer-nudge-input', 'a')
    await page.fill('#explorer-nudge-h', '0.001')
    const cells = await page.locator('#explorer-nudge-table tr').allTextContents()
    expect(cells).toEqual([
      'L-8',
      'L after a += 0.001-7.994',
      'ΔL, how far it moved0.006',
      'a.grad × h = 6 × 0.0010.006',
      'ΔL / h, the slope (≈ a.grad)6',
    ])
    await page.fill('#explorer-input-a', '3')
    await page.waitForFunction(
      () => document.querySelector('#explorer-nudge-table tr')?.textContent === 'L-2',
    )
  })

  it('restores the same moment from a shared link', async () => {
    await loadPreset('neuron')
    await page.fill('#explorer-input-w2', '0.5')
    for (let step = 0; step < 3; step++) await page.click('#explorer-step')
    const link = page.url()
    const lines = await page.locator('#explorer-lines').textContent()
    const grads = await shownGrads(page)
    const other = await watch(await context.newPage(), session.server.url, session.problems)
    await other.goto(link)
    await other.waitForSelector('#explorer-graph svg g.node')
    await other.waitForFunction(
      (count) => document.querySelectorAll('#explorer-graph .grad-text').length === count,
      grads.length,
    )
    expect(await other.isHidden('#view-train')).toBe(true)
    expect(await other.textContent('#explorer-step-count')).toBe('Step 3 of 6')
    expect(await other.inputValue('#explorer-input-w2')).toBe('0.5')
    expect(await other.locator('#explorer-lines').textContent()).toBe(lines)
    expect(await shownGrads(other)).toEqual(grads)
    await other.close()
  })

  it('opens a broken link on what it can use, with a visible note, never an exception', async () => {
    const broken = await watch(await context.newPage(), session.server.url, session.problems)
    await broken.goto(
      `${session.server.url}#backprop?expr=L%20%3D%20a*b&values=a:x,b:4&step=99&mode=fast`,
    )
    await broken.waitForSelector('#explorer-graph svg g.node')
    const note = (await broken.textContent('#explorer-note')) ?? ''
    expect(note).toContain('Parts of this link could not be used')
    expect(note).toContain('past the end')
    expect(await broken.textContent('#explorer-step-count')).toBe('Step 2 of 2')
    expect(await broken.inputValue('#explorer-input-b')).toBe('4')
    await broken.close()
  })

  it('fits a phone screen', async () => {
    const phone = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    const mobile = await watch(await phone.newPage(), session.server.url, session.problems)
    await mobile.goto(`${session.server.url}#backprop`)
    await mobile.waitForSelector('#explorer-graph svg g.node')
    await mobile.tap('[data-preset="neuron"]')
    await mobile.tap('#explorer-step')
    await mobile.tap('#explorer-step')
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    )
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-explorer.png') })
    await mobile.screenshot({ path: join(SCREENSHOTS, 'phone-explorer-full.png'), fullPage: true })
    await phone.close()
  })

  it('loaded nothing from outside and logged no errors', () => {
    expect(session.problems.outsideRequests).toEqual([])
    expect(session.problems.errors).toEqual([])
  })
})
