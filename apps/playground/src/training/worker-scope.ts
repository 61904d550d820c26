/** The worker side of `postMessage`, typed without pulling the WebWorker lib into the page's types. */
export interface WorkerScope<Incoming, Outgoing> {
  onmessage: ((event: MessageEvent<Incoming>) => void) | null
  postMessage(message: Outgoing, transfer: Transferable[]): void
}

/** This worker's own scope, hearing `Incoming` commands and sending `Outgoing` reports. */
export function workerScope<Incoming, Outgoing>(): WorkerScope<Incoming, Outgoing> {
  return self as unknown as WorkerScope<Incoming, Outgoing>
}
