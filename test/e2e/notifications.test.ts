/**
 * E-mail notifications against a real SMTP server started by the test (smtp-server): an assignment,
 * a stage change and a comment reach the people concerned, exactly once even with two senders over
 * the same outbox; a refused recipient stays in the outbox for a retry; without SMTP nothing is queued.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createRepositories } from '../../src/repositories/index.ts';
import { createNotificationRepository } from '../../src/repositories/notification.repository.ts';
import { createNotificationService } from '../../src/services/notification.service.ts';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';
import { randomMunicipalityCode } from '../helpers/factories.ts';

interface Received {
  to: string[];
  raw: string;
}

const REFUSED = 'studsar@test.kompass.se';

async function startSink(): Promise<{ server: SMTPServer; port: number; mails: Received[] }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(new Error('550 Mottagaren finns inte'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

/** Bytes of quoted-printable text (=XX escapes), read as UTF-8. */
const qp = (s: string): string => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
/** A received message as text: headers unfolded with their encoded words decoded, body decoded. */
const readable = (raw: string): string =>
  qp(
    raw
      .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
      .replace(/\r?\n[ \t]+/g, ' ')
      .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) => q.replace(/_/g, ' ')),
  );

void describe('e-mail notifications through the outbox', () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let contact: SignedIn;
  const code = randomMunicipalityCode();

  before(async () => {
    sink = await startSink();
    t = await createTestApp({ mail: { smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'kompass <noreply@test.kompass.se>', publicUrl: 'https://kompass.example.se' } });
    lead = await signIn(t, 'evaluator');
    member = await signIn(t, 'evaluator');
    contact = await signIn(t, 'municipality', { municipalityCode: code });
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
  });

  const mailsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email)).map((m) => readable(m.raw));

  void test('assignment, stage change and comment reach the team and the municipality, once each', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: lead.headers, payload: { municipalityCode: code, frameworkId: 'kk2020', year: 2026 } });
    assert.equal(created.statusCode, 201, created.body);
    const e = created.json() as { id: string; version: number };
    const assigned = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${e.id}/assignments`, headers: lead.headers, payload: { expectedVersion: e.version, assignments: [{ userId: lead.user.id, isLead: true }, { userId: member.user.id }] } });
    assert.equal(assigned.statusCode, 200, assigned.body);
    await t.services.notifications.processOutbox();
    const toMember = mailsTo(member.user.email);
    assert.equal(toMember.length, 1);
    assert.match(toMember[0] ?? '', /du är tilldelad utvärderingen/);
    assert.match(toMember[0] ?? '', new RegExp(`https://kompass\\.example\\.se/utvarderingar/${e.id}`));
    assert.equal(mailsTo(lead.user.email).length, 0, 'nobody is told about their own change');

    const stage = (await t.app.inject({ url: `/api/evaluations/${e.id}/stage`, headers: lead.headers })).json() as { version: number };
    const moved = await t.app.inject({ method: 'POST', url: `/api/evaluations/${e.id}/stage`, headers: lead.headers, payload: { expectedVersion: stage.version, to: 'questionnaire_sent', reason: 'Avtal under underskrift' } });
    assert.equal(moved.statusCode, 200, moved.body);
    await t.services.notifications.processOutbox();
    assert.match(mailsTo(contact.user.email)[0] ?? '', /frågeunderlag skickat/, 'the municipality is told it is its turn');
    assert.equal(mailsTo(member.user.email).length, 2);

    // Internal notes are told to the team only.
    const note = await t.app.inject({ method: 'POST', url: `/api/evaluations/${e.id}/comments`, headers: member.headers, payload: { body: 'Intern fundering om 3.2', internal: true } });
    assert.equal(note.statusCode, 201, note.body);
    await t.services.notifications.processOutbox();
    assert.match(mailsTo(lead.user.email).at(-1) ?? '', /Intern fundering om 3\.2/);
    assert.equal(mailsTo(contact.user.email).length, 1, 'the municipality hears nothing of an internal note');
    const outbox = await createNotificationRepository(t.services.db).list();
    assert.ok(outbox.every((m) => m.sentAt !== null && m.attempts === 1), 'every message sent once');

    // The same events are in the app: a list per user with an unread count, marked read by its owner only.
    const mine = async (who: SignedIn) => (await t.app.inject({ url: '/api/me/notifications', headers: who.headers })).json<{ items: Array<{ id: string; subject: string; evaluationId: string; read: boolean }>; unread: number }>();
    const forMember = await mine(member);
    assert.equal(forMember.unread, 2);
    assert.deepEqual(forMember.items.map((i) => i.subject.replace(/^.*: /, '')), ['frågeunderlag skickat', 'du är tilldelad utvärderingen']);
    assert.ok(forMember.items.every((i) => i.evaluationId === e.id && !i.read));
    assert.equal((await mine(contact)).unread, 1);
    assert.match((await mine(lead)).items[0]?.subject ?? '', /ny intern anteckning/);
    const theirs = (await mine(contact)).items[0]?.id ?? '';
    const foreign = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read', headers: member.headers, payload: { ids: [theirs, forMember.items[1]?.id] } });
    assert.deepEqual(foreign.json(), { unread: 1 });
    assert.equal((await mine(contact)).unread, 1, 'another user’s notification is never marked');
    assert.deepEqual((await t.app.inject({ method: 'POST', url: '/api/me/notifications/read', headers: member.headers, payload: {} })).json(), { unread: 0 });
    assert.equal((await t.app.inject({ url: '/api/me/notifications' })).statusCode, 401);
  });

  void test('two senders over one outbox never send a message twice; a refused recipient waits for a retry', async () => {
    const repo = createNotificationRepository(t.services.db);
    const before = sink.mails.length;
    await repo.enqueue(Array.from({ length: 12 }, (_, i) => ({ recipient: `mottagare-${i}@test.kompass.se`, subject: `Test ${i}`, body: 'Hej' })));
    await repo.enqueue([{ recipient: REFUSED, subject: 'Studsar', body: 'Hej' }]);
    const other = createNotificationService({ db: t.services.db, repositories: createRepositories(t.services.db), mail: { smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'kompass <noreply@test.kompass.se>' } });
    const [a, b] = await Promise.all([t.services.notifications.processOutbox({ limit: 3 }), other.processOutbox({ limit: 3 })]);
    assert.equal(a.sent + b.sent, 12);
    assert.equal(sink.mails.length - before, 12);
    const delivered = sink.mails.slice(before).flatMap((m) => m.to);
    assert.equal(new Set(delivered).size, 12, 'no recipient got a message twice');
    const bounced = (await repo.list()).find((m) => m.recipient === REFUSED);
    assert.ok(bounced && bounced.sentAt === null && bounced.failedAt === null && bounced.attempts === 1);
    assert.match(bounced.lastError ?? '', /550|Mottagaren/);
    assert.ok(bounced.nextAttemptAt.getTime() > Date.now(), 'retried later, not at once');
    assert.deepEqual(await t.services.notifications.processOutbox(), { sent: 0, failed: 0 });
  });

  void test('without SMTP nothing is queued and nothing fails', async () => {
    const plain = await createTestApp();
    try {
      const who = await signIn(plain, 'evaluator');
      const created = await plain.app.inject({ method: 'POST', url: '/api/evaluations', headers: who.headers, payload: { municipalityCode: code, frameworkId: 'kk2020', year: 2027 } });
      const e = created.json() as { id: string };
      const c = await plain.app.inject({ method: 'POST', url: `/api/evaluations/${e.id}/comments`, headers: who.headers, payload: { body: 'Utan e-post' } });
      assert.equal(c.statusCode, 201);
      assert.equal(plain.services.notifications.enabled, false);
      assert.deepEqual(await createNotificationRepository(plain.services.db).list(), []);
      assert.deepEqual(await plain.services.notifications.processOutbox(), { sent: 0, failed: 0 });
    } finally {
      await plain.close();
    }
  });
});
