import os from 'node:os'

/** The machine a run happened on, as the report shows it. */
export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGB: number
  readonly node: string
  readonly platform: string
  /** 1-minute load averages at the start and end of the run: above `cores`, other work competed. */
  readonly loadAverage: { start: number; end?: number }
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: os.loadavg()[0]! },
  }
}

export function currentLoad(): number {
  return os.loadavg()[0]!
}
