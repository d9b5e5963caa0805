/**
 * Export and import of the whole database as JSON. The round trip is identical:
 * export → import into an empty database → export gives the same document.
 */
import { createHash } from 'node:crypto';
import { AUDIT_ENTITIES } from '../db/schema.ts';
import { z } from 'zod';
import { swedishZodMessage } from '../contracts/swedish-errors.ts';
import { CONCORDANCE_RELATIONS, validateConcordance } from '../domain/concordance.ts';
import { FILE_KINDS, INTERVIEW_ROLES, MAX_EVIDENCE_FILE_BYTES, checkSessionTimes, sniffFileKind } from '../domain/evidence.ts';
import { STAGES } from '../domain/stages.ts';
import type { BackupDump, ConcordanceDump, EvidenceDump, FileDump, PeerGroupDump, PendingMailDump, QuestionDump, QuestionnaireDump, SessionDump, StageDump } from '../repositories/backup.repository.ts';
import type { FileStore } from '../repositories/file-store.ts';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { SYSTEM } from '../domain/access.ts';
import { DomainError, type ErrorDetail } from '../domain/errors.ts';
import { ActionPlanItemDataSchema, CADENCES, checkItem } from '../domain/action-plan.ts';
import { EvaluationInputSchema } from '../domain/evaluation.ts';
import { GENDERS } from '../domain/indicator-file.ts';
import { validateFramework } from '../domain/framework.ts';
import { checkSubareaPoints } from '../domain/scoring.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import type { GoodExampleService } from './good-examples.service.ts';
import type { AuditRow } from '../repositories/audit.repository.ts';
import type { CommentRow } from '../repositories/assignment.repository.ts';
import type { ActionPlanRow, ReportBackRow } from '../repositories/action-plan.repository.ts';
import type { IndicatorWithData } from '../repositories/indicator.repository.ts';
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
  comments?: Array<
    Omit<CommentRow, 'createdAt' | 'parentId' | 'internal' | 'resolvedAt' | 'resolvedBy' | 'itemKind' | 'itemIndex' | 'itemText'> & {
      createdAt: string;
      parentId?: string | null;
      internal?: boolean;
      resolvedAt?: string | null;
      resolvedBy?: string | null;
      itemKind?: CommentRow['itemKind'];
      itemIndex?: number | null;
      itemText?: string | null;
    }
  >;
  /** The audit trail, in order. */
  auditLog?: Array<Omit<AuditRow, 'at'> & { at: string }>;
  /** Each assigned evaluator's own scores and the team's agreed scores. Optional in older exports. */
  independentScoreSheets?: ExportedSheet[];
  agreedScores?: ExportedAgreedScore[];
  /** Follow-up: action plans, their report-backs, indicators with values and targets. Optional in older exports. */
  actionPlans?: ExportedActionPlan[];
  reportBacks?: ExportedReportBack[];
  indicators?: ExportedIndicator[];
  /** Where each evaluation is in the process. Optional in older exports (as are all below). */
  evaluationStages?: Array<Dated<StageDump, 'updatedAt'>>;
  /** Area and subarea concordances between framework versions (they replace the catalog's of the same pair). */
  concordances?: Array<Dated<ConcordanceDump, 'updatedAt'>>;
  /** Users' saved peer groups with their municipalities. */
  peerGroups?: Array<Dated<PeerGroupDump, 'createdAt' | 'updatedAt'>>;
  /** Question banks per framework version (a version's bank in the file replaces the database's). */
  questionBank?: Array<Dated<QuestionDump, 'updatedAt'>>;
  questionnaires?: Array<Dated<QuestionnaireDump, 'submittedAt' | 'reopenedAt' | 'updatedAt'>>;
  /** Uploaded files with their content (base64), checked against size and sha256 on import and stored under new generated names. */
  files?: ExportedFile[];
  interviewSessions?: Array<Dated<SessionDump, 'createdAt' | 'updatedAt'>>;
  evidenceItems?: Array<Dated<EvidenceDump, 'createdAt' | 'updatedAt'>>;
  /** E-mail queued and not yet sent (sent and abandoned ones are a delivery log, not data; see docs/ARCHITECTURE.md). */
  pendingNotifications?: Array<Dated<PendingMailDump, 'createdAt' | 'nextAttemptAt'>>;
}

/** An uploaded file in an export: its metadata without the name it had on disk, and its bytes. */
export type ExportedFile = Dated<Omit<FileDump, 'storedName'>, 'createdAt'> & { contentBase64: string };

/**
 * Every table of the schema (SQL name): the export section that carries it, or why it is not exported.
 * test/unit/backup-coverage.test.ts fails when a table is missing here; the round-trip test checks that
 * every exported table arrives with all its rows.
 */
export const BACKUP_COVERAGE: Record<string, { section: string } | { excluded: string }> = {
  municipalities: { excluded: 'reference data: written from the bundled list (SCB codes) into every database at start' },
  frameworks: { section: 'frameworks' },
  evaluations: { section: 'evaluations' },
  evaluators: { section: 'evaluations (evaluators of each)' },
  area_texts: { section: 'evaluations (areas of each)' },
  subarea_scores: { section: 'evaluations (scores of each)' },
  users: { section: 'users' },
  sessions: { excluded: 'sign-in sessions: secrets of one server; everyone signs in again after a restore' },
  password_resets: { excluded: 'one-time reset links: short-lived secrets, useless on another server' },
  login_throttle: { excluded: 'counters of failed sign-ins: short-lived protection, not data' },
  oidc_pending: { excluded: 'single sign-ons under way: expire within minutes' },
  evaluation_assignments: { section: 'assignments' },
  evaluation_comments: { section: 'comments' },
  audit_log: { section: 'auditLog' },
  search_documents: { excluded: 'search index: rebuilt from the evaluations during import' },
  search_evaluations: { excluded: 'search index: rebuilt from the evaluations during import' },
  search_terms: { excluded: 'search index: rebuilt from the evaluations during import' },
  independent_score_sheets: { section: 'independentScoreSheets' },
  agreed_scores: { section: 'agreedScores' },
  action_plans: { section: 'actionPlans' },
  report_backs: { section: 'reportBacks' },
  indicators: { section: 'indicators' },
  indicator_values: { section: 'indicators (values of each)' },
  indicator_targets: { section: 'indicators (targets of each)' },
  question_bank: { section: 'questionBank' },
  questionnaires: { section: 'questionnaires' },
  evidence_files: { section: 'files (with their content)' },
  interview_sessions: { section: 'interviewSessions' },
  evidence_items: { section: 'evidenceItems' },
  evaluation_stages: { section: 'evaluationStages' },
  notification_outbox: { section: 'pendingNotifications (unsent e-mail only)' },
  user_notifications: { excluded: 'in-app notifications: copies of events already in the audit trail, per account; not carried over' },
  peer_groups: { section: 'peerGroups' },
  peer_group_members: { section: 'peerGroups (municipalities of each)' },
  concordances: { section: 'concordances' },
};

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? string | null : string };
export type ExportedActionPlan = Dated<ActionPlanRow, 'createdAt' | 'updatedAt'>;
export type ExportedReportBack = Dated<ReportBackRow, 'createdAt'>;
export type ExportedIndicator = Dated<Omit<IndicatorWithData, 'values' | 'targets'>, 'createdAt'> & {
  values: Array<Dated<IndicatorWithData['values'][number], 'updatedAt'>>;
  targets: Array<Dated<IndicatorWithData['targets'][number], 'createdAt'>>;
};
export interface ExportedSheet {
  evaluationId: string;
  userId: string;
  scores: Record<string, number>;
  submittedAt: string | null;
  updatedAt: string;
}
export interface ExportedAgreedScore {
  evaluationId: string;
  subareaId: string;
  value: number;
  reason: string;
  agreedBy: string;
  agreedAt: string;
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

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska skrivas ÅÅÅÅ-MM-DD');
const shortText = (max: number) => z.string().max(max);

const ActionPlanExportSchema = z.object({
  id: z.uuid(),
  evaluationId: z.uuid(),
  municipalityCode: z.string().max(8),
  title: shortText(300),
  caseNumber: shortText(100),
  officer: shortText(200),
  cadence: z.enum(CADENCES),
  published: z.boolean(),
  demo: z.boolean(),
  items: z.array(ActionPlanItemDataSchema).max(2000),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: shortText(200).nullable(),
});

const ReportBackExportSchema = z.object({
  planId: z.uuid(),
  number: z.number().int().min(1),
  periodStart: isoDay.nullable(),
  periodEnd: isoDay,
  reportDate: isoDay,
  caseNumber: shortText(100),
  officer: shortText(200),
  decisionProposal: z.array(shortText(1000)).max(20),
  summary: shortText(20_000),
  nextSteps: shortText(20_000),
  // What was reported, as it was: the document is made again from it, so its main parts must be there.
  snapshot: z.looseObject({
    municipality: z.object({ code: z.string(), name: z.string() }),
    evaluation: z.looseObject({ id: z.string(), year: z.number() }),
    items: z.array(ActionPlanItemDataSchema),
    changes: z.array(z.looseObject({ itemId: z.string(), changes: z.array(z.string()) })),
    indicators: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  }),
  createdAt: z.iso.datetime(),
  createdBy: shortText(200),
});

const IndicatorExportSchema = z.object({
  id: z.uuid(),
  municipalityCode: z.string().max(8),
  kpi: z.string().min(1).max(40),
  name: shortText(300),
  unit: shortText(50),
  direction: z.enum(['higher', 'lower']),
  baselineValue: z.number().finite().nullable(),
  baselinePeriod: z.number().int().nullable(),
  demo: z.boolean(),
  createdAt: z.iso.datetime(),
  values: z.array(
    z.object({
      indicatorId: z.uuid(),
      period: z.number().int().min(1900).max(2100),
      gender: z.enum(GENDERS),
      value: z.number().finite().nullable(),
      status: shortText(100),
      source: z.enum(['manual', 'csv', 'kolada']),
      updatedAt: z.iso.datetime(),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.uuid(),
      indicatorId: z.uuid(),
      label: shortText(200),
      period: z.number().int().min(1900).max(2100),
      targetDate: isoDay.nullable(),
      value: z.number().finite(),
      planItemId: z.uuid().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

const isoTime = z.iso.datetime();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'klockslag ska skrivas TT:MM');
const subareaKey = z.string().min(1).max(20);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) => z.enum(values, { error: `ska vara ${what}: ${values.join(', ')}` });

const StageExportSchema = z.object({
  evaluationId: z.uuid(),
  stage: oneOf(STAGES, 'ett av stegen'),
  entered: z.partialRecord(oneOf(STAGES, 'ett av stegen'), isoTime),
  deadlines: z.partialRecord(oneOf(STAGES, 'ett av stegen'), isoDay),
  agreementDate: isoDay.nullable(),
  feedbackMeetingDate: isoDay.nullable(),
  feedbackNotes: shortText(20_000),
  updatedAt: isoTime,
  updatedBy: shortText(200).nullable(),
});

const ConcordanceExportSchema = z.object({
  fromFrameworkId: z.string().min(1).max(64),
  toFrameworkId: z.string().min(1).max(64),
  pairs: z
    .array(
      z.object({
        level: oneOf(['area', 'subarea'], 'nivån'),
        from: subareaKey,
        to: subareaKey,
        relation: oneOf(CONCORDANCE_RELATIONS, 'sambandet'),
        note: shortText(1000).optional(),
      }),
    )
    .max(1000),
  notes: shortText(5000),
  version: z.number().int().min(1),
  updatedAt: isoTime,
  updatedBy: shortText(200).nullable(),
});

const PeerGroupExportSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: shortText(200),
  version: z.number().int().min(1),
  createdAt: isoTime,
  updatedAt: isoTime,
  municipalityCodes: z.array(z.string().max(8)).max(400),
});

const QuestionExportSchema = z.object({
  id: z.uuid(),
  frameworkId: z.string().min(1).max(64),
  subareaId: subareaKey,
  position: z.number().int().min(1),
  text: shortText(5000),
  help: shortText(5000),
  updatedAt: isoTime,
});

const QuestionnaireExportSchema = z.object({
  evaluationId: z.uuid(),
  answers: z.record(z.string().max(64), z.object({ text: shortText(50_000), links: z.array(shortText(2000)).max(50), fileIds: z.array(z.uuid()).max(50) })),
  submittedAt: isoTime.nullable(),
  submittedBy: shortText(200).nullable(),
  reopenedAt: isoTime.nullable(),
  reopenedBy: shortText(200).nullable(),
  version: z.number().int().min(1),
  updatedBy: shortText(200).nullable(),
  updatedAt: isoTime,
});

const FileExportSchema = z.object({
  id: z.uuid(),
  evaluationId: z.uuid(),
  purpose: oneOf(['questionnaire', 'evidence'], 'filens syfte'),
  fileName: shortText(300),
  mediaType: oneOf(Object.values(FILE_KINDS).map((k) => k.mediaType) as [string, ...string[]], 'en tillåten filtyp'),
  size: z.number().int().min(1).max(MAX_EVIDENCE_FILE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'ska vara ett sha256-värde (64 tecken 0-9, a-f)'),
  uploadedBy: shortText(200),
  createdAt: isoTime,
  // base64 of at most the largest allowed file.
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_EVIDENCE_FILE_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'ska vara filens innehåll i base64'),
});

const SessionExportSchema = z.object({
  id: z.uuid(),
  evaluationId: z.uuid(),
  day: isoDay,
  startsAt: clock,
  endsAt: clock,
  place: shortText(300),
  groupName: shortText(300),
  roles: z.array(oneOf(INTERVIEW_ROLES, 'en av intervjugrupperna')).max(INTERVIEW_ROLES.length),
  people: z.number().int().min(0).max(1000),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const EvidenceExportSchema = z.object({
  id: z.uuid(),
  evaluationId: z.uuid(),
  kind: oneOf(['document', 'website', 'social', 'interview'], 'ett av slagen av underlag'),
  title: shortText(500),
  decisionBody: shortText(300),
  decidedOn: isoDay.nullable(),
  url: shortText(2000).nullable(),
  fileId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  note: shortText(50_000),
  subareaIds: z.array(subareaKey).max(200),
  createdBy: shortText(200),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const PendingMailExportSchema = z.object({
  recipient: z.string().min(3).max(320),
  subject: shortText(1000),
  body: shortText(100_000),
  createdAt: isoTime,
  attempts: z.number().int().min(0),
  nextAttemptAt: isoTime,
});

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
        parentId: z.uuid().nullable().optional(),
        internal: z.boolean().optional(),
        resolvedAt: z.iso.datetime().nullable().optional(),
        resolvedBy: z.string().max(200).nullable().optional(),
        itemKind: z.enum(['strength', 'improvement']).nullable().optional(),
        itemIndex: z.number().int().min(0).nullable().optional(),
        itemText: z.string().max(50_000).nullable().optional(),
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
  independentScoreSheets: z
    .array(
      z.object({
        evaluationId: z.uuid(),
        userId: z.uuid(),
        scores: z.record(z.string().max(20), z.number().finite()),
        submittedAt: z.iso.datetime().nullable(),
        updatedAt: z.iso.datetime(),
      }),
    )
    .optional(),
  agreedScores: z
    .array(
      z.object({
        evaluationId: z.uuid(),
        subareaId: z.string().max(20),
        value: z.number().finite(),
        reason: shortText(2000),
        agreedBy: shortText(200),
        agreedAt: z.iso.datetime(),
      }),
    )
    .optional(),
  actionPlans: z.array(ActionPlanExportSchema).optional(),
  reportBacks: z.array(ReportBackExportSchema).optional(),
  indicators: z.array(IndicatorExportSchema).optional(),
  evaluationStages: z.array(StageExportSchema).optional(),
  concordances: z.array(ConcordanceExportSchema).optional(),
  peerGroups: z.array(PeerGroupExportSchema).optional(),
  questionBank: z.array(QuestionExportSchema).optional(),
  questionnaires: z.array(QuestionnaireExportSchema).optional(),
  files: z.array(FileExportSchema).optional(),
  interviewSessions: z.array(SessionExportSchema).optional(),
  evidenceItems: z.array(EvidenceExportSchema).optional(),
  pendingNotifications: z.array(PendingMailExportSchema).optional(),
});
type Header = z.infer<typeof HeaderSchema>;

/** A zod issue's path as people read it: `users[0].role`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out ? '.' : ''}${String(key)}`), '') || 'dokument';
}

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
function checkReferences(doc: Header, municipalityCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [
    ...duplicates(doc.frameworks, (f) => f.id, (i) => `frameworks[${i}].id`, 'id'),
    ...duplicates(doc.evaluations, (e) => e.id, (i) => `evaluations[${i}].id`, 'id'),
    ...duplicates(doc.users, (u) => u.id, (i) => `users[${i}].id`, 'id'),
    ...duplicates(doc.users, (u) => u.email.trim().toLowerCase(), (i) => `users[${i}].email`, 'e-postadressen'),
    ...duplicates(doc.users?.filter((u) => u.oidcSubject !== null), (u) => u.oidcSubject ?? '', (i) => `users[${i}].oidcSubject`, 'kopplingen till identitetstjänsten'),
    ...duplicates(doc.assignments, (a) => `${a.evaluationId} ${a.userId}`, (i) => `assignments[${i}]`, 'tilldelningen'),
    ...duplicates(doc.comments, (c) => c.id, (i) => `comments[${i}].id`, 'id'),
    ...duplicates(doc.auditLog, (r) => String(r.id), (i) => `auditLog[${i}].id`, 'id'),
    ...duplicates(doc.independentScoreSheets, (s) => `${s.evaluationId} ${s.userId}`, (i) => `independentScoreSheets[${i}]`, 'bedömningen'),
    ...duplicates(doc.agreedScores, (a) => `${a.evaluationId} ${a.subareaId}`, (i) => `agreedScores[${i}]`, 'den överenskomna poängen'),
    ...duplicates(doc.actionPlans, (p) => p.id, (i) => `actionPlans[${i}].id`, 'id'),
    ...duplicates(doc.actionPlans, (p) => p.evaluationId, (i) => `actionPlans[${i}].evaluationId`, 'en handlingsplan för utvärderingen'),
    ...duplicates(doc.reportBacks, (r) => `${r.planId} ${r.number}`, (i) => `reportBacks[${i}].number`, 'återrapporteringen'),
    ...duplicates(doc.indicators, (x) => x.id, (i) => `indicators[${i}].id`, 'id'),
    ...duplicates(doc.indicators, (x) => `${x.municipalityCode} ${x.kpi}`, (i) => `indicators[${i}].kpi`, 'indikatorn'),
    ...duplicates(doc.indicators?.flatMap((x) => x.targets), (t) => t.id, (i) => `indicators.targets[${i}].id`, 'id'),
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
  (doc.independentScoreSheets ?? []).forEach((s, i) => {
    if (!evaluationIds.has(s.evaluationId)) problems.push({ path: `independentScoreSheets[${i}].evaluationId`, message: 'utvärderingen finns inte i filen' });
    if (!userIds.has(s.userId)) problems.push({ path: `independentScoreSheets[${i}].userId`, message: 'användaren finns inte i filen' });
  });
  (doc.agreedScores ?? []).forEach((a, i) => {
    if (!evaluationIds.has(a.evaluationId)) problems.push({ path: `agreedScores[${i}].evaluationId`, message: 'utvärderingen finns inte i filen' });
  });
  const municipalityOf = new Map(doc.evaluations.map((e) => [e.id, e.municipalityCode]));
  const planIds = new Set((doc.actionPlans ?? []).map((p) => p.id));
  (doc.actionPlans ?? []).forEach((p, i) => {
    const owner = municipalityOf.get(p.evaluationId);
    if (owner === undefined) problems.push({ path: `actionPlans[${i}].evaluationId`, message: 'utvärderingen finns inte i filen' });
    else if (owner !== p.municipalityCode) problems.push({ path: `actionPlans[${i}].municipalityCode`, message: `planen hör till kommun ${p.municipalityCode} men utvärderingen till ${owner}` });
    problems.push(...duplicates(p.items, (it) => it.id, (j) => `actionPlans[${i}].items[${j}].id`, 'id'));
  });
  (doc.reportBacks ?? []).forEach((r, i) => {
    if (!planIds.has(r.planId)) problems.push({ path: `reportBacks[${i}].planId`, message: 'handlingsplanen finns inte i filen' });
  });
  (doc.indicators ?? []).forEach((x, i) => {
    if (!municipalityCodes.has(x.municipalityCode)) problems.push({ path: `indicators[${i}].municipalityCode`, message: `kommunkoden ${x.municipalityCode} finns inte` });
    const items = new Set((doc.actionPlans ?? []).filter((p) => p.municipalityCode === x.municipalityCode).flatMap((p) => p.items.map((it) => it.id)));
    x.values.forEach((v, j) => {
      if (v.indicatorId !== x.id) problems.push({ path: `indicators[${i}].values[${j}].indicatorId`, message: 'värdet hör till en annan indikator' });
    });
    problems.push(...duplicates(x.values, (v) => `${v.period} ${v.gender}`, (j) => `indicators[${i}].values[${j}]`, 'värdet för året och könet'));
    x.targets.forEach((t, j) => {
      if (t.indicatorId !== x.id) problems.push({ path: `indicators[${i}].targets[${j}].indicatorId`, message: 'målet hör till en annan indikator' });
      if (t.planItemId !== null && !items.has(t.planItemId)) problems.push({ path: `indicators[${i}].targets[${j}].planItemId`, message: 'åtgärdspunkten finns inte i kommunens handlingsplaner i filen' });
    });
  });
  problems.push(...checkConductReferences(doc, evaluationIds, userIds, municipalityCodes));
  return problems;
}

/** References of the stage, conduct, peer-group and file sections: to evaluations, users, files and sessions in the file. */
function checkConductReferences(doc: Header, evaluationIds: ReadonlySet<string>, userIds: ReadonlySet<string>, municipalityCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [
    ...duplicates(doc.evaluationStages, (x) => x.evaluationId, (i) => `evaluationStages[${i}].evaluationId`, 'steget för utvärderingen'),
    ...duplicates(doc.concordances, (x) => `${x.fromFrameworkId} ${x.toFrameworkId}`, (i) => `concordances[${i}]`, 'konkordansen mellan versionerna'),
    ...duplicates(doc.peerGroups, (x) => x.id, (i) => `peerGroups[${i}].id`, 'id'),
    ...duplicates(doc.questionBank, (x) => x.id, (i) => `questionBank[${i}].id`, 'id'),
    ...duplicates(doc.questionnaires, (x) => x.evaluationId, (i) => `questionnaires[${i}].evaluationId`, 'frågeformuläret för utvärderingen'),
    ...duplicates(doc.files, (x) => x.id, (i) => `files[${i}].id`, 'id'),
    ...duplicates(doc.interviewSessions, (x) => x.id, (i) => `interviewSessions[${i}].id`, 'id'),
    ...duplicates(doc.evidenceItems, (x) => x.id, (i) => `evidenceItems[${i}].id`, 'id'),
  ];
  const notInFile = (path: string, id: string): void => {
    if (!evaluationIds.has(id)) problems.push({ path, message: 'utvärderingen finns inte i filen' });
  };
  (doc.evaluationStages ?? []).forEach((x, i) => notInFile(`evaluationStages[${i}].evaluationId`, x.evaluationId));
  (doc.questionnaires ?? []).forEach((x, i) => notInFile(`questionnaires[${i}].evaluationId`, x.evaluationId));
  (doc.files ?? []).forEach((x, i) => notInFile(`files[${i}].evaluationId`, x.evaluationId));
  (doc.interviewSessions ?? []).forEach((x, i) => notInFile(`interviewSessions[${i}].evaluationId`, x.evaluationId));
  (doc.evidenceItems ?? []).forEach((x, i) => notInFile(`evidenceItems[${i}].evaluationId`, x.evaluationId));
  // A file or session belongs to one evaluation: a reference to it from another evaluation is an error too.
  const fileOwner = new Map((doc.files ?? []).map((f) => [f.id, f.evaluationId]));
  const sessionOwner = new Map((doc.interviewSessions ?? []).map((x) => [x.id, x.evaluationId]));
  (doc.questionnaires ?? []).forEach((q, i) => {
    for (const [questionId, answer] of Object.entries(q.answers)) {
      answer.fileIds.forEach((fileId, j) => {
        if (fileOwner.get(fileId) !== q.evaluationId) problems.push({ path: `questionnaires[${i}].answers.${questionId}.fileIds[${j}]`, message: 'filen finns inte bland utvärderingens filer i filen' });
      });
    }
  });
  (doc.evidenceItems ?? []).forEach((x, i) => {
    if (x.fileId !== null && fileOwner.get(x.fileId) !== x.evaluationId) problems.push({ path: `evidenceItems[${i}].fileId`, message: 'filen finns inte bland utvärderingens filer i filen' });
    if (x.sessionId !== null && sessionOwner.get(x.sessionId) !== x.evaluationId) problems.push({ path: `evidenceItems[${i}].sessionId`, message: 'intervjutillfället finns inte bland utvärderingens intervjuer i filen' });
  });
  (doc.interviewSessions ?? []).forEach((x, i) => {
    const msg = checkSessionTimes(x);
    if (msg) problems.push({ path: `interviewSessions[${i}].endsAt`, message: msg });
  });
  (doc.peerGroups ?? []).forEach((g, i) => {
    if (!userIds.has(g.userId)) problems.push({ path: `peerGroups[${i}].userId`, message: 'användaren finns inte i filen' });
    g.municipalityCodes.forEach((code, j) => {
      if (!municipalityCodes.has(code)) problems.push({ path: `peerGroups[${i}].municipalityCodes[${j}]`, message: `kommunkoden ${code} finns inte` });
    });
    problems.push(...duplicates(g.municipalityCodes, (c) => c, (j) => `peerGroups[${i}].municipalityCodes[${j}]`, 'kommunen'));
  });
  return problems;
}

/**
 * The uploaded files' bytes, decoded and checked against the size and sha256 the file states and against
 * the allowed types (judged by content, as at upload). Nothing is written here.
 */
function decodeFiles(doc: Header): { problems: ErrorDetail[]; bytes: Buffer[] } {
  const problems: ErrorDetail[] = [];
  const bytes = (doc.files ?? []).map((f, i) => {
    const where = `files[${i}] (${f.id})`;
    const buf = Buffer.from(f.contentBase64, 'base64');
    if (f.contentBase64.length % 4 !== 0 || buf.toString('base64') !== f.contentBase64) {
      problems.push({ path: `${where}.contentBase64`, message: 'är inte giltig base64' });
      return buf;
    }
    if (buf.length !== f.size) problems.push({ path: `${where}.size`, message: `filen är ${buf.length} byte, inte ${f.size} som filen anger` });
    else if (createHash('sha256').update(buf).digest('hex') !== f.sha256) problems.push({ path: `${where}.sha256`, message: 'innehållet stämmer inte med sha256-värdet: filen är ändrad eller trasig' });
    else {
      const kind = sniffFileKind(buf);
      if (!kind || FILE_KINDS[kind].mediaType !== f.mediaType) problems.push({ path: `${where}.mediaType`, message: `innehållet är inte ${f.mediaType}` });
    }
    return buf;
  });
  return { problems, bytes };
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
function checkDocument(doc: ExportDocument, extra: Header, stored: ReadonlyMap<string, FrameworkDef>, municipalityCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const frameworks = new Map<string, FrameworkDef>(stored);
  doc.frameworks.forEach((fw, i) => {
    for (const issue of validateFramework(fw)) problems.push({ path: `frameworks[${i}] (${fw.id}).${issue.path}`, message: issue.message });
    frameworks.set(fw.id, fw);
  });
  doc.evaluations.forEach((e, i) => {
    const where = `evaluations[${i}] (${e.id})`;
    const parsed = EvaluationInputSchema.safeParse(e, { error: swedishZodMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ path: `${where}.${issuePath(issue.path)}`, message: issue.message });
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
  const frameworkIdOf = new Map(doc.evaluations.map((e) => [e.id, e.frameworkId]));
  const frameworkOf = (evaluationId: string): FrameworkDef | undefined => {
    const id = frameworkIdOf.get(evaluationId);
    return id === undefined ? undefined : frameworks.get(id);
  };
  (doc.agreedScores ?? []).forEach((a, i) => {
    const fw = frameworkOf(a.evaluationId);
    const msg = fw ? checkSubareaPoints(fw, a.subareaId, a.value) : null;
    if (msg) problems.push({ path: `agreedScores[${i}]`, message: msg });
  });
  (doc.independentScoreSheets ?? []).forEach((s, i) => {
    const fw = frameworkOf(s.evaluationId);
    if (!fw) return;
    for (const [id, points] of Object.entries(s.scores)) {
      const msg = checkSubareaPoints(fw, id, points);
      if (msg) problems.push({ path: `independentScoreSheets[${i}].scores.${id}`, message: msg });
    }
  });
  (extra.concordances ?? []).forEach((c, i) => {
    const from = frameworks.get(c.fromFrameworkId);
    const to = frameworks.get(c.toFrameworkId);
    if (!from) problems.push({ path: `concordances[${i}].fromFrameworkId`, message: `ramverksversionen ${c.fromFrameworkId} finns varken i filen eller i databasen` });
    if (!to) problems.push({ path: `concordances[${i}].toFrameworkId`, message: `ramverksversionen ${c.toFrameworkId} finns varken i filen eller i databasen` });
    if (from && to) for (const issue of validateConcordance(from, to, c.pairs)) problems.push({ path: `concordances[${i}].${issue.path}`, message: issue.message });
  });
  const subareasOf = (fw: FrameworkDef): Set<string> => new Set(fw.areas.flatMap((a) => a.subareas.map((x) => x.id)));
  (extra.questionBank ?? []).forEach((q, i) => {
    const fw = frameworks.get(q.frameworkId);
    if (!fw) problems.push({ path: `questionBank[${i}].frameworkId`, message: `ramverksversionen ${q.frameworkId} finns varken i filen eller i databasen` });
    else if (!subareasOf(fw).has(q.subareaId)) problems.push({ path: `questionBank[${i}].subareaId`, message: `delområde ${q.subareaId} finns inte i ${fw.id}` });
  });
  (extra.evidenceItems ?? []).forEach((x, i) => {
    const fw = frameworkOf(x.evaluationId);
    if (!fw) return;
    const known = subareasOf(fw);
    x.subareaIds.forEach((id, j) => {
      if (!known.has(id)) problems.push({ path: `evidenceItems[${i}].subareaIds[${j}]`, message: `delområde ${id} finns inte i ${fw.id}` });
    });
  });
  (doc.actionPlans ?? []).forEach((p, i) => {
    const fw = frameworkOf(p.evaluationId);
    if (!fw) return;
    p.items.forEach((item, j) => {
      for (const d of checkItem(item, fw)) problems.push({ path: `actionPlans[${i}].items[${j}].${d.path ?? ''}`, message: d.message });
    });
  });
  return problems;
}

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
const dateOrNull = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** The checked sections as rows for the database, files under the names they were just stored with. */
function dumpOf(doc: Header, storedNames: readonly string[]): BackupDump {
  return {
    evaluationStages: (doc.evaluationStages ?? []).map((x) => ({ ...x, updatedAt: new Date(x.updatedAt) })),
    concordances: (doc.concordances ?? []).map((x) => ({ ...x, updatedAt: new Date(x.updatedAt) })),
    peerGroups: (doc.peerGroups ?? []).map((x) => ({ ...x, createdAt: new Date(x.createdAt), updatedAt: new Date(x.updatedAt) })),
    questionBank: (doc.questionBank ?? []).map((x) => ({ ...x, updatedAt: new Date(x.updatedAt) })),
    questionnaires: (doc.questionnaires ?? []).map((x) => ({ ...x, submittedAt: dateOrNull(x.submittedAt), reopenedAt: dateOrNull(x.reopenedAt), updatedAt: new Date(x.updatedAt) })),
    files: (doc.files ?? []).map(({ contentBase64: _c, ...f }, i) => ({ ...f, storedName: storedNames[i] as string, createdAt: new Date(f.createdAt) })),
    interviewSessions: (doc.interviewSessions ?? []).map((x) => ({ ...x, createdAt: new Date(x.createdAt), updatedAt: new Date(x.updatedAt) })),
    evidenceItems: (doc.evidenceItems ?? []).map((x) => ({ version: 1, ...x, createdAt: new Date(x.createdAt), updatedAt: new Date(x.updatedAt) })),
    pendingNotifications: (doc.pendingNotifications ?? []).map((x) => ({ ...x, createdAt: new Date(x.createdAt), nextAttemptAt: new Date(x.nextAttemptAt) })),
  };
}

export function createBackupService(services: {
  db: Db;
  evaluations: Pick<EvaluationService, 'listEvaluations'>;
  frameworks: Pick<FrameworkService, 'listFrameworks' | 'invalidate'>;
  municipalities: Pick<MunicipalityService, 'listMunicipalities'>;
  goodExamples: Pick<GoodExampleService, 'deferIndexing' | 'fillIndex' | 'settleIndex'>;
  /** Where uploaded files are kept: read for the export, written (under new generated names) by the import. */
  files: FileStore;
  repositories: Pick<Repositories, 'accounts' | 'evaluations' | 'assignments' | 'audit' | 'actionPlans' | 'indicators' | 'independentScores' | 'frameworks' | 'backup'>;
}) {
  const { db } = services;
  const { accounts, evaluations: evaluationRepo, assignments: assignmentRepo, audit: auditRepo, actionPlans: planRepo, indicators: indicatorRepo, independentScores: independentRepo, frameworks: frameworkRepo, backup: backupRepo } = services.repositories;

  /** The uploaded files with their bytes; refuses (rather than writing an incomplete backup) when one is missing or damaged. */
  const exportFiles = async (rows: readonly FileDump[]): Promise<ExportedFile[]> => {
    const out: ExportedFile[] = [];
    for (const { storedName, ...f } of rows) {
      const what = `filen "${f.fileName}" (${f.id}) till utvärdering ${f.evaluationId}`;
      const bytes = await services.files.get(storedName).catch(() => {
        throw new DomainError('rule_violation', `Exporten avbröts: ${what} saknas i datakatalogens mapp files/.`);
      });
      if (bytes.length !== f.size || createHash('sha256').update(bytes).digest('hex') !== f.sha256) {
        throw new DomainError('rule_violation', `Exporten avbröts: ${what} stämmer inte med sin storlek och kontrollsumma (sha256); den har ändrats eller skadats på disken.`);
      }
      out.push({ ...f, createdAt: iso(f.createdAt), contentBase64: bytes.toString('base64') });
    }
    return out;
  };

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
      const comments = (await assignmentRepo.allComments()).map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null }));
      const auditLog = (await auditRepo.all()).map((r) => ({ ...r, at: r.at.toISOString() }));
      const independentScoreSheets = (await independentRepo.allSheets()).map((s) => ({ ...s, submittedAt: s.submittedAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString() }));
      const agreedScores = (await independentRepo.allAgreed()).map((a) => ({ ...a, agreedAt: a.agreedAt.toISOString() }));
      const actionPlans = (await planRepo.allPlans()).map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() }));
      const reportBacks = (await planRepo.allReportBacks()).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
      const indicators = (await indicatorRepo.all()).map((x) => ({
        ...x,
        createdAt: x.createdAt.toISOString(),
        values: x.values.map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() })),
        targets: x.targets.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
      }));
      const dump = await backupRepo.dump();
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        frameworks,
        evaluations,
        users,
        assignments,
        comments,
        auditLog,
        independentScoreSheets,
        agreedScores,
        actionPlans,
        reportBacks,
        indicators,
        evaluationStages: dump.evaluationStages.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
        concordances: dump.concordances.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
        peerGroups: dump.peerGroups.map((x) => ({ ...x, createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt) })),
        questionBank: dump.questionBank.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
        questionnaires: dump.questionnaires.map((x) => ({ ...x, submittedAt: isoOrNull(x.submittedAt), reopenedAt: isoOrNull(x.reopenedAt), updatedAt: iso(x.updatedAt) })),
        files: await exportFiles(dump.files),
        interviewSessions: dump.interviewSessions.map((x) => ({ ...x, createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt) })),
        evidenceItems: dump.evidenceItems.map((x) => ({ ...x, createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt) })),
        pendingNotifications: dump.pendingNotifications.map((x) => ({ ...x, createdAt: iso(x.createdAt), nextAttemptAt: iso(x.nextAttemptAt) })),
      };
    },

    /**
     * Writes evaluations into a database without evaluations batch by batch, as they are made
     * (`kompass db synth --into-database`): the same checks and rows as `importDatabase`, without a
     * document of the whole archive in memory. One transaction: all or nothing.
     */
    async importEvaluationBatches({ batches, onBatch }: { batches: Iterable<readonly Evaluation[]>; onBatch?: (written: number) => void }): Promise<{ evaluations: number }> {
      const existing = await services.evaluations.listEvaluations({ filter: { limit: 1 }, viewer: SYSTEM });
      if (existing.count > 0) throw new DomainError('rule_violation', 'Databasen innehåller redan utvärderingar; skriv till en tom databas.');
      const known = new Map((await services.frameworks.listFrameworks()).map((f) => [f.id, f]));
      const codes = new Set((await services.municipalities.listMunicipalities()).map((m) => m.code));
      let written = 0;
      try {
        await db.transaction(async (tx) => {
          const t = tx as unknown as Db;
          const dropped = await services.goodExamples.deferIndexing(t);
          for (const batch of batches) {
            const doc: ExportDocument = { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks: [], evaluations: [...batch] };
            const problems = checkDocument(doc, { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks: [], evaluations: [] }, known, codes);
            if (problems.length > 0) throw new DomainError('validation', `Skrivningen avbröts: ${problems.length} fel. Första: ${problems[0]?.path}: ${problems[0]?.message}`, problems.slice(0, 100));
            await evaluationRepo.insertRestored(batch, t);
            const ids = batch.map((e) => e.id);
            for (let i = 0; i < ids.length; i += INDEX_BATCH) await services.goodExamples.fillIndex(ids.slice(i, i + INDEX_BATCH), t);
            written += batch.length;
            onBatch?.(written);
          }
          await services.goodExamples.settleIndex(t, dropped);
        });
      } catch (e) {
        throw importFailure(e);
      }
      return { evaluations: written };
    },

    /** Imports an export into a database without evaluations. All or nothing. */
    async importDatabase({ document }: { document: unknown }): Promise<{ frameworks: number; evaluations: number; users: number; auditRecords: number; actionPlans: number; indicators: number; files: number }> {
      // Swedish messages whatever zod's global configuration is (the command line does not load the HTTP contracts).
      const head = HeaderSchema.safeParse(document, { error: swedishZodMessage });
      if (!head.success) {
        const details = head.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
        const shown = details.slice(0, 5).map((d) => `${d.path}: ${d.message}`).join('; ');
        throw new DomainError('validation', `Importen avbröts: ${details.length} fel i filen. ${shown}${details.length > 5 ? ' …' : ''}`, details.slice(0, 100));
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
      const decoded = decodeFiles(extra);
      const problems = [...checkReferences(extra, codes), ...checkDocument(doc, extra, known, codes), ...decoded.problems];
      if (problems.length > 0) {
        throw new DomainError('validation', `Importen avbröts: ${problems.length} fel i filen. Första: ${problems[0]?.path}: ${problems[0]?.message}`, problems.slice(0, 100));
      }
      let fwCount = 0;
      // The files first, each under a new generated name; removed again if anything below fails.
      const storedNames: string[] = [];
      const removeStored = async (): Promise<void> => {
        for (const name of storedNames) await services.files.remove(name);
      };
      try {
        for (const bytes of decoded.bytes) storedNames.push(await services.files.put(bytes));
      } catch {
        await removeStored();
        throw new DomainError('rule_violation', 'Importen avbröts och ingenting ändrades: de uppladdade filerna kunde inte sparas i datakatalogen (files/).');
      }
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
          await assignmentRepo.insertComments((extra.comments ?? []).map((c) => ({ ...c, createdAt: new Date(c.createdAt), parentId: c.parentId ?? null, internal: c.internal ?? false, resolvedAt: c.resolvedAt ? new Date(c.resolvedAt) : null, resolvedBy: c.resolvedBy ?? null, itemKind: c.itemKind ?? null, itemIndex: c.itemIndex ?? null, itemText: c.itemText ?? null })), t);
          await auditRepo.restore((extra.auditLog ?? []).map((r) => ({ ...r, at: new Date(r.at) })), t);
          await independentRepo.restore(
            (extra.independentScoreSheets ?? []).map((s) => ({ ...s, submittedAt: s.submittedAt === null ? null : new Date(s.submittedAt), updatedAt: new Date(s.updatedAt) })),
            (extra.agreedScores ?? []).map((a) => ({ ...a, agreedAt: new Date(a.agreedAt) })),
            t,
          );
          await planRepo.restore(
            (extra.actionPlans ?? []).map((p) => ({ ...p, createdAt: new Date(p.createdAt), updatedAt: new Date(p.updatedAt) })),
            (extra.reportBacks ?? []).map((r) => ({ ...r, snapshot: r.snapshot as unknown as ReportBackRow['snapshot'], createdAt: new Date(r.createdAt) })),
            t,
          );
          await indicatorRepo.restore(
            (extra.indicators ?? []).map((x) => ({
              ...x,
              createdAt: new Date(x.createdAt),
              values: x.values.map((v) => ({ ...v, updatedAt: new Date(v.updatedAt) })),
              targets: x.targets.map((tg) => ({ ...tg, createdAt: new Date(tg.createdAt) })),
            })),
            t,
          );
          await backupRepo.restore(dumpOf(extra, storedNames), t);
        });
      } catch (e) {
        // The transaction rolled back: nothing was written.
        await removeStored();
        throw importFailure(e);
      }
      services.frameworks.invalidate();
      return {
        frameworks: fwCount,
        evaluations: doc.evaluations.length,
        users: extra.users?.length ?? 0,
        auditRecords: extra.auditLog?.length ?? 0,
        actionPlans: extra.actionPlans?.length ?? 0,
        indicators: extra.indicators?.length ?? 0,
        files: storedNames.length,
      };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
