/**
 * Makes a `role="tablist"` work as WAI-ARIA tabs: click or arrow keys (Home, End too) to switch,
 * one tab in the tab order, the chosen panel shown. `onShow` hears the id of each panel shown.
 */
export function mountTabs(
  tablist: HTMLElement,
  onShow: (panelId: string) => void,
): (panelId: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
  const show = (panelId: string, focus = false) => {
    for (const tab of tabs) {
      const selected = tab.getAttribute('aria-controls') === panelId
      tab.setAttribute('aria-selected', String(selected))
      tab.tabIndex = selected ? 0 : -1
      document.getElementById(tab.getAttribute('aria-controls')!)!.hidden = !selected
      if (selected && focus) tab.focus()
    }
    onShow(panelId)
  }
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(tab.getAttribute('aria-controls')!))
    tab.addEventListener('keydown', (event) => {
      const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[
        event.key
      ]
      if (target === undefined) return
      event.preventDefault()
      const next = tabs[(target + tabs.length) % tabs.length]!
      show(next.getAttribute('aria-controls')!, true)
    })
  })
  return (panelId) => show(panelId)
}
