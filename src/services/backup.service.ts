/**
 * Export and import of the whole database as JSON. The round trip is identical:
 * export → import into an empty database → export gives the same document.
 */
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { SYSTEM } from '../domain/access.ts';
import { DomainError, type ErrorDetail } from '../domain/errors.ts';
import { EvaluationInputSchema } from '../domain/evaluation.ts';
import { validateFramework } from '../domain/framework.ts';
import { checkSubareaPoints } from '../domain/scoring.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { createFrameworkRepository } from '../repositories/framework.repository.ts';
import { createAccountRepository } from '../repositories/account.repository.ts';
import type { AuditRow } from '../repositories/audit.repository.ts';
import type { CommentRow } from '../repositories/assignment.repository.ts';
import type { Services } from './index.ts';

export const EXPORT_FORMAT = 'kompass-export';
export const EXPORT_VERSION = 1;

/** Evaluations indexed for search per statement when importing. */
const INDEX_BATCH = 100;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  frameworks: FrameworkDef[];
  evaluations: Evaluation[];
  /** Accounts (with password hashes, without sessions, reset tokens or lockout counters). Optional in older exports. */
  users?: ExportedUser[];
  assignments?: Array<{ evaluationId: string; userId: string; isLead: boolean }>;
  comments?: Array<Omit<CommentRow, 'createdAt'> & { createdAt: string }>;
  /** The audit trail, in order. */
  auditLog?: Array<Omit<AuditRow, 'at'> & { at: string }>;
}

export interface ExportedUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'evaluator' | 'municipality';
  municipalityCode: string | null;
  passwordHash: string | null;
  oidcSubject: string | null;
  disabled: boolean;
  createdAt: string;
}

const HeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'filen är inte en kompass-export' }),
  version: z.literal(EXPORT_VERSION, { error: `exportversionen stöds inte (förväntad ${EXPORT_VERSION})` }),
  frameworks: z.array(z.looseObject({ id: z.string() })),
  evaluations: z.array(z.looseObject({ id: z.uuid(), frameworkId: z.string(), municipalityCode: z.string() })),
  users: z
    .array(
      z.object({
        id: z.uuid(),
        email: z.string().min(3),
        name: z.string(),
        role: z.enum(['admin', 'evaluator', 'municipality']),
        municipalityCode: z.string().nullable(),
        passwordHash: z.string().nullable(),
        oidcSubject: z.string().nullable(),
        disabled: z.boolean(),
        createdAt: z.iso.datetime(),
      }),
    )
    .optional(),
  assignments: z.array(z.object({ evaluationId: z.uuid(), userId: z.uuid(), isLead: z.boolean() })).optional(),
  comments: z
    .array(
      z.object({
        id: z.uuid(),
        evaluationId: z.uuid(),
        userId: z.uuid().nullable(),
        authorName: z.string(),
        areaNumber: z.number().int().nullable(),
        subareaId: z.string().nullable(),
        body: z.string(),
        createdAt: z.iso.datetime(),
      }),
    )
    .optional(),
  auditLog: z
    .array(
      z.object({
        id: z.number().int().positive(),
        at: z.iso.datetime(),
        actorUserId: z.uuid().nullable(),
        actorName: z.string(),
        entity: z.enum(['evaluation', 'user', 'framework']),
        entityId: z.string(),
        action: z.string(),
        before: z.record(z.string(), z.unknown()).nullable(),
        after: z.record(z.string(), z.unknown()).nullable(),
      }),
    )
    .optional(),
});

/**
 * Checks the content of an export before anything is written: frameworks by the framework rules,
 * evaluations by the evaluation schema, their municipality, framework and points.
 */
function checkDocument(doc: ExportDocument, stored: ReadonlyMap<string, FrameworkDef>, municipalityCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const frameworks = new Map<string, FrameworkDef>(stored);
  doc.frameworks.forEach((fw, i) => {
    for (const issue of validateFramework(fw)) problems.push({ path: `frameworks[${i}] (${fw.id}).${issue.path}`, message: issue.message });
    frameworks.set(fw.id, fw);
  });
  doc.evaluations.forEach((e, i) => {
    const where = `evaluations[${i}] (${e.id})`;
    const parsed = EvaluationInputSchema.safeParse(e);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ path: `${where}.${issue.path.join('.')}`, message: issue.message });
      return;
    }
    if (!municipalityCodes.has(e.municipalityCode)) problems.push({ path: `${where}.municipalityCode`, message: `kommunkoden ${e.municipalityCode} finns inte` });
    const fw = frameworks.get(e.frameworkId);
    if (!fw) {
      problems.push({ path: `${where}.frameworkId`, message: `ramverksversionen ${e.frameworkId} finns varken i filen eller i databasen` });
      return;
    }
    for (const [id, points] of Object.entries(parsed.data.scores)) {
      const msg = checkSubareaPoints(fw, id, points);
      if (msg) problems.push({ path: `${where}.scores.${id}`, message: msg });
    }
  });
  return problems;
}

export function createBackupService(services: Services) {
  const { db } = services;
  const accounts = createAccountRepository(db);
  return {
    async exportDatabase(): Promise<ExportDocument> {
      const frameworks = (await services.frameworks.listFrameworks()).map(({ createdAt: _c, updatedAt: _u, ...f }) => f);
      const ids = await services.evaluations.repository.allIds();
      const evaluations: Evaluation[] = [];
      for (const id of ids) {
        const e = await services.evaluations.repository.getFull(id);
        if (e) evaluations.push(e);
      }
      const users: ExportedUser[] = (await accounts.listUsers()).map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        municipalityCode: u.municipalityCode,
        passwordHash: u.passwordHash,
        oidcSubject: u.oidcSubject,
        disabled: u.disabled,
        createdAt: u.createdAt.toISOString(),
      }));
      const assignments = (await services.evaluations.assignments.all()).map((a) => ({ evaluationId: a.evaluationId, userId: a.userId, isLead: a.isLead }));
      const comments = (await services.evaluations.assignments.allComments()).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
      const auditLog = (await services.audit.repository.all()).map((r) => ({ ...r, at: r.at.toISOString() }));
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks, evaluations, users, assignments, comments, auditLog };
    },

    /** Imports an export into a database without evaluations. All or nothing. */
    async importDatabase({ document }: { document: unknown }): Promise<{ frameworks: number; evaluations: number; users: number; auditRecords: number }> {
      const head = HeaderSchema.safeParse(document);
      if (!head.success) {
        throw new DomainError('validation', `Importen avbröts: ${head.error.issues.map((i) => `${i.path.join('.') || 'dokument'}: ${i.message}`).join('; ')}`);
      }
      const doc = document as ExportDocument;
      const extra = head.data;
      const existing = await services.evaluations.listEvaluations({ filter: { limit: 1 }, viewer: SYSTEM });
      if (existing.count > 0) throw new DomainError('rule_violation', 'Databasen innehåller redan utvärderingar; importera till en tom databas.');
      const present = await accounts.listUsers();
      const clash = (extra.users ?? []).find((u) => present.some((p) => p.id === u.id || p.email === u.email));
      if (clash) throw new DomainError('rule_violation', `Databasen har redan användaren ${clash.email}; importera till en databas utan användare.`);
      const known = new Map((await services.frameworks.listFrameworks()).map((f) => [f.id, f]));
      const problems = checkDocument(doc, known, new Set((await services.municipalities.listMunicipalities()).map((m) => m.code)));
      if (problems.length > 0) {
        throw new DomainError('validation', `Importen avbröts: ${problems.length} fel i filen. Första: ${problems[0]?.path}: ${problems[0]?.message}`, problems.slice(0, 100));
      }
      const frameworkRepo = createFrameworkRepository(db);
      let fwCount = 0;
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        for (const fw of doc.frameworks) {
          if (known.has(fw.id)) await frameworkRepo.update(fw, t);
          else await frameworkRepo.insert(fw, t);
          fwCount += 1;
        }
        for (const u of extra.users ?? []) await accounts.insertUser({ ...u, createdAt: new Date(u.createdAt) }, t);
        // The search index is filled in batches after the texts rather than by a trigger per row.
        await services.goodExamples.deferIndexing(t);
        for (const e of doc.evaluations) await services.evaluations.repository.insertRestored(e, t);
        const ids = doc.evaluations.map((e) => e.id);
        for (let i = 0; i < ids.length; i += INDEX_BATCH) await services.goodExamples.fillIndex(ids.slice(i, i + INDEX_BATCH), t);
        await services.goodExamples.settleIndex(t);
        await services.evaluations.assignments.insertMany(extra.assignments ?? [], t);
        await services.evaluations.assignments.insertComments((extra.comments ?? []).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })), t);
        await services.audit.repository.restore((extra.auditLog ?? []).map((r) => ({ ...r, at: new Date(r.at) })), t);
      });
      services.frameworks.invalidate();
      return { frameworks: fwCount, evaluations: doc.evaluations.length, users: extra.users?.length ?? 0, auditRecords: extra.auditLog?.length ?? 0 };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
