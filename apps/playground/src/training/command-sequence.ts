/**
 * A command as sent to a worker, numbered: the worker echoes the number of the last command it
 * handled in each report, so the page can tell a report that already answers its latest command
 * from one sent before that command arrived (whose `running`, say, is out of date).
 */
export type Numbered<Command> = Command & { sequence: number }

/** The page's side of numbered commands: numbers each command it sends. */
export interface CommandSequence {
  /** `command` with the next number. */
  number<Command extends object>(command: Command): Numbered<Command>
  /** Whether a report that echoes `sequence` was sent after the latest command was handled. */
  isCurrent(sequence: number): boolean
}

/** A fresh {@link CommandSequence}, numbering from 1. */
export function commandSequence(): CommandSequence {
  let sent = 0
  return {
    number: (command) => ({ ...command, sequence: ++sent }),
    isCurrent: (sequence) => sequence === sent,
  }
}
