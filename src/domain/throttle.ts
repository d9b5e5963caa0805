/**
 * Sign-in throttling rules (pure: callers pass the stored counters and `now`).
 *
 * Only FAILED sign-ins are counted; a correct sign-in is never counted and clears the counter of its
 * (account, address) pair. Three counters are kept, each "failures in a row, and when the last was":
 *
 * - pair (account, address): strict. After PAIR.free failures every further attempt from that address
 *   for that account waits an exponentially growing delay (15 s, 30 s, 1 min … up to 15 min). An attempt
 *   refused for waiting is not counted (it never reached the password check).
 * - address (all accounts): an address that sprays many accounts waits too (ADDRESS.free failures
 *   first, then growing delays up to 15 min).
 * - account (all addresses): loose. A distributed guess against one account (many addresses) puts the
 *   account in a "careful" mode after ACCOUNT.free failures, with a growing delay up to 5 min; the delay
 *   applies only to addresses that have already failed on that account, from their own last failure.
 *
 * Why not a lock: a lock that anyone can trigger by typing wrong passwords lets a stranger keep the
 * administrator out. Here nothing a stranger does from their own addresses can stop the owner: an
 * address that has not failed on the account (the owner's own) is never delayed by the account counter,
 * and the pair and address counters of the stranger's addresses are not the owner's. The cost is that an
 * attacker with K addresses gets K × PAIR.free guesses before every address is slowed; in account mode each
 * such address is slowed after its first miss, so K addresses give about K guesses per delay.
 * What still delays the owner: their own mistakes (pair), or sharing one address with the attacker.
 */

export interface ThrottleCounter {
  failures: number;
  lastFailureAt: Date;
}

export interface ThrottleRule {
  /** Failures in a row before the first delay (the attempt after the `free`-th failure waits). */
  free: number;
  /** Delay after the `free`-th failure; doubles with each further failure. */
  baseSeconds: number;
  maxSeconds: number;
}

export const PAIR: ThrottleRule = { free: 5, baseSeconds: 15, maxSeconds: 15 * 60 };
export const ADDRESS: ThrottleRule = { free: 30, baseSeconds: 15, maxSeconds: 15 * 60 };
export const ACCOUNT: ThrottleRule = { free: 20, baseSeconds: 15, maxSeconds: 5 * 60 };
/** A counter whose last failure is this old starts again from zero. */
export const THROTTLE_WINDOW_SECONDS = 60 * 60;

export type ThrottleScope = 'pair' | 'address' | 'account';

export interface ThrottleState {
  pair: ThrottleCounter | null;
  address: ThrottleCounter | null;
  account: ThrottleCounter | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/** Failures that still count at `now` (0 when the last one is older than the window). */
export function liveFailures(c: ThrottleCounter | null, now: Date): number {
  if (!c) return 0;
  return now.getTime() - c.lastFailureAt.getTime() >= THROTTLE_WINDOW_SECONDS * 1000 ? 0 : c.failures;
}

/** The delay (seconds) that follows `failures` failures in a row under a rule: 0 within the free ones. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  const doublings = failures - rule.free;
  // 2^20 already exceeds every cap; avoid Infinity for absurd counts.
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(doublings, 20));
}

/** Seconds until the counter's delay is over (0 when it is). */
function waitFor(c: ThrottleCounter | null, rule: ThrottleRule, now: Date): number {
  const failures = liveFailures(c, now);
  if (!c || failures === 0) return 0;
  const until = c.lastFailureAt.getTime() + delayAfter(failures, rule) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** May a sign-in attempt go ahead now, and if not, how long to wait and why. */
export function throttleDecision(state: ThrottleState, now: Date): ThrottleDecision {
  const waits: Array<[ThrottleScope, number]> = [
    ['pair', waitFor(state.pair, PAIR, now)],
    ['address', waitFor(state.address, ADDRESS, now)],
  ];
  // The account counter only slows addresses that have already failed on this account, counted from that
  // address's own last failure: a fresh address (the owner's) is never held back by what others did, and
  // an owner who mistyped once waits at most ACCOUNT.maxSeconds however long the attack goes on.
  const accountFailures = liveFailures(state.account, now);
  if (state.pair && liveFailures(state.pair, now) > 0 && accountFailures > 0) {
    const until = state.pair.lastFailureAt.getTime() + delayAfter(accountFailures, ACCOUNT) * 1000;
    waits.push(['account', Math.max(0, Math.ceil((until - now.getTime()) / 1000))]);
  }
  let worst: [ThrottleScope, number] | null = null;
  for (const w of waits) if (w[1] > 0 && (!worst || w[1] > worst[1])) worst = w;
  return worst ? { allowed: false, scope: worst[0], retryAfterSeconds: worst[1] } : { allowed: true };
}

/** The counter after one more failure at `now` (a counter older than the window starts again). */
export function afterFailure(c: ThrottleCounter | null, now: Date): ThrottleCounter {
  return { failures: liveFailures(c, now) + 1, lastFailureAt: now };
}

/** "30 sekunder", "1 minut", "4 minuter": how a wait is said to people. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
}

/** The message of a throttled sign-in: the same whether or not the account exists. */
export function throttledMessage(d: { scope: ThrottleScope; retryAfterSeconds: number }): string {
  const wait = waitText(d.retryAfterSeconds);
  if (d.scope === 'address') return `För många misslyckade inloggningar från din adress. Vänta ${wait} och försök igen.`;
  return `För många misslyckade inloggningsförsök för det här kontot. Vänta ${wait} och försök igen, eller be en administratör om en länk för att välja nytt lösenord.`;
}

/** The keys under which a sign-in attempt is counted (e-mail already normalised). */
export function throttleKeys(email: string, address: string): { pair: string; address: string; account: string } {
  return { pair: `pair:${email} ${address}`, address: `address:${address}`, account: `account:${email}` };
}

/**
 * The address under which failures are counted: IPv4 as is (also when written IPv4-mapped, `::ffff:a.b.c.d`),
 * IPv6 by its /64 prefix, since one client usually holds a whole /64 and could otherwise change address per try.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
