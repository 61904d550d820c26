import { InvalidOptionError, type InvalidOptionErrorOptions } from './invalid-option-error.js'

/**
 * Thrown when an options object names an option the function does not have, most often a typo
 * (`compild: true`) that would otherwise be ignored without a word. The message suggests the
 * closest known option and lists them all. It is an {@link InvalidOptionError} whose `option` is the
 * unknown name.
 *
 * @example
 * ```ts
 * import { checkOptionsObject, UnknownOptionError } from '@mg/common'
 *
 * try {
 *   checkOptionsObject({ sead: 1 }, 'makeMoons', ['n', 'noise', 'seed'])
 * } catch (error) {
 *   if (error instanceof UnknownOptionError) console.error(error.message)
 *   // makeMoons: unknown option "sead". Did you mean "seed"? Known options: n, noise, seed.
 * }
 * ```
 *
 * @group Errors
 */
export class UnknownOptionError extends InvalidOptionError {
  /** The closest known option, if one is close enough to be the one meant. */
  readonly suggestion: string | undefined

  constructor(
    functionName: string,
    option: string,
    /** The options the function does take. */
    readonly knownOptions: readonly string[],
    options: InvalidOptionErrorOptions = {},
  ) {
    super(option, option, `one of the known options (${knownOptions.join(', ')})`, '', {
      ...options,
      functionName,
    })
    this.suggestion = closestName(option, knownOptions)
    // A typo reads better as "unknown option" with a suggestion than as "expected … received".
    const hint = this.suggestion ? ` Did you mean "${this.suggestion}"?` : ''
    this.message = `${functionName}: unknown option "${option}".${hint} Known options: ${knownOptions.join(', ')}.`
  }
}

/** The known name within a few edits of `name` (a third of its length, at least 2), if any. */
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}
