/** Elements that use these keys themselves: typing, choosing, pressing or moving through points. */
const OWN_KEYS =
  'input, select, textarea, button, a, canvas, [role="tab"], [contenteditable="true"]'

/**
 * Binds single-key shortcuts (`' '` for Space) on the page, except where the focused element needs
 * the key itself or a modifier is held.
 */
export function bindShortcuts(actions: Record<string, () => void>): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    if (event.target instanceof Element && event.target.closest(OWN_KEYS)) return
    const action = actions[event.key.toLowerCase()]
    if (!action) return
    event.preventDefault()
    action()
  })
}
