/**
 * Export and import of the whole database as JSON. The round trip is identical:
 * export → import into an empty database → export gives the same document.
 */
import { AUDIT_ENTITIES } from '../db/schema.ts';
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
import type { GoodExampleService } from './good-examples.service.ts';
import { createAccountRepository } from '../repositories/account.repository.ts';
import type { AuditRow } from '../repositories/audit.repository.ts';
import type { CommentRow } from '../repositories/assignment.repository.ts';
import { createAssignmentRepository } from '../repositories/assignment.repository.ts';
import { createAuditRepository } from '../repositories/audit.repository.ts';
import { createEvaluationRepository } from '../repositories/evaluation.repository.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

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
        email: z.string().min(3).max(320),
        name: z.string().max(200),
        role: z.enum(['admin', 'evaluator', 'municipality']),
        municipalityCode: z.string().max(8).nullable(),
        // An argon2 hash as written by this app; anything else would lock the user out or be a mistake.
        passwordHash: z.string().regex(/^\$argon2(id|i|d)\$[\x21-\x7e]{20,500}$/, 'är inte ett argon2-hash som kompass skriver').nullable(),
        oidcSubject: z.string().max(1000).nullable(),
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
        authorName: z.string().max(200),
        areaNumber: z.number().int().nullable(),
        subareaId: z.string().max(20).nullable(),
        body: z.string().max(50_000),
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
        actorName: z.string().max(200),
        entity: z.enum(AUDIT_ENTITIES),
        entityId: z.string().max(200),
        action: z.string().max(100),
        before: z.record(z.string(), z.unknown()).nullable(),
        after: z.record(z.string(), z.unknown()).nullable(),
      }),
    )
    .optional(),
});

/** Paths of values seen twice in a list (ids, e-mail addresses, pairs). */
function duplicates<T>(items: readonly T[] | undefined, key: (item: T) => string, what: (i: number) => string, label: string): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  (items ?? []).forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ path: what(i), message: `${label} finns redan tidigare i filen` });
    seen.add(k);
  });
  return out;
}

/**
 * Cross-record checks the database would otherwise refuse with its own (technical) error: duplicates,
 * references to records that are not in the file, and password hashes outside the passwordHash field.
 * Messages name the place, never the value (which could be a secret).
 */
function checkReferences(doc: z.infer<typeof HeaderSchema>, municipalityCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [
    ...duplicates(doc.frameworks, (f) => f.id, (i) => `frameworks[${i}].id`, 'id'),
    ...duplicates(doc.evaluations, (e) => e.id, (i) => `evaluations[${i}].id`, 'id'),
    ...duplicates(doc.users, (u) => u.id, (i) => `users[${i}].id`, 'id'),
    ...duplicates(doc.users, (u) => u.email.trim().toLowerCase(), (i) => `users[${i}].email`, 'e-postadressen'),
    ...duplicates(doc.users?.filter((u) => u.oidcSubject !== null), (u) => u.oidcSubject ?? '', (i) => `users[${i}].oidcSubject`, 'kopplingen till identitetstjänsten'),
    ...duplicates(doc.assignments, (a) => `${a.evaluationId} ${a.userId}`, (i) => `assignments[${i}]`, 'tilldelningen'),
    ...duplicates(doc.comments, (c) => c.id, (i) => `comments[${i}].id`, 'id'),
    ...duplicates(doc.auditLog, (r) => String(r.id), (i) => `auditLog[${i}].id`, 'id'),
  ];
  const evaluationIds = new Set(doc.evaluations.map((e) => e.id));
  const userIds = new Set((doc.users ?? []).map((u) => u.id));
  (doc.users ?? []).forEach((u, i) => {
    if (u.municipalityCode !== null && !municipalityCodes.has(u.municipalityCode)) problems.push({ path: `users[${i}].municipalityCode`, message: 'kommunkoden finns inte' });
    for (const field of ['email', 'name', 'oidcSubject'] as const) {
      if (u[field]?.includes('$argon2')) problems.push({ path: `users[${i}].${field}`, message: 'innehåller något som liknar ett lösenordshash; hashar hör bara hemma i passwordHash' });
    }
  });
  (doc.assignments ?? []).forEach((a, i) => {
    if (!evaluationIds.has(a.evaluationId)) problems.push({ path: `assignments[${i}].evaluationId`, message: 'utvärderingen finns inte i filen' });
    if (!userIds.has(a.userId)) problems.push({ path: `assignments[${i}].userId`, message: 'användaren finns inte i filen' });
  });
  (doc.comments ?? []).forEach((c, i) => {
    if (!evaluationIds.has(c.evaluationId)) problems.push({ path: `comments[${i}].evaluationId`, message: 'utvärderingen finns inte i filen' });
    if (c.userId !== null && !userIds.has(c.userId)) problems.push({ path: `comments[${i}].userId`, message: 'användaren finns inte i filen' });
  });
  return problems;
}

/** What a database refusal during import means, without its SQL, values or constraint internals. */
function importFailure(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const why: Record<string, string> = {
    '23505': 'två poster i filen (eller en post i filen och en i databasen) har samma id eller e-postadress',
    '23503': 'en post hänvisar till något som varken finns i filen eller i databasen',
    '23502': 'ett obligatoriskt fält saknas',
    '23514': 'ett värde är inte tillåtet',
    '22001': 'en text är för lång',
    '22003': 'ett tal är utanför det tillåtna området',
    '22P02': 'ett värde har fel format',
    '22007': 'ett datum eller en tidpunkt har fel format',
    '22008': 'ett datum eller en tidpunkt finns inte',
  };
  return new DomainError('validation', `Importen avbröts och ingenting ändrades: ${why[code] ?? 'filen innehåller data som databasen inte godtar'}.`);
}

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

export function createBackupService(services: {
  db: Db;
  evaluations: Pick<EvaluationService, 'listEvaluations'>;
  frameworks: Pick<FrameworkService, 'listFrameworks' | 'invalidate'>;
  municipalities: Pick<MunicipalityService, 'listMunicipalities'>;
  goodExamples: Pick<GoodExampleService, 'deferIndexing' | 'fillIndex' | 'settleIndex'>;
}) {
  const { db } = services;
  const accounts = createAccountRepository(db);
  const evaluationRepo = createEvaluationRepository(db);
  const assignmentRepo = createAssignmentRepository(db);
  const auditRepo = createAuditRepository(db);
  return {
    async exportDatabase(): Promise<ExportDocument> {
      const frameworks = (await services.frameworks.listFrameworks()).map(({ createdAt: _c, updatedAt: _u, version: _v, ...f }) => f);
      const ids = await evaluationRepo.allIds();
      const evaluations: Evaluation[] = [];
      for (const id of ids) {
        const e = await evaluationRepo.getFull(id);
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
      const assignments = (await assignmentRepo.all()).map((a) => ({ evaluationId: a.evaluationId, userId: a.userId, isLead: a.isLead }));
      const comments = (await assignmentRepo.allComments()).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
      const auditLog = (await auditRepo.all()).map((r) => ({ ...r, at: r.at.toISOString() }));
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
      const codes = new Set((await services.municipalities.listMunicipalities()).map((m) => m.code));
      const problems = [...checkReferences(extra, codes), ...checkDocument(doc, known, codes)];
      if (problems.length > 0) {
        throw new DomainError('validation', `Importen avbröts: ${problems.length} fel i filen. Första: ${problems[0]?.path}: ${problems[0]?.message}`, problems.slice(0, 100));
      }
      const frameworkRepo = createFrameworkRepository(db);
      let fwCount = 0;
      try {
        await db.transaction(async (tx) => {
          const t = tx as unknown as Db;
          for (const fw of doc.frameworks) {
            if (known.has(fw.id)) await frameworkRepo.update(fw, t);
            else await frameworkRepo.insert(fw, t);
            fwCount += 1;
          }
          for (const u of extra.users ?? []) await accounts.insertUser({ ...u, createdAt: new Date(u.createdAt) }, t);
          // The search index is filled in batches after the texts rather than by a trigger per row.
          const dropped = await services.goodExamples.deferIndexing(t);
          await evaluationRepo.insertRestored(doc.evaluations, t);
          const ids = doc.evaluations.map((e) => e.id);
          for (let i = 0; i < ids.length; i += INDEX_BATCH) await services.goodExamples.fillIndex(ids.slice(i, i + INDEX_BATCH), t);
          await services.goodExamples.settleIndex(t, dropped);
          await assignmentRepo.insertMany(extra.assignments ?? [], t);
          await assignmentRepo.insertComments((extra.comments ?? []).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })), t);
          await auditRepo.restore((extra.auditLog ?? []).map((r) => ({ ...r, at: new Date(r.at) })), t);
        });
      } catch (e) {
        // The transaction rolled back: nothing was written.
        throw importFailure(e);
      }
      services.frameworks.invalidate();
      return { frameworks: fwCount, evaluations: doc.evaluations.length, users: extra.users?.length ?? 0, auditRecords: extra.auditLog?.length ?? 0 };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
