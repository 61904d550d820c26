#!/usr/bin/env node
// Installs every publishable package the way a user gets it — packed tarballs, plain npm, an empty
// project outside the workspace — then runs each package README's first example as ESM and
// type-checks it under moduleResolution node16 and bundler. A package that relies on a
// workspace-only path, a dev dependency or an unlisted file fails here.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { readmeExample } from './lib/readme-example.mjs'
import {
  npmInstall,
  packInto,
  publishablePackages,
  root,
  run,
  temporaryFolder,
} from './lib/workspace.mjs'

const publishable = publishablePackages()
// `node scripts/check-packed.mjs @mg/engine` checks one package.
const packages = publishable.filter(
  ({ manifest }) => process.argv.length <= 2 || process.argv.includes(manifest.name),
)

// The layering rule, as runtime dependencies: common under everything; engine <- nn; engine <- viz
// (viz takes nn's models by shape, so nn is only its dev dependency); datasets on common alone.
const allowedInternal = {
  '@mg/common': [],
  '@mg/engine': ['@mg/common'],
  '@mg/datasets': ['@mg/common'],
  '@mg/nn': ['@mg/common', '@mg/engine'],
  '@mg/viz': ['@mg/common', '@mg/engine'],
}
// Packages whose whole install must be exactly this: no third-party code at all, and of ours only
// the package, the layers below it and @mg/common, the one foundation they all share.
const installsNothingElse = {
  '@mg/common': ['@mg/common'],
  '@mg/engine': ['@mg/common', '@mg/engine'],
  '@mg/datasets': ['@mg/common', '@mg/datasets'],
  '@mg/nn': ['@mg/common', '@mg/engine', '@mg/nn'],
}

const work = temporaryFolder('mg-packed-')
const failures = []
const tarballs = join(work, 'tarballs')
mkdirSync(tarballs)
// Internal dependencies are packed even when only one package is checked.
packInto(publishable, tarballs)
const tarballOf = (name) => {
  const prefix = `${name.replace('@', '').replace('/', '-')}-`
  return join(
    tarballs,
    readdirSync(tarballs).find((file) => file.startsWith(prefix)),
  )
}
// One TypeScript for every project, in the folder above them: Node resolves it from there.
const typescript = JSON.parse(
  readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8'),
)
writeFileSync(join(work, 'package.json'), JSON.stringify({ private: true }))
npmInstall([`typescript@${typescript.version}`, '@types/node@20'], work)

for (const { dir, manifest } of packages) {
  const name = manifest.name
  const failuresBefore = failures.length
  const project = join(work, name.replace('/', '__'))
  mkdirSync(project)
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  )
  // Internal dependencies come from their own tarballs, as they would from the registry.
  const internal = Object.keys(manifest.dependencies ?? {}).filter((dep) => dep.startsWith('@mg/'))
  const allowed = allowedInternal[name] ?? []
  const extra = internal.filter((dep) => !allowed.includes(dep))
  if (extra.length > 0)
    failures.push(`${name}: depends on ${extra.join(', ')}, which its layer may not use`)
  npmInstall([name, ...internal].map(tarballOf), project)
  const installed = installedPackages(project)
  if (name in installsNothingElse && installed.join() !== installsNothingElse[name].join()) {
    failures.push(
      `${name}: installing it pulled in ${installed.join(', ')}; expected only ${installsNothingElse[name].join(', ')}`,
    )
  }

  for (const link of brokenDocumentLinks(join(project, 'node_modules', name))) {
    failures.push(`${name}: ${link} is linked from its documents but not in the package`)
  }

  const example = readmeExample(join(dir, 'README.md'))
  if (!example) {
    failures.push(`${name}: README.md has no \`\`\`ts example`)
    continue
  }
  // The README tells users to install the other packages its example imports; do the same.
  const imported = [...example.matchAll(/from '(@mg\/[a-z-]+)'/g)].map((match) => match[1])
  const missing = [...new Set(imported)].filter((dep) => !installed.includes(dep))
  if (missing.length > 0) {
    npmInstall(missing.map(tarballOf), project)
  }
  writeFileSync(join(project, 'example.mjs'), example)
  writeFileSync(join(project, 'example.ts'), example)
  try {
    run(process.execPath, ['example.mjs'], project)
  } catch (error) {
    failures.push(
      `${name}: the README example failed under Node:\n${error.stderr || error.message}`,
    )
  }
  for (const moduleResolution of ['node16', 'bundler']) {
    const module = moduleResolution === 'node16' ? 'node16' : 'esnext'
    try {
      run(
        join(work, 'node_modules/.bin/tsc'),
        [
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          'false',
          '--target',
          'es2022',
          '--module',
          module,
          '--moduleResolution',
          moduleResolution,
          '--types',
          'node',
          'example.ts',
        ],
        project,
      )
    } catch (error) {
      failures.push(
        `${name}: the README example does not type-check with moduleResolution ${moduleResolution}:\n${error.stdout || error.message}`,
      )
    }
  }
  if (failures.length > failuresBefore) continue
  console.log(
    `packed ${name}: installs alone${internal.length ? ` (with ${internal.join(', ')})` : ''}, its documents' links resolve, README example runs and type-checks`,
  )
}

if (failures.length > 0) {
  console.error(failures.join('\n'))
  process.exit(1)
}

/** Every package in a project's node_modules, scoped ones by their full name, sorted. */
function installedPackages(project) {
  const modules = join(project, 'node_modules')
  return readdirSync(modules)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) =>
      entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((child) => `${entry}/${child}`)
        : [entry],
    )
    .sort()
}

/**
 * Files that the installed package's README and docs/*.md link to but that it does not contain,
 * so a reader in node_modules (or on the registry's file browser) would find nothing there. Images
 * and links that leave the package (`../../BENCHMARKS.md`) point into the repository and are the
 * registry's to resolve, not the tarball's.
 */
function brokenDocumentLinks(packageDir) {
  const docs = join(packageDir, 'docs')
  const documents = [
    join(packageDir, 'README.md'),
    ...(existsSync(docs) ? readdirSync(docs).filter((file) => file.endsWith('.md')) : []).map(
      (file) => join(docs, file),
    ),
  ]
  const broken = []
  for (const document of documents) {
    for (const [, image, target] of readFileSync(document, 'utf8').matchAll(
      /(!?)\[[^\]]*\]\(([^)\s]+)\)/g,
    )) {
      if (image || /^([a-z]+:|#)/.test(target)) continue
      const file = resolve(dirname(document), target.split('#')[0])
      const inside = relative(packageDir, file)
      if (inside.startsWith('..')) continue
      if (!existsSync(file)) broken.push(`${inside} (from ${relative(packageDir, document)})`)
    }
  }
  return [...new Set(broken)]
}
