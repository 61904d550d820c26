#!/usr/bin/env node
// `pnpm release:dry-run`: rehearses `pnpm release` for real, without touching npm or this checkout.
// The working tree is copied into a temporary git repository and released there to a throwaway
// local registry (Verdaccio, in this process), twice: first whatever the changesets say now, then a
// follow-up patch to @mg/engine. After each round it checks what users and maintainers would get:
// every publishable package on the registry at its new version, no `workspace:` ranges, README, API
// reference, CHANGELOG (with an entry for that version) and LICENSE in the tarball, and a git tag
// per release. Finally `npm install @mg/nn @mg/datasets` from the registry into an empty project
// gets the patched engine and one shared @mg/common, runs the nn README's example, and catches an
// error from @mg/datasets as the MgError that @mg/nn exports.
import { execFile, execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { runServer } from 'verdaccio'
import { readmeExample } from './lib/readme-example.mjs'
import { publishablePackages, readJson, root, temporaryFolder } from './lib/workspace.mjs'

const work = temporaryFolder('mg-release-')
const repo = join(work, 'repo')
const execFileAsync = promisify(execFile)
const failures = []
let registryServer

try {
  const registry = await startRegistry()
  // Every npm and pnpm call below, the release's own included, sees only the local registry.
  const env = {
    ...process.env,
    npm_config_registry: registry.url,
    npm_config_userconfig: registry.npmrc,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'Release rehearsal',
    GIT_AUTHOR_EMAIL: 'rehearsal@localhost',
    GIT_COMMITTER_NAME: 'Release rehearsal',
    GIT_COMMITTER_EMAIL: 'rehearsal@localhost',
  }
  // A dry-run flag inherited from the caller would skip the very publish this rehearses.
  delete env.npm_config_dry_run
  // Asynchronous, so that the registry in this process can answer while a command waits on it.
  const run = async (command, args, cwd = repo) =>
    (await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })).stdout
  const release = async () => {
    try {
      await run('pnpm', ['release'])
    } catch (error) {
      throw new Error(`pnpm release failed:\n${error.stdout}${error.stderr}`)
    }
  }

  copyWorkingTree(repo)
  await run('git', ['init', '--quiet', '--initial-branch=main'])
  // The project's own npmrc names the local registry too, so no setting anywhere else can send
  // the rehearsal to npm; git ignores it, so the release sees a clean tree.
  copyFileSync(registry.npmrc, join(repo, '.npmrc'))
  writeFileSync(join(repo, '.git/info/exclude'), '.npmrc\n')
  await run('git', ['add', '--all'])
  await run('git', ['commit', '--quiet', '--message', 'Rehearsal base'])
  // The store already holds every package this checkout installed, so this takes seconds.
  await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'])

  // Round 1: whatever the changesets and versions in this tree make of the first release.
  await release()
  const first = publishableManifests()
  await checkPublished([...first.keys()], first, run)

  // Round 2: a patch to the engine alone. Dependents whose `^` range admits the new version are
  // not republished; the install below checks that users of @mg/nn get the patched engine.
  writeFileSync(
    join(repo, '.changeset/rehearsal-engine-patch.md'),
    '---\n"@mg/engine": patch\n---\n\nRehearsal: a fix in the engine.\n',
  )
  await run('git', ['add', '--all'])
  await run('git', ['commit', '--quiet', '--message', 'Rehearsal: patch the engine'])
  await release()
  const second = publishableManifests()
  const bumped = [...second.keys()].filter(
    (name) => second.get(name).version !== first.get(name).version,
  )
  await checkPublished(bumped, second, run)
  const engine = second.get('@mg/engine')
  if (engine.version === first.get('@mg/engine').version)
    failures.push('@mg/engine: the patch changeset did not bump its version')
  if (!changelogEntry('engine', engine.version).includes('Rehearsal: a fix in the engine.'))
    failures.push(`@mg/engine: CHANGELOG.md ${engine.version} lacks the changeset's text`)
  // A user's first install, from the registry alone.
  const project = join(work, 'user-project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), '{ "private": true, "type": "module" }')
  await run('npm', ['install', '--loglevel=error', '@mg/nn', '@mg/datasets'], project)
  const installedEngine = readJson(join(project, 'node_modules/@mg/engine/package.json')).version
  if (installedEngine !== engine.version)
    failures.push(`npm install @mg/nn got @mg/engine ${installedEngine}, not ${engine.version}`)
  writeFileSync(join(project, 'example.mjs'), readmeExample(join(repo, 'packages/nn/README.md')))
  const output = await run(process.execPath, ['example.mjs'], project)
  if (!/accuracy: 1\b/.test(output))
    failures.push(`the nn README example, installed from the registry, printed:\n${output}`)
  checkOneFoundation(project, second.get('@mg/common').version)
  // The foundation's point: an error from one package is an MgError imported from another.
  writeFileSync(
    join(project, 'errors.mjs'),
    "import { MgError } from '@mg/nn'\nimport { makeMoons } from '@mg/datasets'\n" +
      'try { makeMoons({ nSamples: -1 }) } catch (error) { console.log(error instanceof MgError) }\n',
  )
  const caught = (await run(process.execPath, ['errors.mjs'], project)).trim()
  if (caught !== 'true')
    failures.push(`an error from @mg/datasets is not an MgError from @mg/nn (printed ${caught})`)

  if (failures.length === 0) {
    const versions = (manifests) =>
      [...manifests].map(([name, { version }]) => `${name} ${version}`).join(', ')
    console.log(`release rehearsal, round 1: published ${versions(first)}`)
    const published = new Map(bumped.map((name) => [name, second.get(name)]))
    console.log(`release rehearsal, round 2 (engine patch): published ${versions(published)}`)
    console.log(
      `release rehearsal: @mg/nn installs from the registry with @mg/engine ${installedEngine} and one @mg/common shared with @mg/datasets, its README example runs, and its MgError catches @mg/datasets' errors`,
    )
  }
} catch (error) {
  failures.push(error.message)
} finally {
  registryServer?.close()
}
if (failures.length > 0) {
  console.error(failures.map((failure) => `error: ${failure}`).join('\n'))
  process.exit(1)
}
// Verdaccio keeps sockets open for a while; the rehearsal is over.
process.exit(0)

/** Starts Verdaccio on a free loopback port with one user; returns its URL and an npmrc for it. */
async function startRegistry() {
  const server = await runServer({
    self_path: work,
    storage: join(work, 'storage'),
    auth: { htpasswd: { file: join(work, 'htpasswd'), max_users: 1 } },
    // No uplinks: nothing is fetched from, or could leak to, the real registry.
    uplinks: {},
    packages: { '**': { access: '$all', publish: '$authenticated' } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'fatal' },
  })
  registryServer = server
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${server.address().port}/`
  const user = { name: 'rehearsal', password: 'rehearsal-password', type: 'user', roles: [] }
  const response = await fetch(`${url}-/user/org.couchdb.user:${user.name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  })
  if (!response.ok) throw new Error(`could not sign up to the local registry: ${response.status}`)
  const { token } = await response.json()
  const npmrc = join(work, 'npmrc')
  writeFileSync(npmrc, `registry=${url}\n${url.replace(/^http:/, '')}:_authToken=${token}\n`)
  return { url, npmrc }
}

/** Copies the files git sees (tracked and untracked, not ignored), as `pnpm release` would see them. */
function copyWorkingTree(target) {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(root, file)))
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true })
    copyFileSync(join(root, file), join(target, file))
  }
}

/** The publishable packages of the rehearsal repository, by name, in folder order. */
function publishableManifests() {
  return new Map(
    publishablePackages(repo).map(({ dir, manifest }) => [
      manifest.name,
      { folder: basename(dir), ...manifest },
    ]),
  )
}

/**
 * Checks the packages one release round published: each is on the registry at its new version with
 * README, LICENSE, API reference, CHANGELOG and build in its tarball, a CHANGELOG entry for that
 * version, no `workspace:` ranges, and a git tag.
 */
async function checkPublished(names, manifests, run) {
  const tags = (await run('git', ['tag', '--list'])).split('\n')
  for (const name of names) {
    const { folder, version } = manifests.get(name)
    let files
    try {
      const [packed] = JSON.parse(
        await run('npm', ['pack', `${name}@${version}`, '--dry-run', '--json'], work),
      )
      files = packed.files.map((file) => file.path)
    } catch {
      failures.push(`${name}@${version} is not on the registry after pnpm release`)
      continue
    }
    for (const expected of ['README.md', 'LICENSE', 'CHANGELOG.md', 'docs/API.md', 'dist/index.js'])
      if (!files.includes(expected))
        failures.push(`${name}@${version}: the tarball lacks ${expected}`)
    const dependencies =
      (await run('npm', ['view', `${name}@${version}`, 'dependencies', '--json'])) || '{}'
    if (dependencies.includes('workspace:'))
      failures.push(`${name}@${version}: published with workspace: ranges ${dependencies}`)
    if (changelogEntry(folder, version) === '')
      failures.push(`${name}: CHANGELOG.md has no entry for ${version}`)
    if (!tags.includes(`${name}@${version}`)) failures.push(`${name}@${version}: no git tag`)
  }
}

/** The text of a package's CHANGELOG.md under the heading of one version, or '' if none. */
function changelogEntry(folder, version) {
  const changelog = join(repo, 'packages', folder, 'CHANGELOG.md')
  if (!existsSync(changelog)) return ''
  const sections = readFileSync(changelog, 'utf8').split(/^## /m)
  return sections.find((section) => section.startsWith(`${version}\n`)) ?? ''
}

/**
 * Checks that `npm install @mg/nn @mg/datasets` brought our packages and nothing else of ours, and
 * exactly one @mg/common, at the released version, shared by both (no copy nested below either).
 */
function checkOneFoundation(project, commonVersion) {
  const scope = join(project, 'node_modules/@mg')
  const installed = readdirSync(scope).sort().join(', ')
  if (installed !== 'common, datasets, engine, nn')
    failures.push(`npm install @mg/nn @mg/datasets installed @mg/${installed}`)
  const common = readJson(join(scope, 'common/package.json')).version
  if (common !== commonVersion)
    failures.push(`npm install @mg/nn got @mg/common ${common}, not ${commonVersion}`)
  for (const dependent of readdirSync(scope)) {
    if (existsSync(join(scope, dependent, 'node_modules/@mg/common')))
      failures.push(`@mg/${dependent} was installed with its own copy of @mg/common`)
  }
}
