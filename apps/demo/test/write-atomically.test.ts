import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OutputFolderError } from '../src/cli-error.js'
import { OutputFolder } from '../src/write-atomically.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mg-demo-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('OutputFolder', () => {
  it('creates nested folders and shows nothing until commit', async () => {
    const path = join(root, 'a', 'b')
    const folder = await OutputFolder.open(path)
    await folder.stage('x.json', '{"x":1}\n')
    expect((await readdir(path)).filter((name) => !name.startsWith('.'))).toEqual([])
    expect(await folder.commit()).toEqual([join(path, 'x.json')])
    expect(await readdir(path)).toEqual(['x.json'])
    expect(await readFile(join(path, 'x.json'), 'utf8')).toBe('{"x":1}\n')
  })

  it('on discard removes what it wrote and the folders it created, and nothing else', async () => {
    const folder = await OutputFolder.open(join(root, 'new', 'deeper'))
    await folder.stage('one.svg', '<svg/>')
    await folder.commit()
    await folder.stage('two.svg', '<svg/>')
    await folder.discard()
    expect(await readdir(root)).toEqual([])
  })

  it('keeps files that were there before when a run is discarded', async () => {
    await writeFile(join(root, 'old.txt'), 'keep me')
    const folder = await OutputFolder.open(root)
    await folder.stage('new.txt', 'drop me')
    await folder.discard()
    expect(await readdir(root)).toEqual(['old.txt'])
  })

  it('refuses a folder below a file, naming the folder, and leaves nothing behind', async () => {
    await writeFile(join(root, 'file'), '')
    const attempt = OutputFolder.open(join(root, 'file', 'out'))
    await expect(attempt).rejects.toThrow(OutputFolderError)
    await expect(attempt).rejects.toThrow(
      /^--out .*file\/out: cannot create the folder \(a part of the path is a file/,
    )
    expect(await readdir(root)).toEqual(['file'])
  })
})
