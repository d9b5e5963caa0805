/**
 * The questionnaire (frågeunderlag): question banks per framework version (seeded from
 * src/catalog/question-bank.ts the first time a version's bank is read, then edited by administrators),
 * and per evaluation the municipality's answers — saved halfway, with links and attached files, then
 * submitted (read-only until the lead evaluator reopens it). The audit trail records that answers were
 * saved, submitted or reopened and how many, never their text.
 */
import { startingQuestions } from '../catalog/question-bank.ts';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { QuestionnaireAnswer } from '../db/schema.ts';
import type { Viewer } from '../domain/access.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { answeredCount, checkAnswers, questionnaireStatus, type QuestionnaireStatus } from '../domain/evidence.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { canAnswerQuestionnaire, canEditQuestionBank, canReopenQuestionnaire, canViewQuestionBank, canViewQuestionnaire, type QuestionnaireTarget } from '../policies/questionnaire.policy.ts';
import { authorize } from '../policies/policy.ts';
import type { FileMeta } from '../repositories/evidence.repository.ts';
import type { BankRow, QuestionnaireRow } from '../repositories/questionnaire.repository.ts';
import { buildQuestionnaireDocument } from '../reports/conduct-document.ts';
import type { TaskRunner } from '../workers/index.ts';
import type { AuditService } from './audit.service.ts';
import { createConductContext } from './conduct-context.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import { REPORT_CONTENT_TYPES, parseReportFormat } from './report.service.ts';

export interface BankQuestionView {
  id: string;
  text: string;
  help: string;
}

export interface QuestionBankView {
  frameworkId: string;
  frameworkName: string;
  areas: Array<{ number: number; title: string; subareas: Array<{ id: string; title: string; questions: BankQuestionView[] }> }>;
}

export interface AttachedFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface QuestionnaireView {
  evaluationId: string;
  municipality: { code: string; name: string };
  year: number;
  frameworkId: string;
  frameworkName: string;
  status: QuestionnaireStatus;
  submittedAt: string | null;
  submittedBy: string | null;
  reopenedBy: string | null;
  /** 0 before anything is saved; a save names the version it read. */
  version: number;
  answered: number;
  total: number;
  canAnswer: boolean;
  canReopen: boolean;
  areas: Array<{
    number: number;
    title: string;
    subareas: Array<{ id: string; title: string; questions: Array<BankQuestionView & { answer: { text: string; links: string[]; files: AttachedFile[] } | null }> }>;
  }>;
}

/** Simple facts about an evaluation's questionnaire (for the stage and completeness checks). */
export interface QuestionnaireFacts {
  status: QuestionnaireStatus;
  answered: number;
  total: number;
  submittedAt: string | null;
}

const MAX_QUESTIONS_PER_SUBAREA = 40;

const attached = (f: FileMeta): AttachedFile => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size });

export function createQuestionnaireService(deps: { db: Db; frameworks: FrameworkService; municipalities: MunicipalityService; audit: AuditService; tasks: Pick<TaskRunner, 'renderConduct'>; repositories: Pick<Repositories, 'questionnaires' | 'evidence' | 'evaluations' | 'assignments'> }) {
  const { db, frameworks, municipalities, audit, tasks } = deps;
  const { questionnaires: repo, evidence } = deps.repositories;
  const ctx = createConductContext(deps.repositories);

  /** The bank of a version; the first read of a version without questions writes its starting bank. */
  const bankOf = async (fw: FrameworkDef): Promise<BankRow[]> => {
    const rows = await repo.questions(fw.id);
    if (rows.length > 0) return rows;
    await repo.seedIfEmpty(
      fw.id,
      fw.areas.flatMap((a) => a.subareas.flatMap((s) => startingQuestions(fw.id, s).map((q) => ({ subareaId: s.id, text: q.text, help: q.help ?? '' })))),
    );
    return repo.questions(fw.id);
  };

  const bankView = (fw: FrameworkDef, rows: readonly BankRow[]): QuestionBankView => ({
    frameworkId: fw.id,
    frameworkName: fw.name,
    areas: fw.areas.map((a) => ({
      number: a.number,
      title: a.title,
      subareas: a.subareas.map((s) => ({ id: s.id, title: s.title, questions: rows.filter((r) => r.subareaId === s.id).map((r) => ({ id: r.id, text: r.text, help: r.help })) })),
    })),
  });

  const target = (row: { status: EvaluationStatus; municipalityCode: string }, q: QuestionnaireRow | null): QuestionnaireTarget => ({
    status: row.status,
    municipalityCode: row.municipalityCode,
    submitted: Boolean(q?.submittedAt),
  });

  const build = async (id: string, viewer: Viewer): Promise<{ view: QuestionnaireView; fw: FrameworkDef }> => {
    const { row, assignment } = await ctx.load(id, viewer);
    ctx.authorize(canViewQuestionnaire(viewer, row), viewer, row);
    const fw = await frameworks.getFramework({ id: row.frameworkId });
    const bank = await bankOf(fw);
    const q = await repo.get(id);
    const answers = q?.answers ?? {};
    const files = new Map((await evidence.files(id, 'questionnaire')).map((f) => [f.id, f]));
    const municipality = await municipalities.getMunicipality({ code: row.municipalityCode });
    const t = target(row, q);
    const view: QuestionnaireView = {
      evaluationId: id,
      municipality: { code: municipality.code, name: municipality.name },
      year: row.year,
      frameworkId: fw.id,
      frameworkName: fw.name,
      status: questionnaireStatus(q ? { submittedAt: q.submittedAt, answers } : null),
      submittedAt: q?.submittedAt ?? null,
      submittedBy: q?.submittedBy ?? null,
      reopenedBy: q?.reopenedBy ?? null,
      version: q?.version ?? 0,
      answered: answeredCount(bank.map((b) => b.id), answers),
      total: bank.length,
      canAnswer: canAnswerQuestionnaire(viewer, t).allowed,
      canReopen: canReopenQuestionnaire(viewer, assignment, t).allowed,
      areas: bankView(fw, bank).areas.map((a) => ({
        ...a,
        subareas: a.subareas.map((s) => ({
          ...s,
          questions: s.questions.map((qq) => {
            const ans = answers[qq.id];
            return { ...qq, answer: ans ? { text: ans.text, links: ans.links, files: ans.fileIds.flatMap((f) => { const m = files.get(f); return m ? [attached(m)] : []; }) } : null };
          }),
        })),
      })),
    };
    return { view, fw };
  };

  return {
    async getQuestionBank({ frameworkId, viewer }: { frameworkId: string; viewer: Viewer }): Promise<QuestionBankView> {
      authorize(canViewQuestionBank(viewer));
      const fw = await frameworks.getFramework({ id: frameworkId });
      return bankView(fw, await bankOf(fw));
    },

    /** Replaces the questions of one subarea (kept ids keep their answers); recorded on the framework's history. */
    async updateQuestionBank({ frameworkId, subareaId, questions, viewer }: { frameworkId: string; subareaId: string; questions: ReadonlyArray<{ id?: string | undefined; text: string; help: string }>; viewer: Viewer }): Promise<QuestionBankView> {
      authorize(canEditQuestionBank(viewer));
      const fw = await frameworks.getFramework({ id: frameworkId });
      if (!fw.areas.some((a) => a.subareas.some((s) => s.id === subareaId))) throw notFound(`Delområde ${subareaId} finns inte i ${fw.name}.`);
      if (questions.length > MAX_QUESTIONS_PER_SUBAREA) throw new DomainError('validation', `Delområde ${subareaId}: högst ${MAX_QUESTIONS_PER_SUBAREA} frågor, inte ${questions.length}.`);
      const clean = questions.map((q) => ({ id: q.id, text: q.text.trim(), help: q.help.trim() }));
      const empty = clean.findIndex((q) => q.text === '');
      if (empty >= 0) throw new DomainError('validation', `Delområde ${subareaId}: fråga ${empty + 1} saknar text.`, [{ path: `questions.${empty}.text`, message: 'Frågan saknar text.' }]);
      const before = (await bankOf(fw)).filter((r) => r.subareaId === subareaId);
      const foreign = clean.find((q) => q.id && !before.some((b) => b.id === q.id));
      if (foreign?.id) throw new DomainError('validation', `Frågan ${foreign.id} hör inte till delområde ${subareaId}.`);
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await repo.replaceSubarea(fw.id, subareaId, clean, t);
        await audit.record({ viewer, entity: 'framework', entityId: fw.id, action: 'update_question_bank', change: { before: { subareaId, questions: before.map((b) => b.text) }, after: { subareaId, questions: clean.map((q) => q.text) } } }, t);
      });
      return bankView(fw, await repo.questions(fw.id));
    },

    async getQuestionnaire({ id, viewer }: { id: string; viewer: Viewer }): Promise<QuestionnaireView> {
      return (await build(id, viewer)).view;
    },

    /** Saves the answers (all of them: what is not sent is no longer answered); `submit` hands the questionnaire in. */
    async saveQuestionnaire({ id, expectedVersion, answers, submit, viewer }: { id: string; expectedVersion: number; answers: Record<string, QuestionnaireAnswer>; submit: boolean; viewer: Viewer }): Promise<QuestionnaireView> {
      const { row } = await ctx.load(id, viewer);
      ctx.authorize(canViewQuestionnaire(viewer, row), viewer, row);
      const current = await repo.get(id);
      authorize(canAnswerQuestionnaire(viewer, target(row, current)));
      const fw = await frameworks.getFramework({ id: row.frameworkId });
      const bank = await bankOf(fw);
      const clean: Record<string, QuestionnaireAnswer> = Object.fromEntries(
        Object.entries(answers).map(([k, a]) => [k, { text: a.text.trim(), links: [...new Set(a.links.map((l) => l.trim()).filter(Boolean))], fileIds: [...new Set(a.fileIds)] }]),
      );
      const problems = checkAnswers({ questionIds: new Set(bank.map((b) => b.id)), fileIds: new Set((await evidence.files(id, 'questionnaire')).map((f) => f.id)), answers: clean });
      if (problems.length) throw new DomainError('validation', problems.length === 1 ? (problems[0] ?? '') : `${problems.length} fel i svaren: ${problems.join(' ')}`, problems.map((message) => ({ message })));
      const answered = answeredCount(bank.map((b) => b.id), clean);
      if (submit && answered === 0) throw new DomainError('rule_violation', 'Besvara minst en fråga innan frågeunderlaget lämnas in.');
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const ok = await repo.save({ evaluationId: id, expectedVersion, answers: clean, submit, by: viewer.name }, t);
        if (!ok) {
          const now = await repo.get(id, t);
          throw new DomainError('conflict', `Frågeunderlaget har sparats av ${now?.updatedBy ?? 'någon annan'} sedan du öppnade det (din version ${expectedVersion}, aktuell ${now?.version ?? 0}). Ladda om och gör om ändringen.`, [], { currentVersion: now?.version ?? 0 });
        }
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: submit ? 'submit_questionnaire' : 'save_questionnaire', change: { before: null, after: { answered, total: bank.length, submitted: submit } } }, t);
      });
      return (await build(id, viewer)).view;
    },

    async reopenQuestionnaire({ id, viewer }: { id: string; viewer: Viewer }): Promise<QuestionnaireView> {
      const { row, assignment } = await ctx.load(id, viewer);
      ctx.authorize(canViewQuestionnaire(viewer, row), viewer, row);
      authorize(canReopenQuestionnaire(viewer, assignment, target(row, await repo.get(id))));
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await repo.reopen(id, viewer.name, t);
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'reopen_questionnaire', change: { before: { submitted: true }, after: { submitted: false } } }, t);
      });
      return (await build(id, viewer)).view;
    },

    /** The questionnaires that concern the viewer: their municipality's (municipality users), their assignments (evaluators), all open ones (administrators). */
    async listQuestionnaires({ viewer }: { viewer: Viewer }): Promise<{ items: Array<{ evaluationId: string; municipality: { code: string; name: string }; year: number; status: QuestionnaireStatus; answered: number; total: number; submittedAt: string | null }> }> {
      if (viewer.role === 'public') authorize(canViewQuestionBank(viewer));
      if (viewer.role === 'municipality' && !viewer.municipalityCode) return { items: [] };
      const rows = await repo.listOpen(viewer.role === 'municipality' ? { municipalityCode: viewer.municipalityCode ?? '' } : viewer.role === 'evaluator' ? { assignedTo: viewer.userId ?? '' } : {});
      const banks = new Map<string, string[]>();
      const items = [];
      for (const r of rows) {
        if (!banks.has(r.frameworkId)) banks.set(r.frameworkId, (await bankOf(await frameworks.getFramework({ id: r.frameworkId }))).map((b) => b.id));
        const ids = banks.get(r.frameworkId) ?? [];
        const answers = r.answers ?? {};
        const submittedAt = r.submittedAt?.toISOString() ?? null;
        items.push({
          evaluationId: r.evaluationId,
          municipality: { code: r.municipalityCode, name: r.municipalityName },
          year: r.year,
          status: questionnaireStatus(r.answers ? { submittedAt, answers } : null),
          answered: answeredCount(ids, answers),
          total: ids.length,
          submittedAt,
        });
      }
      return { items };
    },

    /** The questionnaire with its answers as a PDF or DOCX file (rendered in the worker pool). */
    async getQuestionnaireDocument({ id, format, viewer }: { id: string; format: string; viewer: Viewer }): Promise<{ body: Buffer; contentType: string; fileName: string }> {
      const fmt = parseReportFormat(format);
      const { view } = await build(id, viewer);
      const doc = buildQuestionnaireDocument({
        municipality: view.municipality.name,
        year: view.year,
        framework: view.frameworkName,
        status: view.status,
        submittedAt: view.submittedAt,
        submittedBy: view.submittedBy,
        today: new Date().toISOString().slice(0, 10),
        areas: view.areas.map((a) => ({
          number: a.number,
          title: a.title,
          subareas: a.subareas.map((s) => ({ id: s.id, title: s.title, questions: s.questions.map((q) => ({ text: q.text, help: q.help, answer: q.answer ? { text: q.answer.text, links: q.answer.links, files: q.answer.files.map((f) => f.fileName) } : null })) })),
        })),
      });
      return { body: await tasks.renderConduct({ format: fmt, doc }), contentType: REPORT_CONTENT_TYPES[fmt], fileName: `${doc.meta.fileBase}.${fmt}` };
    },

    /** Facts for the stage and completeness checks: whether the questionnaire is submitted, and how much is answered. */
    async getQuestionnaireFacts({ id, viewer }: { id: string; viewer: Viewer }): Promise<QuestionnaireFacts> {
      const { view } = await build(id, viewer);
      return { status: view.status, answered: view.answered, total: view.total, submittedAt: view.submittedAt };
    },
  };
}
export type QuestionnaireService = ReturnType<typeof createQuestionnaireService>;
