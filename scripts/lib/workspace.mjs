// What the repository's scripts share about the workspace: where it is, its publishable packages,
// and how to run a command, pack them and install tarballs the way a user's npm would.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The repository's root folder. */
export const root = resolve(import.meta.dirname, '../..')

/** Runs a command to completion and returns its standard output; throws with its stderr if it fails. */
export function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Parses a JSON file. */
export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** The packages under `<repository>/packages` that are published, in folder order, with their manifests. */
export function publishablePackages(repository = root) {
  return readdirSync(join(repository, 'packages'))
    .map((folder) => join(repository, 'packages', folder))
    .map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private)
}

/** Packs each package into `destination` as `pnpm publish` would (workspace ranges resolved). */
export function packInto(packages, destination) {
  for (const { dir } of packages) run('pnpm', ['pack', '--pack-destination', destination], dir)
}

/** `npm install` of `specs` (names or tarball paths) in `cwd`, quietly, as a user would. */
export function npmInstall(specs, cwd) {
  return run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], cwd)
}

/** A fresh folder under the system's temporary folder, removed when the process exits. */
export function temporaryFolder(prefix) {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
  return folder
}
