import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors.ts';

/** Awaits a promise that must fail with a DomainError of the given code (and message); returns the error. */
export async function rejectsWith(p: Promise<unknown>, code: string, message?: RegExp): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DomainError, `expected DomainError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected ${code}`);
}
