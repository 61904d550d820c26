#!/usr/bin/env node
// The demo's command, as a committed file: the built one (dist/cli.js) does not exist until the
// first build, and pnpm cannot link a bin to a file that is missing when it installs.
await import('../dist/cli.js')
