import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { OutputFolderError } from './cli-error.js'

/**
 * The folder a run writes its outputs to. Every file is first written in full to a hidden temporary
 * file in the same folder; {@link OutputFolder.commit} then renames them into place, which on one
 * file system is atomic, so a reader never sees half a file and a failed run leaves the previous
 * outputs untouched. {@link OutputFolder.discard} removes everything this run wrote, including the
 * folder itself when this run created it.
 */
export class OutputFolder {
  /** The folder as the user gave it. */
  readonly path: string
  private readonly staged = new Map<string, string>()
  private readonly committed = new Map<string, string>()
  private readonly createdFolders: string[]

  private constructor(path: string, createdFolders: string[]) {
    this.path = path
    this.createdFolders = createdFolders
  }

  /**
   * Creates the folder if needed and proves it writable by writing and deleting a probe file, so a
   * run can refuse a bad `--out` before spending any time training.
   *
   * @throws {@link OutputFolderError} if the folder cannot be created or written.
   */
  static async open(path: string): Promise<OutputFolder> {
    const absolute = resolve(path)
    const created: string[] = []
    try {
      await makeFolders(absolute, created)
    } catch (error) {
      await removeFolders(created)
      throw new OutputFolderError(path, `cannot create the folder (${reason(error)})`, {
        cause: error,
      })
    }
    const folder = new OutputFolder(path, created)
    const probe = join(absolute, temporaryName('write-probe'))
    try {
      await writeFile(probe, '')
      await rm(probe, { force: true })
    } catch (error) {
      await folder.discard()
      throw new OutputFolderError(path, `cannot write there (${reason(error)})`, { cause: error })
    }
    return folder
  }

  /** Writes `name`'s full contents to a temporary file beside it; nothing is visible until commit. */
  async stage(name: string, contents: string | Uint8Array): Promise<void> {
    const temporary = join(resolve(this.path), temporaryName(name))
    this.staged.set(name, temporary)
    try {
      await writeFile(temporary, contents)
    } catch (error) {
      throw new OutputFolderError(this.path, `cannot write ${name} (${reason(error)})`, {
        cause: error,
      })
    }
  }

  /** Renames every staged file into place and returns their paths, as given by the user. */
  async commit(): Promise<string[]> {
    for (const [name, temporary] of this.staged) {
      const target = join(resolve(this.path), name)
      try {
        await rename(temporary, target)
      } catch (error) {
        throw new OutputFolderError(this.path, `cannot write ${name} (${reason(error)})`, {
          cause: error,
        })
      }
      this.staged.delete(name)
      this.committed.set(name, target)
    }
    return [...this.committed.keys()].map((name) => join(this.path, name))
  }

  /** Removes every file this run wrote, temporary or final, and the folders it created if empty. */
  async discard(): Promise<void> {
    const files = [...this.staged.values(), ...this.committed.values()]
    this.staged.clear()
    this.committed.clear()
    await Promise.all(files.map((file) => rm(file, { force: true }).catch(() => undefined)))
    await removeFolders(this.createdFolders)
  }
}

/**
 * `mkdir -p`, one level at a time, adding each folder it creates to `created` (deepest first).
 * Node 20's recursive mkdir never returns on some virtual file systems (`/proc/x/y`); a plain mkdir
 * of each level fails there with an error instead.
 */
async function makeFolders(absolute: string, created: string[]): Promise<void> {
  const missing: string[] = []
  for (let folder = absolute; ; folder = dirname(folder)) {
    const kind = await pathKind(folder)
    if (kind === 'folder') break
    if (kind === 'other')
      throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' })
    missing.unshift(folder)
    if (folder === dirname(folder)) break
  }
  for (const folder of missing) {
    try {
      await mkdir(folder)
      created.unshift(folder)
    } catch (error) {
      // Someone else made it meanwhile: that is as good.
      if ((error as { code?: unknown }).code !== 'EEXIST' || (await pathKind(folder)) !== 'folder')
        throw error
    }
  }
}

async function pathKind(path: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other'
  } catch {
    return 'missing'
  }
}

/** Removes the given folders in order if they are empty. */
async function removeFolders(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    // rmdir refuses a folder that is not empty, so files someone else put there survive.
    await rmdir(folder).catch(() => undefined)
  }
}

function temporaryName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const messages: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file of that name is in the way',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'a folder of that name is in the way',
    ENOENT: 'the file system does not allow a folder there',
  }
  if (typeof code === 'string' && code in messages) return messages[code]!
  return error instanceof Error ? error.message : String(error)
}
