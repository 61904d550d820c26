import { checkFunction } from '@mg/common'

let recording = true

/** Whether ops currently record a graph (false inside {@link noGrad}). */
export function isGradEnabled(): boolean {
  return recording
}

/**
 * Runs `fn` without recording a graph: ops still compute `data` but keep no inputs or backward
 * step, so inference over many points (a decision-boundary mesh) is fast and frees memory at once.
 *
 * @throws {@link InvalidOptionError} if `fn` is not a function.
 * @example
 * ```ts
 * import { noGrad, Value } from '@mg/engine'
 * const w = new Value(3)
 * const score = noGrad(() => w.mul(2)) // score.data is 6, and score keeps no link to w
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction(
    'fn',
    fn,
    'a function to run without recording, such as () => model.predict(x)',
    'noGrad',
  )
  const previous = recording
  recording = false
  try {
    return fn()
  } finally {
    recording = previous
  }
}
