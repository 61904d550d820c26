import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { ImplementationUnavailableError, type PeerTrainer } from '../implementations/trainer.js'
import type { PeerProblem, PeerReply, PeerRequest } from './protocol.js'

/** How to start a peer: a program, its arguments, and the folder to run it in. */
export interface PeerCommand {
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
}

/**
 * Starts `peer` as the peer trainer `name`, sends it `problem` and waits until it is ready; it
 * then speaks the line protocol of `protocol.ts`.
 *
 * @throws {@link ImplementationUnavailableError} when the process cannot start, exits without
 * answering, or answers with an error, then or at any later request.
 */
export async function startPeerTrainer(
  name: string,
  peer: PeerCommand,
  problem: PeerProblem,
): Promise<PeerTrainer> {
  const child = spawn(peer.command, peer.args, { cwd: peer.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  let errorOutput = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    errorOutput = (errorOutput + text).slice(-2000)
  })
  let failure: Error | undefined
  const ended = new Promise<void>((resolve) => {
    child.once('close', () => resolve())
    child.once('error', (error) => {
      failure = error
      resolve()
    })
  })
  // A peer that died shows as a missing reply, with its stderr; not as a write error here.
  child.stdin.on('error', () => {})
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]()

  const ask = async (request: PeerRequest): Promise<PeerReply> => {
    child.stdin.write(`${JSON.stringify(request)}\n`)
    const { value, done } = await replies.next()
    if (done) {
      await ended
      const why = failure?.message ?? errorOutput.trim().split('\n').at(-1) ?? 'no output'
      throw new ImplementationUnavailableError(`${name} exited without answering: ${why}`)
    }
    const reply = JSON.parse(value) as PeerReply
    if (reply.kind === 'error')
      throw new ImplementationUnavailableError(`${name}: ${reply.message}`)
    return reply
  }

  try {
    await ask({ kind: 'start', problem })
  } catch (error) {
    child.kill()
    throw error
  }
  return {
    async takeSteps(count, milliseconds) {
      const reply = await ask({ kind: 'steps', count, milliseconds })
      if (reply.kind !== 'steps')
        throw new ImplementationUnavailableError(`${name} answered '${reply.kind}' to 'steps'`)
      return { losses: reply.losses, times: reply.times }
    },
    dispose: () => child.stdin.end(),
  }
}
