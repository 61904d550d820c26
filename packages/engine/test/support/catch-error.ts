/** The error `run` throws, for a test to look inside; fails the test if it throws nothing. */
export function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw')
}
