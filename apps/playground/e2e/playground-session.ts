import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { launchChromium } from './browser.js'
import { type PageProblems, watch } from './page-helpers.js'
import { type StaticServer, serveStatic } from './static-server.js'

const DIST = join(import.meta.dirname, '..', 'dist')
/** Where the scenarios leave their screenshots. */
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots')

/** The built playground served on 127.0.0.1 and open in headless Chromium, with what went wrong. */
export interface PlaygroundSession {
  server: StaticServer
  browser: Browser
  context: BrowserContext
  page: Page
  /** Requests that left 127.0.0.1 and errors the page logged, from every page `watch` was given. */
  problems: PageProblems
  close(): Promise<void>
}

/** Serves `dist/`, launches the system Chromium and opens one watched page in a new context. */
export async function openPlayground(options: BrowserContextOptions): Promise<PlaygroundSession> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(
      'apps/playground/dist is missing: run "pnpm build" (or "turbo run build") before "pnpm e2e".',
    )
  mkdirSync(SCREENSHOTS, { recursive: true })
  const server = await serveStatic(DIST)
  const browser = await launchChromium()
  const context = await browser.newContext(options)
  const problems: PageProblems = { outsideRequests: [], errors: [] }
  const page = await watch(await context.newPage(), server.url, problems)
  return {
    server,
    browser,
    context,
    page,
    problems,
    close: async () => {
      await context.close()
      await browser.close()
      await server.close()
    },
  }
}
