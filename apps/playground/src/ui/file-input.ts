import { toast } from './toast.js'

/**
 * Calls `read` with the text and name of each file chosen in `input`, then clears the input so the
 * same file can be chosen again. An error `read` throws is shown to the user, not lost.
 */
export function onFileText(
  input: HTMLInputElement,
  read: (text: string, name: string) => void,
): void {
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    try {
      read(await file.text(), file.name)
    } catch (error) {
      toast(error instanceof Error ? error.message : String(error), 'error')
    }
  })
}
