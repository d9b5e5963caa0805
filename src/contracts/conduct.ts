/**
 * Request and response shapes of the questionnaire (frågeunderlag) and its question banks, the
 * evidence register with uploaded files, and the interview plan.
 */
import { z } from 'zod';
import { INTERVIEW_ROLES } from '../domain/evidence.ts';
import { calendarDate } from '../domain/input.ts';
import { FrameworkIdParam, safeText, TEXT_LIMITS } from './common.ts';

const Uuid = z.uuid('id ska vara ett UUID');
const HttpUrl = safeText(2000).refine((s) => /^https?:\/\/[^\s]+$/i.test(s.trim()), 'länken ska börja med http:// eller https://');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'tid skrivs som 09:30');
/** Subarea ids of any framework version ("1.2", "10.3" is refused). */
const AnySubarea = z.string().regex(/^[1-9]\.[1-9][0-9]?$/, 'delområde anges som "1.2"');

export const EvaluationParams = z.object({ id: Uuid });
export const ItemParams = z.object({ id: Uuid, itemId: Uuid });
export const SessionParams = z.object({ id: Uuid, sessionId: Uuid });
export const FileParams = z.object({ id: Uuid, fileId: Uuid });
export const DocumentParams = z.object({ id: Uuid, format: safeText(16) });
export const BankParams = z.object({ id: FrameworkIdParam });
export const BankSubareaParams = z.object({ id: FrameworkIdParam, subareaId: AnySubarea });

// ---------- question bank ----------

const BankQuestion = z.object({ id: z.string(), text: z.string(), help: z.string() });

export const QuestionBankOut = z.object({
  frameworkId: z.string(),
  frameworkName: z.string(),
  areas: z.array(z.object({ number: z.number(), title: z.string(), subareas: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(BankQuestion) })) })),
});

export const QuestionBankSubareaBody = z.object({
  questions: z
    .array(z.object({ id: Uuid.optional(), text: safeText(TEXT_LIMITS.item).min(1, 'frågan saknar text'), help: safeText(TEXT_LIMITS.item).default('') }))
    .max(40, 'högst 40 frågor per delområde'),
});

// ---------- questionnaire ----------

const AttachedFile = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number() });

export const QuestionnaireOut = z.object({
  evaluationId: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  status: z.enum(['not_started', 'in_progress', 'submitted']),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reopenedBy: z.string().nullable(),
  version: z.number(),
  answered: z.number(),
  total: z.number(),
  canAnswer: z.boolean(),
  canReopen: z.boolean(),
  areas: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      subareas: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          questions: z.array(BankQuestion.extend({ answer: z.object({ text: z.string(), links: z.array(z.string()), files: z.array(AttachedFile) }).nullable() })),
        }),
      ),
    }),
  ),
});
export type QuestionnaireContract = z.infer<typeof QuestionnaireOut>;

export const QuestionnaireBody = z.object({
  /** The version read (0 when nothing was saved yet). */
  expectedVersion: z.number().int().min(0),
  answers: z.record(
    Uuid,
    z.object({
      text: safeText(20_000).default(''),
      links: z.array(HttpUrl).max(20, 'högst 20 länkar per svar').default([]),
      fileIds: z.array(Uuid).max(20, 'högst 20 bilagor per svar').default([]),
    }),
  ),
  submit: z.boolean().default(false),
});

export const QuestionnaireListOut = z.object({
  items: z.array(
    z.object({
      evaluationId: z.string(),
      municipality: z.object({ code: z.string(), name: z.string() }),
      year: z.number(),
      status: z.enum(['not_started', 'in_progress', 'submitted']),
      answered: z.number(),
      total: z.number(),
      submittedAt: z.string().nullable(),
    }),
  ),
});

// ---------- files and evidence ----------

export const FileOut = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number(), purpose: z.enum(['questionnaire', 'evidence']), uploadedBy: z.string(), createdAt: z.string() });

export const EVIDENCE_KINDS = ['document', 'website', 'social', 'interview'] as const;

export const EvidenceBody = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  title: safeText(TEXT_LIMITS.name).min(1, 'ange en titel'),
  decisionBody: safeText(TEXT_LIMITS.name).default(''),
  decidedOn: calendarDate.nullable().default(null),
  url: HttpUrl.nullable().default(null),
  fileId: Uuid.nullable().default(null),
  sessionId: Uuid.nullable().default(null),
  note: safeText(20_000).default(''),
  subareaIds: z.array(AnySubarea).max(60).default([]),
});

/** A change to an item names the version it was made from (409 when someone changed it since). */
export const EvidenceUpdateBody = EvidenceBody.extend({ expectedVersion: z.number().int().min(1).max(2_147_483_647) });
export const EvidenceDeleteQuery = z.object({ expectedVersion: z.coerce.number().int().min(1).max(2_147_483_647) });

export const EvidenceItemOut = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  decisionBody: z.string(),
  decidedOn: z.string().nullable(),
  url: z.string().nullable(),
  file: FileOut.nullable(),
  sessionId: z.string().nullable(),
  note: z.string(),
  subareaIds: z.array(z.string()),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EvidenceItemContract = z.infer<typeof EvidenceItemOut>;

export const EvidenceListOut = z.object({ items: z.array(EvidenceItemOut), files: z.array(FileOut) });
export const EvidenceQuery = z.object({ subarea: AnySubarea.optional() });

// ---------- interview plan ----------

export const SessionBody = z.object({
  day: calendarDate,
  startsAt: Time,
  endsAt: Time,
  place: safeText(TEXT_LIMITS.name).default(''),
  groupName: safeText(TEXT_LIMITS.name).min(1, 'ange gruppen'),
  roles: z.array(z.enum(INTERVIEW_ROLES)).max(INTERVIEW_ROLES.length).default([]),
  people: z.number().int().min(1, 'minst en person').max(500, 'högst 500 personer i ett pass'),
});

export const InterviewPlanOut = z.object({
  days: z.array(
    z.object({
      day: z.string(),
      sessions: z.array(
        z.object({
          id: z.string(),
          day: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          place: z.string(),
          groupName: z.string(),
          roles: z.array(z.string()),
          people: z.number(),
          notes: z.array(z.object({ id: z.string(), title: z.string(), note: z.string(), subareaIds: z.array(z.string()) })).nullable(),
        }),
      ),
    }),
  ),
  sessions: z.number(),
  interviewees: z.number(),
  canEdit: z.boolean(),
});
export type InterviewPlanContract = z.infer<typeof InterviewPlanOut>;
