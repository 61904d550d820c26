/** Elements that use every key themselves: typing, choosing, or moving through points or tabs. */
const OWN_KEYS = 'input, select, textarea, canvas, [role="tab"], [contenteditable="true"]'
/** Elements that use Space and Enter themselves, to be pressed; letters stay shortcuts there. */
const PRESSABLE = 'button, a'

/**
 * Binds single-key shortcuts (`' '` for Space) on the page, except where the focused element needs
 * the key itself or a modifier is held, and, given a `view`, while that view is hidden.
 */
export function bindShortcuts(actions: Record<string, () => void>, view?: HTMLElement): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    if (view?.hidden) return
    const target = event.target instanceof Element ? event.target : undefined
    if (target?.closest(OWN_KEYS)) return
    if ((event.key === ' ' || event.key === 'Enter') && target?.closest(PRESSABLE)) return
    const action = actions[event.key.toLowerCase()]
    if (!action) return
    event.preventDefault()
    action()
  })
}
