import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.ts';
import { PUBLIC } from '../../src/domain/access.ts';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import { createServices } from '../../src/services/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

function kompass(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/kompass.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KOMPASS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 300_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('kompass db synth writes a seeded, labelled archive that db import fills the search index from', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-synth-'));
  try {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    const first = kompass(['db', 'synth', '--evaluations', '60', '--seed', '3', a], path.join(dir, 'gen'));
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /60 syntetiska utvärderingar \(frö 3\)/);
    assert.equal(kompass(['db', 'synth', '--evaluations', '60', '--seed', '3', b], path.join(dir, 'gen')).status, 0);
    assert.equal(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'), 'the same seed gives the same archive');
    const other = kompass(['db', 'synth', '--evaluations', '60', '--seed', '4'], path.join(dir, 'gen'));
    assert.notEqual(other.stdout, fs.readFileSync(a, 'utf8'));

    const doc = JSON.parse(fs.readFileSync(a, 'utf8')) as { evaluations: Evaluation[] };
    assert.equal(doc.evaluations.length, 60);
    for (const e of doc.evaluations) {
      assert.match(e.summary, /^Syntetisk testdata/);
      assert.equal(e.keyFacts[0]?.label, 'Syntetisk testdata');
      assert.equal(e.status, 'published');
    }
    assert.equal(kompass(['db', 'synth'], dir).status, 2, 'the number of evaluations is required');

    const imported = kompass(['db', 'import', a], path.join(dir, 'data'));
    assert.equal(imported.status, 0, imported.stderr);
    const database = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'data', 'pglite') });
    try {
      const services = createServices(database.db);
      const found = await services.goodExamples.searchGoodExamples({ viewer: PUBLIC, query: { q: 'medborgardialog' } });
      // Evaluations 0 and 50 carry the inflected form in subarea 1.4.
      assert.deepEqual(found.items.map((h) => [h.evaluationId, h.anchor]).sort(), [doc.evaluations[0]?.id, doc.evaluations[50]?.id].sort().map((id) => [id, 'd-1.4']));
      assert.ok((await services.goodExamples.countDocuments()) > 60 * 90);
    } finally {
      await database.close();
    }

    // Straight into the database in batches: the same evaluations, indexed for search, without a file.
    const direct = kompass(['db', 'synth', '--evaluations', '60', '--seed', '3', '--into-database'], path.join(dir, 'direct'));
    assert.equal(direct.status, 0, direct.stderr);
    assert.match(direct.stdout, /Skrev 60 syntetiska utvärderingar \(frö 3\) direkt i databasen/);
    const again = kompass(['db', 'synth', '--evaluations', '60', '--seed', '3', '--into-database'], path.join(dir, 'direct'));
    assert.equal(again.status, 1, 'a database with evaluations is refused');
    assert.match(again.stderr, /redan utvärderingar/);
    const written = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'direct', 'pglite') });
    try {
      const services = createServices(written.db);
      const listed = await services.evaluations.listEvaluations({ viewer: PUBLIC, filter: { limit: 100 } });
      assert.deepEqual(listed.items.map((e) => e.id).sort(), doc.evaluations.map((e) => e.id).sort());
      const found = await services.goodExamples.searchGoodExamples({ viewer: PUBLIC, query: { q: 'medborgardialog' } });
      assert.deepEqual(found.items.map((h) => h.evaluationId).sort(), [doc.evaluations[0]?.id, doc.evaluations[50]?.id].sort());
    } finally {
      await written.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
