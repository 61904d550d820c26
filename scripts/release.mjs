#!/usr/bin/env node
// `pnpm release`: turns the pending changesets into new versions and CHANGELOG entries, commits
// them as "Version packages", builds the publishable packages and publishes each one whose version
// is not on the registry yet, tagging every release in git. It publishes to npm's configured
// registry; `pnpm release:dry-run` rehearses it against a throwaway local one.
import { execFileSync } from 'node:child_process'

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })
const changedFiles = () =>
  execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()

try {
  if (changedFiles() !== '') {
    throw new Error(
      'the working tree has uncommitted changes; commit or stash them first, since a release ' +
        'versions, tags and publishes a commit',
    )
  }
  run('changeset', ['version'])
  if (changedFiles() !== '') {
    run('git', ['add', '--all'])
    run('git', ['commit', '--quiet', '--message', 'Version packages'])
  }
  run('turbo', ['run', 'build', '--filter=./packages/*', '--output-logs=errors-only'])
  run('changeset', ['publish'])
  console.log('Released. Push the version commit and its tags: git push --follow-tags')
} catch (error) {
  // A failed step has already printed its own output; one line says which step it was.
  console.error(`error: ${error.message.split('\n')[0]}`)
  process.exitCode = 1
}
