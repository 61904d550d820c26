let timer: ReturnType<typeof setTimeout> | undefined

/** Shows a short message at the bottom of the page (and to screen readers) for a few seconds. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const element = document.getElementById('toast')!
  element.textContent = message
  element.classList.toggle('error', kind === 'error')
  element.classList.add('visible')
  if (timer !== undefined) clearTimeout(timer)
  timer = setTimeout(() => element.classList.remove('visible'), kind === 'error' ? 8000 : 3500)
}
