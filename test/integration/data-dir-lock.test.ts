import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.ts';
import { rejectsWith } from '../helpers/assert.ts';

test('an embedded data dir is used by one process at a time; a stale lock is taken over', async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-lock-')), 'pglite');
  try {
    const first = await openDatabase({ kind: 'pglite', dir });
    await rejectsWith(openDatabase({ kind: 'pglite', dir }), 'conflict', /används redan av en annan kompass-process/);
    await first.close();
    assert.equal(fs.existsSync(`${dir}.lock`), false, 'closing releases the lock');
    // A lock left by a process that no longer runs does not block.
    fs.writeFileSync(`${dir}.lock`, '999999999');
    const second = await openDatabase({ kind: 'pglite', dir });
    assert.equal(await second.ping(), true);
    await second.close();
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
