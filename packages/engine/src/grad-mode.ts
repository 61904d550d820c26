let recording = true

/** Whether ops currently record a graph (false inside {@link noGrad}). */
export function isGradEnabled(): boolean {
  return recording
}

/**
 * Runs `fn` without recording a graph: ops still compute `data` but keep no inputs or backward
 * step, so inference over many points (a decision-boundary mesh) is fast and frees memory at once.
 *
 * @example
 * ```ts
 * const score = noGrad(() => model.forward([0.5, -0.2]))
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  const previous = recording
  recording = false
  try {
    return fn()
  } finally {
    recording = previous
  }
}
