import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundled } from '../../bin/bundle.mjs';

/** A two-file TypeScript program in a folder of its own. */
function program(): { dir: string; entry: URL; write: (answer: string) => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-bundle-'));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'program.ts'), "import { where, answer } from './lib/where.ts';\nexport const found: { dir: string; url: string; answer: string } = { ...where(), answer: answer() };\nexport const later = () => import('./lib/later.ts');\n");
  fs.writeFileSync(path.join(dir, 'lib', 'later.ts'), 'export const dir: string = import.meta.dirname;\n');
  const write = (answer: string): void => fs.writeFileSync(path.join(dir, 'lib', 'where.ts'), `export const where = (): { dir: string; url: string } => ({ dir: import.meta.dirname, url: import.meta.url });\nexport const answer = (): string => ${JSON.stringify(answer)};\n`);
  write('ett');
  return { dir, entry: pathToFileURL(path.join(dir, 'program.ts')), write };
}

void test('a bundle runs without tsx and each module still sees its own location', async () => {
  const p = program();
  try {
    const url = await bundled(p.entry);
    assert.ok(url, 'a bundle was made');
    assert.match(url.pathname, /node_modules\/\.cache\/kompass-bundles\//);
    const mod = (await import(url.href)) as { found: { dir: string; url: string; answer: string }; later: () => Promise<{ dir: string }> };
    assert.deepEqual(mod.found, { dir: path.join(p.dir, 'lib'), url: pathToFileURL(path.join(p.dir, 'lib', 'where.ts')).href, answer: 'ett' });
    // A dynamic import is a chunk of its own, loaded when asked for, with its own location too.
    assert.equal((await mod.later()).dir, path.join(p.dir, 'lib'));
  } finally {
    fs.rmSync(p.dir, { recursive: true, force: true });
  }
});

void test('an unchanged program reuses its bundle; a changed source makes a new one', async () => {
  const p = program();
  try {
    const first = await bundled(p.entry);
    assert.equal((await bundled(p.entry))?.href, first?.href);
    p.write('två');
    // A later modification time even on a coarse clock.
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(path.join(p.dir, 'lib', 'where.ts'), later, later);
    const second = await bundled(p.entry);
    assert.ok(second && second.href !== first?.href);
    assert.equal(((await import(second.href)) as { found: { answer: string } }).found.answer, 'två');
  } finally {
    fs.rmSync(p.dir, { recursive: true, force: true });
  }
});

void test('a program that cannot be bundled gives null (the caller loads the sources through tsx)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-bundle-'));
  try {
    fs.writeFileSync(path.join(dir, 'broken.ts'), "import { nothing } from './missing.ts';\nexport const x = nothing;\n");
    assert.equal(await bundled(pathToFileURL(path.join(dir, 'broken.ts'))), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
