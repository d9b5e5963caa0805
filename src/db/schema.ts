import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  smallint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  date,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { AreaDef, FrameworkTranslations } from '../domain/framework.ts';
import type { ActionPlanItemData, ReportBackSnapshot } from '../domain/action-plan.ts';
import type { ConcordancePair } from '../domain/concordance.ts';

export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  countyCode: text('county_code').notNull(),
  countyName: text('county_name').notNull(),
  kind: text('kind', { enum: ['kommun', 'region'] }).notNull(),
  /** Name folded for search: lower case, å/ä→a, ö→o, no punctuation. */
  searchKey: text('search_key').notNull(),
});

export const frameworks = pgTable('frameworks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  origin: text('origin', { enum: ['catalog', 'derived-import', 'custom'] }).notNull(),
  needsReview: boolean('needs_review').notNull().default(false),
  about: text('about').notNull().default(''),
  notes: text('notes').notNull().default(''),
  areas: jsonb('areas').$type<AreaDef[]>().notNull(),
  /** Unofficial translations of the area and subarea titles per language (migration 0014); `{}` when none. */
  translations: jsonb('translations').$type<FrameworkTranslations>().notNull().default({}),
  /** Ids of variants derived from imports that were merged into this version (migration 0015): a later import deriving one again lands here. */
  mergedVariants: jsonb('merged_variants').$type<string[]>().notNull().default([]),
  /** Optimistic concurrency: an update names the version it read (409 when it is stale). */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface GoodExample {
  municipalityCode: string | null;
  name: string;
  subareaId: string | null;
  text: string;
}

export interface KeyFact {
  label: string;
  value: string;
}

export interface EvaluationSource {
  kind: 'import' | 'manual' | 'demo';
  fileName?: string;
  /** Which parts of the evaluation were found in the source (import). */
  found?: string[];
  /** Corrections made in the import preview before saving, and by whom. */
  corrected?: { by: string; count: number };
}

export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id),
    year: integer('year').notNull(),
    month: integer('month'),
    reportDate: date('report_date', { mode: 'string' }),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    ordinal: integer('ordinal'),
    interviews: integer('interviews'),
    interviewsApprox: boolean('interviews_approx').notNull().default(false),
    status: text('status', { enum: ['draft', 'review', 'published'] }).notNull().default('draft'),
    summary: text('summary').notNull().default(''),
    statedTotal: doublePrecision('stated_total'),
    keyFacts: jsonb('key_facts').$type<KeyFact[]>().notNull().default([]),
    source: jsonb('source').$type<EvaluationSource>().notNull().default({ kind: 'manual' }),
    sourceHash: text('source_hash'),
    supersedesId: uuid('supersedes_id'),
    supersededById: uuid('superseded_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    index('evaluations_municipality_idx').on(t.municipalityCode, t.year),
    index('evaluations_framework_idx').on(t.frameworkId, t.status),
    uniqueIndex('evaluations_source_hash_idx').on(t.sourceHash),
    /** Benchmarks and open data read current published evaluations per version and year. */
    index('evaluations_published_idx').on(t.frameworkId, t.year).where(sql`"status" = 'published' AND "superseded_by_id" IS NULL`),
  ],
);

export const evaluators = pgTable(
  'evaluators',
  {
    evaluationId: evaluationRef(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.position] })],
);

export const areaTexts = pgTable(
  'area_texts',
  {
    evaluationId: evaluationRef(),
    areaNumber: integer('area_number').notNull(),
    /** Area total as printed in a report, when the subarea points are not known. */
    statedScore: doublePrecision('stated_score'),
    summary: text('summary').notNull().default(''),
    narratives: jsonb('narratives').$type<Record<string, string>>().notNull().default({}),
    strengths: jsonb('strengths').$type<string[]>().notNull().default([]),
    improvements: jsonb('improvements').$type<string[]>().notNull().default([]),
    goodExamples: jsonb('good_examples').$type<GoodExample[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.areaNumber] })],
);

export const subareaScores = pgTable(
  'subarea_scores',
  {
    evaluationId: evaluationRef(),
    subareaId: text('subarea_id').notNull(),
    points: doublePrecision('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.subareaId] })],
);


/* ---------------------------------------------------------------------------------------------
 * Accounts, sessions, assignments, comments and the audit trail (issue 6).
 * ------------------------------------------------------------------------------------------- */

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Always stored in lower case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'evaluator', 'municipality'] }).notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** argon2id; null for single sign-on users. */
    passwordHash: text('password_hash'),
    oidcSubject: text('oidc_subject'),
    disabled: boolean('disabled').notNull().default(false),
    /** Optimistic concurrency: an update names the version it read (409 when it is stale). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), uniqueIndex('users_oidc_subject_idx').on(t.oidcSubject)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 (hex) of the random token in the cookie; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: userRef(),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable('password_resets', {
  /** sha256 (hex) of the one-time token in the link. */
  tokenHash: text('token_hash').primaryKey(),
  userId: userRef(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * Failed sign-ins, shared by every app process on the database. One row per throttle key
 * (`pair:<e-mail> <address>`, `account:<e-mail>`, `address:<address>`): how many failures in a row
 * and when the last one was. The rules that turn this into a delay are in src/domain/throttle.ts.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_throttle_last_failure_idx').on(t.lastFailureAt)],
);

/** Single sign-ons started and not yet finished (any app process may receive the callback). */
export const oidcPending = pgTable(
  'oidc_pending',
  {
    /** sha256 (hex) of the state sent to the provider and kept in the browser's cookie. */
    stateHash: text('state_hash').primaryKey(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    returnTo: text('return_to').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_pending_expires_idx').on(t.expiresAt)],
);

export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    evaluationId: evaluationRef(),
    userId: userRef(),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId] }), index('evaluation_assignments_user_idx').on(t.userId)],
);

export const evaluationComments = pgTable(
  'evaluation_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    evaluationId: evaluationRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    areaNumber: integer('area_number'),
    subareaId: text('subarea_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A reply belongs to the thread of its parent (one level: replies to a reply join the same thread). */
    parentId: uuid('parent_id').references((): AnyPgColumn => evaluationComments.id, { onDelete: 'cascade' }),
    /** Only the evaluation team (and administrators) see it; never the municipality. */
    internal: boolean('internal').notNull().default(false),
    /** A thread (its first comment) is open until resolved. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    /** A comment on one list item of an area (migration 0013): strength or improvement opportunity, its place and text when written. */
    itemKind: text('item_kind', { enum: ['strength', 'improvement'] }),
    itemIndex: integer('item_index'),
    itemText: text('item_text'),
  },
  (t) => [index('evaluation_comments_evaluation_idx').on(t.evaluationId, t.createdAt), index('evaluation_comments_parent_idx').on(t.parentId)],
);

export const AUDIT_ENTITIES = ['evaluation', 'user', 'framework', 'action_plan', 'indicator'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Append-only: the app has no update or delete path, and a trigger refuses both. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.id)],
);

/* ---------------------------------------------------------------------------------------------
 * Full-text search (migration 0003): one row per passage of a current published evaluation,
 * maintained by triggers on evaluations and area_texts in the same transaction as the text.
 * ------------------------------------------------------------------------------------------- */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type SearchKind = 'summary' | 'area-summary' | 'narrative' | 'strength' | 'improvement' | 'good-example';

export const searchDocuments = pgTable(
  'search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    evaluationId: evaluationRef(),
    kind: text('kind').$type<SearchKind>().notNull(),
    areaNumber: integer('area_number'),
    subareaId: text('subarea_id'),
    /** 1-based position in its list (strengths, improvements, good examples). */
    item: integer('item'),
    text: text('text').notNull(),
    exampleName: text('example_name'),
    exampleCode: text('example_code'),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    municipalityName: text('municipality_name').notNull(),
    countyCode: text('county_code').notNull(),
    kindRank: smallint('kind_rank').generatedAlwaysAs(
      sql`CASE "kind" WHEN 'good-example' THEN 0 WHEN 'strength' THEN 1 WHEN 'narrative' THEN 2 WHEN 'improvement' THEN 3 WHEN 'area-summary' THEN 4 ELSE 5 END`,
    ),
    tsv: tsvector('tsv').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish'::regconfig, coalesce("example_name", '')), 'A') || setweight(to_tsvector('swedish'::regconfig, "text"), 'B') || setweight(to_tsvector('swedish'::regconfig, "municipality_name"), 'D')`,
    ),
  },
  (t) => [
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_evaluation_idx').on(t.evaluationId, t.areaNumber),
    index('search_documents_order_idx').on(t.kindRank, t.year.desc(), t.id),
    index('search_documents_filter_idx').on(t.frameworkId, t.areaNumber, t.subareaId),
  ],
);

/** Per indexed evaluation: all words of its passages (no positions), to tell how many evaluations a query matches. */
export const searchEvaluations = pgTable(
  'search_evaluations',
  {
    evaluationId: uuid('evaluation_id')
      .primaryKey()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    countyCode: text('county_code').notNull(),
    tsv: tsvector('tsv').notNull(),
  },
  (t) => [index('search_evaluations_tsv_idx').using('gin', t.tsv)],
);

/** Every word (lexeme) in the search documents, folded (å/ä→a, ö→o) for parts of compounds. */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    folded: text('folded').notNull(),
  },
  (t) => [index('search_terms_folded_trgm_idx').using('gin', sql`${t.folded} gin_trgm_ops`), index('search_terms_folded_idx').on(t.folded)],
);

/** Each assigned evaluator's own scores, hidden from the others until that evaluator submits. */
export const independentScoreSheets = pgTable(
  'independent_score_sheets',
  {
    evaluationId: evaluationRef(),
    userId: userRef(),
    /** Subarea id → points (decimals). */
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId], name: 'independent_score_sheets_pk' }), index('independent_score_sheets_user_idx').on(t.userId)],
);

/** The team's agreed score per subarea with its one-line reason; the evaluation's scores are these. */
export const agreedScores = pgTable(
  'agreed_scores',
  {
    evaluationId: evaluationRef(),
    subareaId: text('subarea_id').notNull(),
    value: doublePrecision('value').notNull(),
    reason: text('reason').notNull(),
    agreedBy: text('agreed_by').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.subareaId], name: 'agreed_scores_pk' })],
);

export const accountSchema = { users, sessions, passwordResets, loginThrottle, oidcPending, evaluationAssignments, evaluationComments, auditLog };

/* ---------------------------------------------------------------------------------------------
 * Follow-up: action plans, indicators with targets and values, report-backs.
 * ------------------------------------------------------------------------------------------- */

/**
 * One action plan per evaluation, owned by the evaluated municipality. The items (with their actions)
 * are one JSON document validated by `src/domain/action-plan.ts`: the plan is versioned as a whole.
 */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    evaluationId: evaluationRef(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    title: text('title').notNull().default(''),
    caseNumber: text('case_number').notNull().default(''),
    officer: text('officer').notNull().default(''),
    cadence: text('cadence', { enum: ['monthly', 'quarterly', 'half-yearly', 'yearly'] }).notNull().default('quarterly'),
    published: boolean('published').notNull().default(false),
    demo: boolean('demo').notNull().default(false),
    items: jsonb('items').$type<ActionPlanItemData[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('action_plans_evaluation_idx').on(t.evaluationId), index('action_plans_municipality_idx').on(t.municipalityCode)],
);

/** Report-backs (återrapporteringar) of a plan, numbered 1, 2, … and kept: each holds what it reported. */
export const reportBacks = pgTable(
  'report_backs',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    caseNumber: text('case_number').notNull().default(''),
    officer: text('officer').notNull().default(''),
    decisionProposal: jsonb('decision_proposal').$type<string[]>().notNull().default([]),
    summary: text('summary').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    /** The plan and indicators as reported (so the next report-back can say what changed). */
    snapshot: jsonb('snapshot').$type<ReportBackSnapshot>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.number] })],
);

/** A municipality's indicator (a Kolada KPI or its own measure). */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    kpi: text('kpi').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull().default('higher'),
    baselineValue: doublePrecision('baseline_value'),
    baselinePeriod: integer('baseline_period'),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicators_municipality_kpi_idx').on(t.municipalityCode, t.kpi)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    indicatorId: indicatorRef(),
    period: integer('period').notNull(),
    /** T total, K women, M men (Kolada). */
    gender: text('gender', { enum: ['T', 'K', 'M'] }).notNull().default('T'),
    value: doublePrecision('value'),
    status: text('status').notNull().default(''),
    source: text('source', { enum: ['manual', 'csv', 'kolada'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.gender] })],
);

/** A goal: a target value on an indicator by a period (year) and date, optionally tied to a plan item. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    indicatorId: indicatorRef(),
    label: text('label').notNull().default(''),
    period: integer('period').notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    value: doublePrecision('value').notNull(),
    planItemId: uuid('plan_item_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_targets_indicator_idx').on(t.indicatorId)],
);

// ---------- conducting an evaluation: questionnaire, evidence register, interview plan ----------

/** One question of a framework version's question bank (frågeunderlag), per subarea, in order. Editable by administrators. */
export const questionBank = pgTable(
  'question_bank',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    subareaId: text('subarea_id').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    help: text('help').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('question_bank_framework_idx').on(t.frameworkId, t.subareaId, t.position)],
);

export interface QuestionnaireAnswer {
  text: string;
  links: string[];
  fileIds: string[];
}

/** The municipality's answers to the questionnaire of one evaluation (question id → answer). */
export const questionnaires = pgTable('questionnaires', {
  evaluationId: uuid('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<Record<string, QuestionnaireAnswer>>().notNull().default({}),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: text('submitted_by'),
  reopenedAt: timestamp('reopened_at', { withTimezone: true }),
  reopenedBy: text('reopened_by'),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An uploaded file: kept in the data directory under `stored_name` (generated), never under a client's name. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    evaluationId: evaluationRef(),
    purpose: text('purpose', { enum: ['questionnaire', 'evidence'] }).notNull(),
    storedName: text('stored_name').notNull().unique(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_evaluation_idx').on(t.evaluationId)],
);

/** Days and sessions of the on-site interviews. */
export const interviewSessions = pgTable(
  'interview_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    evaluationId: evaluationRef(),
    day: date('day', { mode: 'string' }).notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    place: text('place').notNull().default(''),
    groupName: text('group_name').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull().default([]),
    people: integer('people').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('interview_sessions_evaluation_idx').on(t.evaluationId, t.day, t.startsAt)],
);

/** The evidence register: governing documents, web and social-media observations, interview notes; each supports subareas. */
export const evidenceItems = pgTable(
  'evidence_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    evaluationId: evaluationRef(),
    kind: text('kind', { enum: ['document', 'website', 'social', 'interview'] }).notNull(),
    title: text('title').notNull(),
    decisionBody: text('decision_body').notNull().default(''),
    decidedOn: date('decided_on', { mode: 'string' }),
    url: text('url'),
    fileId: uuid('file_id').references(() => evidenceFiles.id, { onDelete: 'set null' }),
    sessionId: uuid('session_id').references(() => interviewSessions.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    subareaIds: jsonb('subarea_ids').$type<string[]>().notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency (migration 0013): an edit names the version it changes. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('evidence_items_evaluation_idx').on(t.evaluationId)],
);

export const evidenceSchema = { questionBank, questionnaires, evidenceFiles, interviewSessions, evidenceItems };

export const followUpSchema = { actionPlans, reportBacks, indicators, indicatorValues, indicatorTargets };

/**
 * Where an evaluation is in the process (src/domain/stages.ts), with the dates each stage was
 * entered, deadlines per stage and the facts the stages ask for.
 */
export const evaluationStages = pgTable('evaluation_stages', {
  evaluationId: uuid('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id, { onDelete: 'cascade' }),
  stage: text('stage').notNull(),
  /** Stage → when it was last entered (ISO timestamp). */
  entered: jsonb('entered').$type<Record<string, string>>().notNull().default({}),
  /** Stage → the date it should be left by (YYYY-MM-DD). */
  deadlines: jsonb('deadlines').$type<Record<string, string>>().notNull().default({}),
  agreementDate: date('agreement_date', { mode: 'string' }),
  feedbackMeetingDate: date('feedback_meeting_date', { mode: 'string' }),
  feedbackNotes: text('feedback_notes').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/**
 * E-mail waiting to be sent. Written in the transaction of the change it reports; a sender claims
 * rows (FOR UPDATE SKIP LOCKED, then a lease in `claimed_until`) so several instances never send one twice.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [index('notification_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL AND ${t.failedAt} IS NULL`)],
);

/**
 * In-app notifications (migration 0013): one row per recipient for the same events that send e-mail,
 * written in the change's transaction whether or not e-mail is configured; read when opened.
 */
export const userNotifications = pgTable(
  'user_notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: userRef(),
    evaluationId: uuid('evaluation_id').references(() => evaluations.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('user_notifications_user_idx').on(t.userId, t.createdAt)],
);

export const conductSchema = { independentScoreSheets, agreedScores, evaluationStages, notificationOutbox, userNotifications };

export const searchSchema = { searchDocuments, searchEvaluations, searchTerms };

/* ---------------------------------------------------------------------------------------------
 * Benchmarking (migration 0006): peer groups a signed-in user saves, and the concordance of areas and
 * subareas between two framework versions (data an administrator edits).
 * ------------------------------------------------------------------------------------------- */

/** A user's own group of municipalities to compare with ("our five neighbours"); private to its owner. */
export const peerGroups = pgTable(
  'peer_groups',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: userRef(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('peer_groups_user_idx').on(t.userId)],
);

export const peerGroupMembers = pgTable(
  'peer_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => peerGroups.id, { onDelete: 'cascade' }),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.municipalityCode], name: 'peer_group_members_pk' })],
);

/**
 * Which areas and subareas of one framework version correspond to which of another (e.g. kk2010 → kk2020),
 * one document per ordered pair of versions, versioned as a whole. Pairs are never inferred from numbers.
 */
export const concordances = pgTable(
  'concordances',
  {
    fromFrameworkId: text('from_framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    toFrameworkId: text('to_framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    pairs: jsonb('pairs').$type<ConcordancePair[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.fromFrameworkId, t.toFrameworkId], name: 'concordances_pk' })],
);

export const benchmarkSchema = { peerGroups, peerGroupMembers, concordances };

export const schema = { municipalities, frameworks, evaluations, evaluators, areaTexts, subareaScores, ...accountSchema, ...conductSchema, ...evidenceSchema, ...followUpSchema, ...searchSchema, ...benchmarkSchema };

// Columns that belong to a parent row and go with it (ON DELETE CASCADE). Function declarations, so the
// tables above may use them; the parent table is only read when drizzle resolves the reference.
function evaluationRef() {
  return uuid('evaluation_id')
    .notNull()
    .references(() => evaluations.id, { onDelete: 'cascade' });
}

function userRef() {
  return uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
}

function indicatorRef() {
  return uuid('indicator_id')
    .notNull()
    .references(() => indicators.id, { onDelete: 'cascade' });
}
