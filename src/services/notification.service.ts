/**
 * Notifications in the app and by e-mail. Every event that tells someone (a stage change, an
 * assignment, a comment) writes an in-app notification per recipient (read in the app's list, with an
 * unread count) and, when e-mail is configured, a message into the outbox, both in the change's own
 * transaction.
 *
 * E-mail goes through a durable outbox. A change that should notify someone (a stage
 * change, an assignment, a comment) writes its messages into `notification_outbox` in its own
 * transaction; a sender in each running instance claims due messages (FOR UPDATE SKIP LOCKED plus a
 * lease, see the repository) and sends them over SMTP outside any transaction, so several instances
 * never send a message twice and a slow mail server never holds the database. Without an SMTP server
 * (`KOMPASS_SMTP_URL` unset) nothing is queued and nothing is sent.
 */
import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { paths } from '../contracts/paths.ts';
import type { Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canReadOwnNotifications } from '../policies/notification.policy.ts';

export interface MailSettings {
  smtpUrl: string | null;
  from: string;
  /** Base of the links in the messages (KOMPASS_PUBLIC_URL); without it the links are paths. */
  publicUrl?: string | undefined;
}

/** Someone to tell: the account (in-app notification) and its e-mail address. */
export interface Recipient {
  userId: string;
  email: string;
}

export interface Message {
  recipient: string;
  subject: string;
  body: string;
}

/** One event for one recipient: shown in the app, and sent by e-mail when that is configured. */
export interface Notice {
  recipient: Recipient;
  evaluationId: string | null;
  subject: string;
  body: string;
}

export interface InAppNotification {
  id: string;
  evaluationId: string | null;
  subject: string;
  body: string;
  createdAt: string;
  read: boolean;
}

/** A sender of one message; the default speaks SMTP through nodemailer. */
export type Send = (m: Message & { from: string }) => Promise<void>;

const MAX_ATTEMPTS = 6;
const LEASE_MS = 5 * 60_000;
/** Wait before attempt n+1: 1, 4, 16, 64 … minutes. */
const retryDelayMs = (attempts: number): number => 60_000 * 4 ** Math.max(0, attempts - 1);

function smtpSender(url: string): Send {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return async (m) => {
    await transport.sendMail({ from: m.from, to: m.recipient, subject: m.subject, text: m.body });
  };
}

export function createNotificationService(deps: { db: Db; mail?: MailSettings | undefined; clock?: () => Date; send?: Send; repositories: Pick<Repositories, 'notifications' | 'assignments' | 'accounts'> }) {
  const { db } = deps;
  const mail = deps.mail ?? { smtpUrl: null, from: 'kompass <noreply@kompass.invalid>' };
  const clock = deps.clock ?? (() => new Date());
  const { notifications: repo, assignments, accounts } = deps.repositories;
  const enabled = mail.smtpUrl !== null;
  const send = deps.send ?? (mail.smtpUrl ? smtpSender(mail.smtpUrl) : null);
  let running: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const link = (evaluationId: string): string => `${(mail.publicUrl ?? '').replace(/\/+$/, '')}${paths.evaluation(evaluationId)}`;

  const processOnce = async (limit: number): Promise<{ sent: number; failed: number }> => {
    if (!send) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    for (;;) {
      const now = clock();
      const batch = await repo.claim(limit, now, new Date(now.getTime() + LEASE_MS));
      if (batch.length === 0) break;
      for (const m of batch) {
        try {
          await send({ from: mail.from, recipient: m.recipient, subject: m.subject, body: m.body });
          await repo.markSent(m.id, clock());
          sent += 1;
        } catch (err) {
          failed += 1;
          const at = clock();
          await repo.markFailed(m.id, err instanceof Error ? err.message : String(err), m.attempts >= MAX_ATTEMPTS ? null : new Date(at.getTime() + retryDelayMs(m.attempts)), at);
        }
      }
      if (batch.length < limit) break;
    }
    return { sent, failed };
  };

  const service = {
    /** Whether e-mail is configured (otherwise nothing is queued). */
    enabled,

    /**
     * Tells each recipient in the caller's transaction: an in-app notification always, an e-mail in the
     * outbox when e-mail is configured (one per address and subject).
     */
    async enqueue(notices: readonly Notice[], executor: Db = db): Promise<void> {
      const inApp = new Map(notices.map((n) => [`${n.recipient.userId}\n${n.subject}`, n]));
      await repo.insertInApp([...inApp.values()].map((n) => ({ userId: n.recipient.userId, evaluationId: n.evaluationId, subject: n.subject, body: n.body })), executor);
      if (!enabled) return;
      const unique = new Map(notices.filter((n) => n.recipient.email.includes('@')).map((n) => [`${n.recipient.email.toLowerCase()}\n${n.subject}`, { recipient: n.recipient.email, subject: n.subject, body: n.body }]));
      await repo.enqueue([...unique.values()], executor);
    },

    /**
     * Whom to tell about an evaluation: its team (optionally only some of them), and the municipality's
     * users when asked, never the person who made the change.
     */
    async recipients({ evaluationId, municipalityCode, team = true, municipality = false, only, exceptUserId }: { evaluationId: string; municipalityCode: string; team?: boolean; municipality?: boolean; only?: readonly string[]; exceptUserId: string | null }, executor: Db = db): Promise<Recipient[]> {
      const out: Recipient[] = [];
      if (team) out.push(...(await assignments.list(evaluationId, executor)).filter((a) => !only || only.includes(a.userId)).map((a) => ({ userId: a.userId, email: a.email })));
      if (municipality) out.push(...(await accounts.municipalityUsers(municipalityCode, executor)).map((u) => ({ userId: u.id, email: u.email })));
      return [...new Map(out.filter((u) => u.userId !== exceptUserId).map((u) => [u.userId, u])).values()];
    },

    /** The signed-in user's own notifications, newest first, with how many are unread. */
    async listNotifications({ viewer, limit = 50 }: { viewer: Viewer; limit?: number }): Promise<{ items: InAppNotification[]; unread: number }> {
      authorize(canReadOwnNotifications(viewer));
      const userId = viewer.userId ?? '';
      const rows = await repo.listInApp(userId, limit);
      return {
        items: rows.map((r) => ({ id: r.id, evaluationId: r.evaluationId, subject: r.subject, body: r.body, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
        unread: await repo.unreadInApp(userId),
      };
    },

    /** Marks the user's own notifications read (the listed ones, or all); others' are never touched. */
    async markNotificationsRead({ ids, viewer }: { ids: readonly string[] | null; viewer: Viewer }): Promise<{ unread: number }> {
      authorize(canReadOwnNotifications(viewer));
      const userId = viewer.userId ?? '';
      await repo.markInAppRead(userId, ids, clock());
      return { unread: await repo.unreadInApp(userId) };
    },

    link,

    /** Sends what is due now; returns how many were sent and how many attempts failed. One run at a time per process. */
    async processOutbox({ limit = 20 }: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
      if (running) {
        again = true;
        return running;
      }
      running = processOnce(limit).finally(() => {
        running = null;
      });
      const result = await running;
      if (again) {
        again = false;
        const more = await service.processOutbox({ limit });
        return { sent: result.sent + more.sent, failed: result.failed + more.failed };
      }
      return result;
    },

    /** Sends soon, after the caller's transaction has committed (failures are kept in the outbox). */
    kick(): void {
      if (!enabled) return;
      setImmediate(() => void service.processOutbox().catch(() => undefined));
    },

    /** Sends due messages every `intervalMs` until `stop` (picks up retries and other instances' leftovers). */
    start(intervalMs = 30_000): void {
      if (!enabled || timer) return;
      timer = setInterval(() => void service.processOutbox().catch(() => undefined), intervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
  };
  return service;
}
export type NotificationService = ReturnType<typeof createNotificationService>;
