import { CommanderError } from 'commander'
import { CliError } from './cli-error.js'

/** Commander's codes for help and version output, which end the program successfully. */
const SUCCESS_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version'])

/**
 * The one place errors reach the user: prints `error: <message>` as a single line on `stderr` and
 * returns the exit code (2 for bad input, 1 for a failed run). Stack traces appear only with
 * `DEBUG` set, since users need the message and developers the trace.
 */
export function reportError(
  error: unknown,
  stderr: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
): number {
  if (error instanceof CommanderError) {
    if (SUCCESS_CODES.has(error.code)) return 0
    const message = oneLine(error.message.replace(/^error: /, ''))
    // A suggestion ("Did you mean --seed?") already says what to do; otherwise point to the help.
    stderr.write(`error: ${message}${message.includes('Did you mean') ? '' : ' (see --help)'}\n`)
    return 2
  }
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof CliError) {
    stderr.write(`error: ${oneLine(message)}\n`)
    if (env.DEBUG && error.cause instanceof Error) stderr.write(`${error.cause.stack}\n`)
    return error.exitCode
  }
  stderr.write(
    `error: unexpected ${error instanceof Error ? error.name : 'failure'}: ${oneLine(message)}\n`,
  )
  if (env.DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`)
  return 1
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
