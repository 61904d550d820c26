/**
 * Wraps `draw` so that asking many times before the next animation frame draws once, in that
 * frame: reports that arrive faster than frames cost nothing extra.
 */
export function onNextFrame(draw: () => void): () => void {
  let pending = false
  return () => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => {
      pending = false
      draw()
    })
  }
}
