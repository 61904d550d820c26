/** The part of the address after `#` that opens the explorer. */
const EXPLORER_HASH = 'backprop'

/** How gradients reach a node's inputs: `+=` (right), or `=` (the bug the lecture shows). */
export type GradUpdate = 'accumulate' | 'assign'

/** Everything a link restores: the expression, the inputs' values, and the moment of the backward pass. */
export interface ExplorerLink {
  readonly text: string
  /** Values of inputs, where they differ from the text's starting values. */
  readonly values: ReadonlyMap<string, number>
  /** Backward steps taken (0 = none, 1 = the output seeded, …). */
  readonly step: number
  readonly mode: 'step' | 'hand'
  readonly update: GradUpdate
}

/** A link read from the address: what it held, and one note per part that was unusable. */
export interface DecodedLink {
  /** The parts that were present and usable; the page keeps its defaults for the rest. */
  readonly link: Partial<ExplorerLink>
  readonly problems: readonly string[]
}

/**
 * Writes the explorer's state as the address's fragment: `#backprop?expr=…&values=a:2,b:-3&step=3`.
 * The step, mode and update are left out at their defaults.
 *
 * @example
 * ```ts
 * import { encodeExplorerLink } from './explorer-link.js'
 * encodeExplorerLink({ text: 'b = a + a', values: new Map([['a', 3]]), step: 2, mode: 'step', update: 'accumulate' })
 * // '#backprop?expr=b+%3D+a+%2B+a&values=a%3A3&step=2'
 * ```
 */
export function encodeExplorerLink(link: ExplorerLink): string {
  const query = new URLSearchParams({ expr: link.text })
  if (link.values.size > 0)
    query.set('values', [...link.values].map(([name, value]) => `${name}:${value}`).join(','))
  if (link.step > 0) query.set('step', String(link.step))
  if (link.mode === 'hand') query.set('mode', 'hand')
  if (link.update === 'assign') query.set('update', 'assign')
  return `#${EXPLORER_HASH}?${query}`
}

/** Whether the address's fragment opens the explorer. */
export function isExplorerHash(hash: string): boolean {
  return hash === `#${EXPLORER_HASH}` || hash.startsWith(`#${EXPLORER_HASH}?`)
}

/**
 * Reads the explorer's state from the address's fragment. Nothing here throws: a part that cannot
 * be used is left out of `link` and described in `problems`, so a hand-edited link still opens.
 */
export function decodeExplorerLink(hash: string): DecodedLink {
  const query = new URLSearchParams(hash.slice(hash.indexOf('?') + 1))
  const link: { -readonly [K in keyof ExplorerLink]?: ExplorerLink[K] } = {}
  const problems: string[] = []
  const text = query.get('expr')
  if (text !== null) link.text = text
  const values = query.get('values')
  if (values !== null) {
    const parsed = new Map<string, number>()
    for (const pair of values.split(',').filter((part) => part !== '')) {
      const [name = '', number = ''] = pair.split(':')
      const value = Number(number)
      if (/^[A-Za-z_]\w*$/.test(name) && number.trim() !== '' && Number.isFinite(value))
        parsed.set(name, value)
      else problems.push(`values: expected name:number pairs such as a:2, received "${pair}"`)
    }
    link.values = parsed
  }
  const step = query.get('step')
  if (step !== null) {
    const value = Number(step)
    if (/^\d+$/.test(step) && Number.isSafeInteger(value)) link.step = value
    else problems.push(`step: expected a whole number of at least 0, received "${step}"`)
  }
  const mode = query.get('mode')
  if (mode === 'hand' || mode === 'step') link.mode = mode
  else if (mode !== null) problems.push(`mode: expected step or hand, received "${mode}"`)
  const update = query.get('update')
  if (update === 'assign' || update === 'accumulate') link.update = update
  else if (update !== null)
    problems.push(`update: expected accumulate or assign, received "${update}"`)
  return { link, problems }
}
