import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { type Notebook, readNotebook } from './notebook.js'

const run = promisify(execFile)
const folder = resolve(import.meta.dirname, '../..')
const deno = join(folder, 'node_modules/.bin/deno')
const executor = join(folder, 'test/execute_notebook.py')

/** Debian's python3 first: the one that `apt-get install jupyter-client` gives the client to. */
const PYTHONS = ['/usr/bin/python3', 'python3']

function findPython(): string {
  for (const python of PYTHONS) {
    try {
      execFileSync(python, ['-c', 'import jupyter_client'], { stdio: 'ignore' })
      return python
    } catch {}
  }
  throw new Error(
    `No Python with jupyter_client (tried ${PYTHONS.join(', ')}). Install Debian's: ` +
      'apt-get install --no-install-recommends jupyter-client (.ci/run does).',
  )
}

/**
 * Executes each notebook headless on Deno's kernel, installed with `deno jupyter --install` into a
 * throwaway data folder, and returns the notebooks with their outputs. Deno's caches go there too.
 */
export async function runNotebooks(paths: readonly string[]): Promise<Map<string, Notebook>> {
  const python = findPython()
  const work = mkdtempSync(join(tmpdir(), 'mg-notebooks-'))
  try {
    const env = {
      ...process.env,
      // Deno installs its kernelspec under $XDG_DATA_HOME/jupyter, and Jupyter reads it from there.
      XDG_DATA_HOME: join(work, 'data'),
      JUPYTER_DATA_DIR: join(work, 'data/jupyter'),
      JUPYTER_CONFIG_DIR: join(work, 'config'),
      JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
      DENO_DIR: join(work, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
    }
    await run(deno, ['jupyter', '--install', '--force'], { env })
    if (!existsSync(join(work, 'data/jupyter/kernels/deno/kernel.json')))
      throw new Error(`deno jupyter --install did not write its kernelspec under ${work}/data`)
    const executed = await Promise.all(
      paths.map(async (path) => {
        const output = join(work, basename(path))
        await run(python, [executor, path, output], { env, maxBuffer: 16 * 1024 * 1024 })
        return [path, readNotebook(output)] as const
      }),
    )
    return new Map(executed)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
