import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNT,
  ADDRESS,
  addressKey,
  afterFailure,
  delayAfter,
  PAIR,
  THROTTLE_WINDOW_SECONDS,
  throttleDecision,
  throttledMessage,
  type ThrottleCounter,
} from '../../src/domain/throttle.ts';

const t0 = new Date('2026-03-01T10:00:00Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
const failures = (n: number, last: Date = t0): ThrottleCounter => ({ failures: n, lastFailureAt: last });

void test('delays grow exponentially after the free failures and stop at the cap', () => {
  assert.equal(delayAfter(PAIR.free - 1, PAIR), 0);
  assert.deepEqual([0, 1, 2, 3].map((k) => delayAfter(PAIR.free + k, PAIR)), [15, 30, 60, 120]);
  assert.equal(delayAfter(PAIR.free + 50, PAIR), PAIR.maxSeconds);
  assert.equal(delayAfter(1_000_000, ACCOUNT), ACCOUNT.maxSeconds);
});

void test('the pair (account, address) is strict; the wait counts from the last failure and then ends', () => {
  const state = { pair: failures(PAIR.free), address: failures(PAIR.free), account: failures(PAIR.free) };
  assert.deepEqual(throttleDecision(state, at(5)), { allowed: false, scope: 'pair', retryAfterSeconds: 10 });
  assert.deepEqual(throttleDecision(state, at(15)), { allowed: true });
  assert.deepEqual(throttleDecision({ pair: failures(PAIR.free - 1), address: null, account: null }, t0), { allowed: true });
});

void test('a counter older than the window starts again', () => {
  const old = failures(PAIR.free + 10);
  assert.equal(throttleDecision({ pair: old, address: null, account: null }, at(THROTTLE_WINDOW_SECONDS)).allowed, true);
  assert.deepEqual(afterFailure(old, at(THROTTLE_WINDOW_SECONDS)), { failures: 1, lastFailureAt: at(THROTTLE_WINDOW_SECONDS) });
  assert.deepEqual(afterFailure(failures(3), at(10)), { failures: 4, lastFailureAt: at(10) });
});

void test('an address spraying many accounts waits, whichever account it tries next', () => {
  const d = throttleDecision({ pair: null, address: failures(ADDRESS.free + 1), account: null }, at(1));
  assert.deepEqual(d, { allowed: false, scope: 'address', retryAfterSeconds: 29 });
  assert.match(throttledMessage({ scope: 'address', retryAfterSeconds: 29 }), /från din adress\. Vänta 29 sekunder/);
});

void test('no lock a stranger can set: an account under attack never delays an address that has not failed on it', () => {
  const underAttack = failures(10_000, at(0));
  // The owner's address: no failures of its own → allowed, however many failures the account has.
  assert.deepEqual(throttleDecision({ pair: null, address: null, account: underAttack }, at(0)), { allowed: true });
  // An attacking address that failed once waits the account delay, counted from its own failure.
  const d = throttleDecision({ pair: failures(1, at(0)), address: failures(1, at(0)), account: underAttack }, at(60));
  assert.deepEqual(d, { allowed: false, scope: 'account', retryAfterSeconds: ACCOUNT.maxSeconds - 60 });
  // The owner who mistyped once waits at most ACCOUNT.maxSeconds, even while the attack goes on.
  assert.deepEqual(throttleDecision({ pair: failures(1, at(0)), address: null, account: failures(10_001, at(ACCOUNT.maxSeconds)) }, at(ACCOUNT.maxSeconds)), { allowed: true });
  // Below the account's free failures, one miss does not slow anyone.
  assert.deepEqual(throttleDecision({ pair: failures(1), address: null, account: failures(ACCOUNT.free - 1) }, at(1)), { allowed: true });
});

void test('the message says how long to wait, in Swedish', () => {
  assert.match(throttledMessage({ scope: 'pair', retryAfterSeconds: 1 }), /Vänta 1 sekund /);
  assert.match(throttledMessage({ scope: 'account', retryAfterSeconds: 61 }), /Vänta 2 minuter/);
  assert.match(throttledMessage({ scope: 'pair', retryAfterSeconds: 60 }), /Vänta 1 minut /);
});

void test('addresses: IPv4-mapped IPv6 is IPv4; IPv6 counts by its /64', () => {
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
});
