/** What `run` throws, or undefined if it returns: for tests that look into the error's fields. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}
