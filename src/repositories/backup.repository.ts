/**
 * Whole-table reads and restores for the database export (src/services/backup.service.ts) of the tables
 * that have no other repository doing it: stages, the conduct tables (question bank, questionnaires,
 * file metadata, interview sessions, evidence register), pending e-mail, peer groups and concordances.
 * Reads are ordered so two exports of the same data are identical; restores insert in dependency order.
 */
import { asc, getTableName, is, isNull, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import {
  concordances,
  evaluationStages,
  evidenceFiles,
  evidenceItems,
  interviewSessions,
  notificationOutbox,
  peerGroupMembers,
  peerGroups,
  questionBank,
  questionnaires,
} from '../db/schema.ts';
import * as schemaModule from '../db/schema.ts';

export type StageDump = typeof evaluationStages.$inferSelect;
export type ConcordanceDump = typeof concordances.$inferSelect;
export type QuestionDump = typeof questionBank.$inferSelect;
export type QuestionnaireDump = typeof questionnaires.$inferSelect;
export type FileDump = typeof evidenceFiles.$inferSelect;
export type SessionDump = typeof interviewSessions.$inferSelect;
export type EvidenceDump = typeof evidenceItems.$inferSelect;
export type PeerGroupDump = typeof peerGroups.$inferSelect & { municipalityCodes: string[] };
/** A queued e-mail not yet sent or given up (id, lease and error are the sender's business, not the message's). */
export type PendingMailDump = Pick<typeof notificationOutbox.$inferSelect, 'recipient' | 'subject' | 'body' | 'createdAt' | 'attempts' | 'nextAttemptAt'>;

export interface BackupDump {
  evaluationStages: StageDump[];
  concordances: ConcordanceDump[];
  peerGroups: PeerGroupDump[];
  questionBank: QuestionDump[];
  questionnaires: QuestionnaireDump[];
  files: FileDump[];
  interviewSessions: SessionDump[];
  evidenceItems: EvidenceDump[];
  pendingNotifications: PendingMailDump[];
}

const BATCH = 500;

async function insertBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** The SQL name of every table that src/db/schema.ts declares (whether or not it is in its `schema` object). */
export const SCHEMA_TABLES: readonly string[] = [...new Set(Object.values(schemaModule).flatMap((v) => (is(v, PgTable) ? [getTableName(v)] : [])))].sort();

export function createBackupRepository(db: Db) {
  return {
    async dump(executor: Db = db): Promise<BackupDump> {
      const groups = await executor.select().from(peerGroups).orderBy(asc(peerGroups.createdAt), asc(peerGroups.id));
      const members = await executor.select().from(peerGroupMembers).orderBy(asc(peerGroupMembers.groupId), asc(peerGroupMembers.municipalityCode));
      const codesOf = new Map<string, string[]>();
      for (const m of members) codesOf.set(m.groupId, [...(codesOf.get(m.groupId) ?? []), m.municipalityCode]);
      return {
        evaluationStages: await executor.select().from(evaluationStages).orderBy(asc(evaluationStages.evaluationId)),
        concordances: await executor.select().from(concordances).orderBy(asc(concordances.fromFrameworkId), asc(concordances.toFrameworkId)),
        peerGroups: groups.map((g) => ({ ...g, municipalityCodes: codesOf.get(g.id) ?? [] })),
        questionBank: await executor.select().from(questionBank).orderBy(asc(questionBank.frameworkId), asc(questionBank.subareaId), asc(questionBank.position), asc(questionBank.id)),
        questionnaires: await executor.select().from(questionnaires).orderBy(asc(questionnaires.evaluationId)),
        files: await executor.select().from(evidenceFiles).orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id)),
        interviewSessions: await executor.select().from(interviewSessions).orderBy(asc(interviewSessions.evaluationId), asc(interviewSessions.day), asc(interviewSessions.startsAt), asc(interviewSessions.id)),
        evidenceItems: await executor.select().from(evidenceItems).orderBy(asc(evidenceItems.evaluationId), asc(evidenceItems.createdAt), asc(evidenceItems.id)),
        pendingNotifications: await executor
          .select({ recipient: notificationOutbox.recipient, subject: notificationOutbox.subject, body: notificationOutbox.body, createdAt: notificationOutbox.createdAt, attempts: notificationOutbox.attempts, nextAttemptAt: notificationOutbox.nextAttemptAt })
          .from(notificationOutbox)
          .where(sql`${isNull(notificationOutbox.sentAt)} and ${isNull(notificationOutbox.failedAt)}`)
          .orderBy(asc(notificationOutbox.id)),
      };
    },

    /**
     * Writes a dump (in the caller's transaction). Concordances replace those of the same pair (the catalog's,
     * written at start-up); a question bank in the dump replaces the version's bank in the database.
     */
    async restore(d: BackupDump, executor: Db = db): Promise<void> {
      for (const c of d.concordances) {
        const { fromFrameworkId: _f, toFrameworkId: _t, ...rest } = c;
        await executor.insert(concordances).values(c).onConflictDoUpdate({ target: [concordances.fromFrameworkId, concordances.toFrameworkId], set: rest });
      }
      const banks = [...new Set(d.questionBank.map((q) => q.frameworkId))];
      for (const frameworkId of banks) await executor.delete(questionBank).where(sql`${questionBank.frameworkId} = ${frameworkId}`);
      await insertBatches(d.questionBank, (b) => executor.insert(questionBank).values(b));
      await insertBatches(d.evaluationStages, (b) => executor.insert(evaluationStages).values(b));
      await insertBatches(d.questionnaires, (b) => executor.insert(questionnaires).values(b));
      await insertBatches(d.files, (b) => executor.insert(evidenceFiles).values(b));
      await insertBatches(d.interviewSessions, (b) => executor.insert(interviewSessions).values(b));
      await insertBatches(d.evidenceItems, (b) => executor.insert(evidenceItems).values(b));
      await insertBatches(d.pendingNotifications, (b) => executor.insert(notificationOutbox).values(b));
      await insertBatches(
        d.peerGroups.map(({ municipalityCodes: _m, ...g }) => g),
        (b) => executor.insert(peerGroups).values(b),
      );
      await insertBatches(
        d.peerGroups.flatMap((g) => g.municipalityCodes.map((municipalityCode) => ({ groupId: g.id, municipalityCode }))),
        (b) => executor.insert(peerGroupMembers).values(b),
      );
    },

    /** The tables the database has in its own schema (made by migrations), by SQL name. */
    async databaseTables(executor: Db = db): Promise<string[]> {
      const result = await executor.execute(sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`);
      return (result as unknown as { rows: Array<{ name: string }> }).rows.map((r) => r.name);
    },

    /** Rows per table (SQL name), for checking that a restore carried everything. */
    async rowCounts(executor: Db = db): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const name of SCHEMA_TABLES) {
        const result = await executor.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`);
        out[name] = Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
      }
      return out;
    },
  };
}
export type BackupRepository = ReturnType<typeof createBackupRepository>;
