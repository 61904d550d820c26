/** Where a command writes its output and reads its environment; tests and `cli.ts` pass the process's own. */
export interface Streams {
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
  env: NodeJS.ProcessEnv
}
