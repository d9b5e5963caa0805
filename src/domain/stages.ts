/**
 * The stages of conducting an evaluation (DOMAIN.md §3), from request to publication, and what is
 * missing before the next one. Pure rules over plain facts the service gathers.
 *
 * Stages refine the status, they never contradict it: the stages up to the report draft are the
 * status `draft`, sharing for review and the feedback meeting are `review`, and `published` is
 * `published`. The stage shown is always derived from the stored stage and the status
 * (`effectiveStage`), so a status changed directly (or an evaluation older than the stages) still
 * shows a stage that fits it, and publishing keeps every gate of the status workflow.
 *
 * Other parts of the process (questionnaire, evidence, interview plan) add their own checks as
 * `extra` facts: a check names the stage it holds back, whether it is hard (cannot be overridden)
 * and the Swedish sentence shown to the team.
 */
import type { EvaluationStatus } from './evaluation.ts';

export const STAGES = [
  'request',
  'questionnaire_sent',
  'questionnaire_answered',
  'document_review',
  'interviews',
  'independent_scoring',
  'consensus',
  'report_draft',
  'shared_for_review',
  'feedback_meeting',
  'published',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  request: 'förfrågan och överenskommelse',
  questionnaire_sent: 'frågeunderlag skickat',
  questionnaire_answered: 'frågeunderlag besvarat',
  document_review: 'granskning av dokument och webbplats',
  interviews: 'intervjudagar',
  independent_scoring: 'oberoende bedömning',
  consensus: 'konsensus',
  report_draft: 'rapportutkast',
  shared_for_review: 'delad för granskning',
  feedback_meeting: 'återkopplingsmöte',
  published: 'publicerad',
};

/** The status each stage belongs to. */
export const STAGE_STATUS: Record<Stage, EvaluationStatus> = {
  request: 'draft',
  questionnaire_sent: 'draft',
  questionnaire_answered: 'draft',
  document_review: 'draft',
  interviews: 'draft',
  independent_scoring: 'draft',
  consensus: 'draft',
  report_draft: 'draft',
  shared_for_review: 'review',
  feedback_meeting: 'review',
  published: 'published',
};

/** Who must act for the evaluation to leave a stage. */
export type StageActor = 'lead' | 'team' | 'municipality' | 'nobody';
export const STAGE_ACTOR: Record<Stage, StageActor> = {
  request: 'lead',
  questionnaire_sent: 'municipality',
  questionnaire_answered: 'team',
  document_review: 'team',
  interviews: 'team',
  independent_scoring: 'team',
  consensus: 'lead',
  report_draft: 'team',
  shared_for_review: 'municipality',
  feedback_meeting: 'lead',
  published: 'nobody',
};

export const isStage = (v: unknown): v is Stage => typeof v === 'string' && (STAGES as readonly string[]).includes(v);
const indexOf = (s: Stage): number => STAGES.indexOf(s);

export function nextStage(s: Stage): Stage | null {
  return STAGES[indexOf(s) + 1] ?? null;
}
export function previousStage(s: Stage): Stage | null {
  return s === 'published' ? null : (STAGES[indexOf(s) - 1] ?? null);
}

/**
 * The stage to show: the stored one when it fits the status, otherwise the nearest stage of the
 * status (a published evaluation is published; an evaluation shared for review without a stored
 * stage is shared for review; a draft taken back from review is a report draft).
 */
export function effectiveStage(stored: Stage | null, status: EvaluationStatus): Stage {
  if (status === 'published') return 'published';
  if (stored && STAGE_STATUS[stored] === status) return stored;
  if (status === 'review') return 'shared_for_review';
  if (stored && indexOf(stored) > indexOf('report_draft')) return 'report_draft';
  return stored ?? 'request';
}

/** One thing that must hold before the evaluation may leave `stage`. */
export interface StageCheck {
  stage: Stage;
  key: string;
  ok: boolean;
  /** Hard checks (consensus, the publication rule) cannot be overridden; others can, with a recorded reason. */
  hard: boolean;
  message: string;
}

export interface StageFacts {
  status: EvaluationStatus;
  team: ReadonlyArray<{ userId: string; name: string; isLead: boolean }>;
  agreementDate: string | null;
  feedbackMeetingDate: string | null;
  feedbackNotes: string;
  interviews: number | null;
  reportDate: string | null;
  /** Independent scoring: every sheet (assigned evaluators) and the subareas still without an agreed score. */
  sheets: ReadonlyArray<{ userId: string; name: string; submitted: boolean }>;
  missingAgreement: readonly string[];
  /** Per area of the framework: which texts it has. */
  areas: ReadonlyArray<{ number: number; summary: boolean; strengths: number; improvements: number }>;
  /** Comment threads not yet resolved. */
  openThreads: number;
  /** Why the status workflow would refuse publishing (scores, consensus), or null. */
  publishProblem: string | null;
  /** Checks contributed by other parts of the process (questionnaire, evidence, interview plan). */
  extra?: readonly StageCheck[];
}

const list = (xs: readonly (string | number)[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} och ${xs[xs.length - 1]}`);

function textsCheck(stage: Stage, f: StageFacts): StageCheck {
  const lacking = f.areas.filter((a) => !a.summary || a.strengths === 0 || a.improvements === 0).map((a) => a.number);
  return { stage, key: 'texts', ok: lacking.length === 0, hard: false, message: `Område ${list(lacking)} saknar sammanfattning, styrkor eller förbättringsmöjligheter.` };
}

function factsCheck(stage: Stage, f: StageFacts): StageCheck {
  const lacking = [...(f.interviews === null ? ['antal intervjuade'] : []), ...(f.reportDate === null ? ['rapportdatum'] : [])];
  return { stage, key: 'facts', ok: lacking.length === 0, hard: false, message: `Fakta saknas: ${list(lacking)}.` };
}

function consensusCheck(stage: Stage, f: StageFacts): StageCheck {
  const missing = f.missingAgreement;
  return { stage, key: 'consensus', ok: missing.length === 0, hard: true, message: `Överenskommen poäng saknas för delområde ${list(missing.slice(0, 12))}${missing.length > 12 ? ` (${missing.length} delområden)` : ''}.` };
}

/** Everything that must hold before leaving `stage` for the next one (satisfied checks included). */
export function stageChecks(stage: Stage, f: StageFacts): StageCheck[] {
  const out: StageCheck[] = [];
  const lead = f.team.find((m) => m.isLead);
  switch (stage) {
    case 'request':
      out.push({ stage, key: 'lead', ok: lead !== undefined, hard: true, message: 'Ingen huvudutvärderare är tilldelad.' });
      out.push({ stage, key: 'agreement', ok: f.agreementDate !== null, hard: false, message: 'Datum för överenskommelsen med kommunen är inte angivet.' });
      break;
    case 'document_review':
      out.push({ stage, key: 'team', ok: f.team.length >= 2, hard: false, message: `Teamet har ${f.team.length} utvärderare; metoden bygger på minst två.` });
      break;
    case 'interviews':
      out.push({ stage, key: 'interviews', ok: f.interviews !== null, hard: false, message: 'Antalet intervjuade är inte ifyllt.' });
      break;
    case 'independent_scoring': {
      const pending = f.sheets.filter((s) => !s.submitted).map((s) => s.name);
      out.push({ stage, key: 'sheets', ok: f.sheets.length > 0 && pending.length === 0, hard: true, message: f.sheets.length === 0 ? 'Ingen utvärderare är tilldelad.' : `Oberoende bedömning inte inlämnad av ${list(pending)}.` });
      break;
    }
    case 'consensus':
      out.push(consensusCheck(stage, f));
      break;
    case 'report_draft':
      out.push(textsCheck(stage, f), factsCheck(stage, f));
      break;
    case 'shared_for_review':
      out.push({ stage, key: 'feedbackDate', ok: f.feedbackMeetingDate !== null, hard: false, message: 'Datum för återkopplingsmötet är inte angivet.' });
      break;
    case 'feedback_meeting':
      out.push({ stage, key: 'feedbackNotes', ok: f.feedbackNotes.trim().length > 0, hard: false, message: 'Anteckningar från återkopplingsmötet saknas.' });
      out.push({ stage, key: 'threads', ok: f.openThreads === 0, hard: false, message: `${f.openThreads} kommentarstråd${f.openThreads === 1 ? '' : 'ar'} är inte lösta.` });
      out.push(textsCheck(stage, f), factsCheck(stage, f), consensusCheck(stage, f));
      out.push({ stage, key: 'publish', ok: f.publishProblem === null, hard: true, message: f.publishProblem ?? '' });
      break;
    default:
      break;
  }
  return [...out, ...(f.extra ?? []).filter((c) => c.stage === stage)];
}

/**
 * Checks from the questionnaire and the interview plan (added to a stage's checks as `extra`): the
 * evaluators leave "questionnaire answered" once the municipality has submitted it (or record why they
 * go on, e.g. answers on paper); interview days are left only with at least one session in the plan.
 */
export function conductChecks(f: { questionnaire: { submitted: boolean; answered: number; total: number }; interviews: { sessions: number } }): StageCheck[] {
  return [
    {
      stage: 'questionnaire_answered',
      key: 'questionnaire',
      ok: f.questionnaire.submitted,
      hard: false,
      message: `Frågeunderlaget är inte inlämnat av kommunen: ${f.questionnaire.answered} av ${f.questionnaire.total} frågor är besvarade.`,
    },
    { stage: 'interviews', key: 'sessions', ok: f.interviews.sessions > 0, hard: true, message: 'Intervjuplanen har inget intervjupass; lägg in passen (tid, grupp, antal personer) innan intervjudagarna lämnas.' },
  ];
}

/** What is missing before the next stage (only the checks that fail). */
export function missingBeforeNext(stage: Stage, f: StageFacts): StageCheck[] {
  return stageChecks(stage, f).filter((c) => !c.ok);
}

export type TransitionResult = { ok: true; overridden: StageCheck[] } | { ok: false; message: string; missing: StageCheck[] };

/**
 * Whether the evaluation may go from `from` to `to`: one step forward when nothing hard is missing
 * and every soft gap is either filled or overridden with a reason; one step back at any time before
 * publication. Who may move it is decided in src/policies/stage.policy.ts.
 */
export function checkTransition(from: Stage, to: Stage, f: StageFacts, overrideReason: string | null): TransitionResult {
  if (from === to) return { ok: false, message: `Utvärderingen är redan i steget ${STAGE_LABELS[to]}.`, missing: [] };
  if (previousStage(from) === to) return { ok: true, overridden: [] };
  if (nextStage(from) !== to) {
    const next = nextStage(from);
    return { ok: false, message: next ? `Från steget ${STAGE_LABELS[from]} går utvärderingen vidare till ${STAGE_LABELS[next]}, inte till ${STAGE_LABELS[to]}.` : 'En publicerad utvärdering har inga fler steg; rätta den med en ny version.', missing: [] };
  }
  const missing = missingBeforeNext(from, f);
  const hard = missing.filter((c) => c.hard);
  if (hard.length) return { ok: false, message: `Steget ${STAGE_LABELS[to]} kan inte nås än: ${hard.map((c) => c.message).join(' ')}`, missing };
  if (missing.length && !overrideReason?.trim()) {
    return { ok: false, message: `Steget ${STAGE_LABELS[to]} kan inte nås än: ${missing.map((c) => c.message).join(' ')} Fyll i det som saknas eller ange varför ni går vidare ändå.`, missing };
  }
  return { ok: true, overridden: missing };
}

/** Who must act now, by name where the stage says so (independent scoring: those who have not submitted). */
export function whoMustAct(stage: Stage, f: StageFacts): { actor: StageActor; names: string[]; userIds: string[] } {
  const actor = STAGE_ACTOR[stage];
  const pick = (xs: ReadonlyArray<{ userId: string; name: string }>) => ({ actor, names: xs.map((x) => x.name), userIds: xs.map((x) => x.userId) });
  if (actor === 'lead') return pick(f.team.filter((m) => m.isLead));
  if (actor === 'team') return stage === 'independent_scoring' ? pick(f.sheets.filter((s) => !s.submitted)) : pick(f.team);
  return { actor, names: [], userIds: [] };
}

/** A deadline is overdue once its day has passed (dates as YYYY-MM-DD, `today` likewise). */
export function isOverdue(deadline: string | null | undefined, today: string): boolean {
  return typeof deadline === 'string' && deadline < today;
}

/** What a worklist item asks of its reader (src/services/worklist.service.ts). */
export const WORK_KINDS = ['submit_sheet', 'record_consensus', 'advance_stage', 'open_threads', 'answer_questionnaire', 'review_draft', 'assign_team', 'overdue', 'review_framework'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
