import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { NOT_ASSIGNED, type Assignment, type Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canChangeStatus, canCreateEvaluation, canDeleteEvaluation, canEditEvaluation, canViewEvaluation, visibleStatuses } from '../policies/evaluation.policy.ts';
import { diffEvaluation, evaluationSnapshot, isEmptyChange } from '../domain/audit.ts';
import { DomainError, notFound, type ErrorDetail } from '../domain/errors.ts';
import {
  AreaTextPatchSchema,
  AreaTextSchema,
  EvaluationFactsPatchSchema,
  EvaluationInputSchema,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  sameYearMessage,
  sameYearWarnings,
  type AreaText,
  type AreaTextPatch,
  type EvaluationFactsPatch,
  type Evaluation,
  type EvaluationInput,
  type EvaluationStatus,
} from '../domain/evaluation.ts';
import { AREA_RANGE, isAreaNumber, type FrameworkDef } from '../domain/framework.ts';
import { periodOrderProblem, sentFields } from '../domain/input.ts';
import {
  checkAreaScore,
  checkSubareaPoints,
  compareWithPrevious,
  computeScores,
  percentOf,
  publishProblem,
  type AverageResult,
  type EvaluationScore,
  type PreviousComparison,
} from '../domain/scoring.ts';
import type { EvaluationFilter, EvaluationRow, ScoreData } from '../repositories/evaluation.repository.ts';
import type { FileStore } from '../repositories/file-store.ts';
import { consensusMissing } from '../domain/consensus.ts';
import type { AuditService } from './audit.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { ConcordanceService } from './concordance.service.ts';
import { createScoreIndex, type IndexedEvaluation } from './score-index.ts';
import { changeFeedFor, RevisionMemo } from '../db/changes.ts';
import type { MunicipalityService } from './municipality.service.ts';

export interface EvaluationListItem {
  id: string;
  municipality: { code: string; name: string };
  frameworkId: string;
  year: number;
  month: number | null;
  reportDate: string | null;
  status: EvaluationStatus;
  total: number | null;
  ordinal: number | null;
  updatedAt: string;
  version: number;
}

export interface EvaluationSummary {
  id: string;
  municipality: { code: string; name: string };
  frameworkId: string;
  framework: { id: string; name: string; needsReview: boolean };
  year: number;
  status: EvaluationStatus;
  total: number | null;
  totalSource: EvaluationScore['totalSource'];
  computedTotal: number | null;
  max: number;
  percent: number | null;
  areas: Array<EvaluationScore['areas'][number] & { previous: number | null; delta: number | null; average: number | null; averageCount: number }>;
  previous: Omit<PreviousComparison, 'areas'> | null;
  average: AverageResult;
  notes: EvaluationScore['notes'];
}

/** Another evaluation of the same municipality and year, named when a new one is created. */
export interface SameYearWarning {
  evaluationId: string;
  year: number;
  status: EvaluationStatus;
  frameworkId: string;
  message: string;
}

export type FactsPatch = EvaluationFactsPatch;
export type AreaPatch = AreaTextPatch;

function assertPeriodOrder(start: string | null | undefined, end: string | null | undefined): void {
  const problem = periodOrderProblem(start, end);
  if (problem) throw new DomainError('validation', problem, [{ path: 'periodEnd', message: problem }]);
}

function scoreOf(fw: FrameworkDef, d: Pick<ScoreData, 'subareaPoints' | 'statedAreaScores' | 'statedTotal'>): EvaluationScore {
  return computeScores({ framework: fw, subareaPoints: d.subareaPoints, statedAreaScores: d.statedAreaScores, statedTotal: d.statedTotal });
}

/** Chronological order key: year, then month, then report date. */
function when(d: { year: number; month: number | null; reportDate: string | null }): string {
  return `${d.year}-${String(d.month ?? 0).padStart(2, '0')}-${d.reportDate ?? ''}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createEvaluationService(deps: { db: Db; frameworks: FrameworkService; municipalities: MunicipalityService; audit: AuditService; concordances: Pick<ConcordanceService, 'areaMap'>; files: FileStore; repositories: Pick<Repositories, 'evaluations' | 'assignments' | 'independentScores' | 'evidence'> }) {
  const { db, frameworks, municipalities, audit, files } = deps;
  const { evaluations: repo, assignments, independentScores: independent, evidence } = deps.repositories;

  /** The viewer's assignment to an evaluation (administrators and the system need none). */
  const assignmentOf = async (id: string, viewer: Viewer, executor: Db = db): Promise<Assignment> => {
    if (!viewer.userId || viewer.role !== 'evaluator' || !UUID.test(viewer.userId)) return NOT_ASSIGNED;
    const a = await assignments.get(id, viewer.userId, executor);
    return a ? { assigned: true, lead: a.isLead } : NOT_ASSIGNED;
  };

  const mustEdit = async (row: EvaluationRow, viewer: Viewer): Promise<void> => {
    authorize(canEditEvaluation(viewer, await assignmentOf(row.id, viewer)));
  };

  const validateScores = (fw: FrameworkDef, scores: Readonly<Record<string, number | null>>): ErrorDetail[] =>
    Object.entries(scores).flatMap(([id, points]) => {
      const msg = checkSubareaPoints(fw, id, points ?? 0);
      return msg ? [{ path: `scores.${id}`, message: msg }] : [];
    });

  const validateAreas = (fw: FrameworkDef, areas: readonly AreaText[]): ErrorDetail[] => {
    const ids = new Set(fw.areas.flatMap((a) => a.subareas.map((s) => s.id)));
    return areas.flatMap((a, i) => {
      const out: ErrorDetail[] = [];
      if (a.statedScore !== null) {
        const msg = checkAreaScore(a.number, a.statedScore);
        if (msg) out.push({ path: `areas[${i}].statedScore`, message: msg });
      }
      for (const key of Object.keys(a.narratives)) {
        if (!ids.has(key) || !key.startsWith(`${a.number}.`)) out.push({ path: `areas[${i}].narratives.${key}`, message: `Delområde ${key} finns inte i område ${a.number} i ${fw.name}.` });
      }
      for (const [j, g] of a.goodExamples.entries()) {
        if (g.subareaId && !ids.has(g.subareaId)) out.push({ path: `areas[${i}].goodExamples[${j}].subareaId`, message: `Delområde ${g.subareaId} finns inte i ${fw.name}.` });
      }
      return out;
    });
  };

  const mustSee = async (id: string, viewer: Viewer): Promise<EvaluationRow> => {
    const row = await repo.getRow(id);
    if (!row || !canViewEvaluation(viewer, row)) throw notFound(`Utvärderingen ${id} finns inte.`);
    return row;
  };

  /** The 409 with the current copy. Inside a transaction pass its executor: on PGlite a read on `db` would wait for the open transaction forever. */
  /** The warnings of the same-year rule (src/domain/evaluation.ts `sameYearWarnings`). */
  const sameYearOf = async (municipalityCode: string, year: number, executor: Db = db): Promise<SameYearWarning[]> => {
    const rows = await repo.findSameYear(municipalityCode, year, executor);
    const found = sameYearWarnings(rows.map((r) => ({ id: r.id, year: r.year, status: r.status, frameworkId: r.frameworkId, sourceKind: r.source.kind, supersededById: r.supersededById })));
    if (found.length === 0) return [];
    const municipality = await municipalities.getMunicipality({ code: municipalityCode });
    const out: SameYearWarning[] = [];
    for (const e of found) {
      const fw = await frameworks.getFramework({ id: e.frameworkId });
      out.push({ evaluationId: e.id, year: e.year, status: e.status, frameworkId: e.frameworkId, message: sameYearMessage(municipality.name, e, fw.name) });
    }
    return out;
  };

  const conflict = async (id: string, expectedVersion: number, executor: Db = db): Promise<DomainError> => {
    const current = await repo.getFull(id, executor);
    if (!current) return notFound(`Utvärderingen ${id} finns inte.`);
    const who = current.updatedBy ?? 'någon annan';
    return new DomainError(
      'conflict',
      `Utvärderingen har ändrats av ${who} (${current.updatedAt}) sedan du öppnade den: din version ${expectedVersion}, aktuell version ${current.version}. Ladda om och gör om ändringen.`,
      [],
      { currentVersion: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy, current },
    );
  };

  const assertEditable = (row: EvaluationRow): void => {
    if (row.status === 'published') {
      throw new DomainError('rule_violation', 'Utvärderingen är publicerad och kan inte ändras. Skapa en rättelse (ny version) i stället.');
    }
  };

  /**
   * Runs a versioned write in one transaction: check access and version, apply, bump, and append the
   * audit record (what changed, before and after). Nothing is partly written.
   */
  const versionedWrite = async (
    id: string,
    expectedVersion: number,
    viewer: Viewer,
    action: string,
    apply: (tx: Db, row: EvaluationRow, fw: FrameworkDef) => Promise<Partial<EvaluationRow> | void>,
  ): Promise<Evaluation> => {
    const row = await mustSee(id, viewer);
    await mustEdit(row, viewer);
    const fw = await frameworks.getFramework({ id: row.frameworkId });
    const result = await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const current = await repo.getRow(id, t);
      if (!current || current.version !== expectedVersion) return null;
      assertEditable(current);
      const before = await repo.getFull(id, t);
      const patch = (await apply(t, current, fw)) ?? {};
      const bumped = await repo.bumpVersion(id, expectedVersion, viewer.name, patch, t);
      if (!bumped) throw await conflict(id, expectedVersion, t);
      const after = await repo.getFull(id, t);
      if (!before || !after) throw notFound(`Utvärderingen ${id} finns inte.`);
      const change = diffEvaluation(before, after);
      if (!isEmptyChange(change)) await audit.record({ viewer, entity: 'evaluation', entityId: id, action, change }, t);
      return after;
    });
    if (!result) {
      const current = await repo.getRow(id);
      if (current && current.version === expectedVersion) assertEditable(current);
      throw await conflict(id, expectedVersion);
    }
    return result;
  };

  const index = createScoreIndex({ db, repo, frameworks, municipalities });
  const loadScored = (filter: EvaluationFilter & { ids?: readonly string[] }): Promise<IndexedEvaluation[]> => index.query(filter);

  const summaryMemo = new RevisionMemo<EvaluationSummary>(changeFeedFor(db));

  /** A list row, made per reply (the municipality's name as it is now: the index keeps only the code). */
  const listItemOf = (row: IndexedEvaluation): EvaluationListItem => ({
    id: row.id,
    municipality: { code: row.municipalityCode, name: index.nameOf(row.municipalityCode) },
    frameworkId: row.frameworkId,
    year: row.year,
    month: row.month,
    reportDate: row.reportDate,
    status: row.status,
    total: row.total,
    ordinal: row.ordinal,
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  });

  const computeSummary = async (own: IndexedEvaluation, viewer: Viewer): Promise<EvaluationSummary> => {
      const id = own.id;
      const row = own;
      const fw = await frameworks.getFramework({ id: row.frameworkId });
      const municipality = await municipalities.getMunicipality({ code: row.municipalityCode });
      const current = index.comparableOf(own);
      const score = index.scoreOf(own);

      const history = (await loadScored({ municipalityCode: row.municipalityCode, statuses: visibleStatuses(viewer), ...(viewer.role === 'municipality' ? { reviewFor: viewer.municipalityCode ?? '' } : {}) }))
        .filter((d) => d.id !== id && !d.supersededById && canViewEvaluation(viewer, d) && when(d) < when(own))
        .sort((a, b) => when(b).localeCompare(when(a)));
      const prev = history[0];
      // Across versions areas pair only through the concordance (never by number).
      const counterparts = prev && prev.frameworkId !== row.frameworkId ? await deps.concordances.areaMap(row.frameworkId, prev.frameworkId) : null;
      const previous = prev ? compareWithPrevious(current, { ...index.comparableOf(prev), year: prev.year }, counterparts) : null;

      // The current published evaluations of the version (a superseded one is replaced by its correction),
      // without this one: from running sums in the score index, not a pass over every evaluation.
      const average = await index.average(row.frameworkId, fw.areas.map((a) => a.number), { id });
      const { areas: _prevAreas, ...previousHead } = previous ?? { areas: [] };
      return {
        id,
        municipality: { code: municipality.code, name: municipality.name },
        frameworkId: fw.id,
        framework: { id: fw.id, name: fw.name, needsReview: fw.needsReview },
        year: row.year,
        status: row.status,
        total: score.total,
        totalSource: score.totalSource,
        computedTotal: score.computedTotal,
        max: score.max,
        percent: score.total === null ? null : percentOf(score.total, score.max),
        areas: score.areas.map((a) => {
          const p = previous?.areas.find((x) => x.number === a.number);
          const avg = average.areas.find((x) => x.number === a.number);
          return { ...a, previous: p?.previous ?? null, delta: p?.delta ?? null, average: avg?.score ?? null, averageCount: avg?.count ?? 0 };
        }),
        previous: previous ? (previousHead as Omit<PreviousComparison, 'areas'>) : null,
        average,
        notes: score.notes,
      };
  };

  const service = {
    async createEvaluation({
      input,
      viewer,
      executor,
      afterCreate,
    }: {
      input: EvaluationInput;
      viewer: Viewer;
      executor?: Db;
      /** Runs in the creating transaction (corrections link the new draft to the original). */
      afterCreate?: (tx: Db, created: Evaluation) => Promise<void>;
    }): Promise<Evaluation & { warnings: SameYearWarning[] }> {
      authorize(canCreateEvaluation(viewer));
      const parsed = EvaluationInputSchema.parse(input);
      assertPeriodOrder(parsed.periodStart, parsed.periodEnd);
      await municipalities.getMunicipality({ code: parsed.municipalityCode });
      const fw = await frameworks.getFramework({ id: parsed.frameworkId });
      const details = [...validateScores(fw, parsed.scores), ...validateAreas(fw, parsed.areas)];
      const numbers = parsed.areas.map((a) => a.number);
      if (new Set(numbers).size !== numbers.length) details.push({ path: 'areas', message: 'Varje område får bara förekomma en gång.' });
      if (details.length) throw new DomainError('validation', `Utvärderingen kan inte sparas: ${details[0]?.message ?? ''}`, details);
      if (parsed.status === 'published') {
        const s = scoreOf(fw, { subareaPoints: parsed.scores, statedAreaScores: Object.fromEntries(parsed.areas.flatMap((a) => (a.statedScore === null ? [] : [[a.number, a.statedScore]]))), statedTotal: parsed.statedTotal });
        const problem = publishProblem(s, parsed.source.kind);
        if (problem) throw new DomainError('rule_violation', problem);
      }
      if (parsed.sourceHash) {
        const existing = await repo.findBySourceHash(parsed.sourceHash, executor ?? db);
        if (existing) {
          throw new DomainError('duplicate', `Rapporten är redan importerad som utvärdering ${existing.id} (${existing.year}).`, [], { evaluationId: existing.id });
        }
      }
      // A second evaluation of the municipality that year is created, and the answer names the existing ones.
      const warnings = await sameYearOf(parsed.municipalityCode, parsed.year, executor ?? db);
      // The evaluator who creates an evaluation is its lead evaluator; the creation is the first audit record.
      const create = async (tx: Db): Promise<Evaluation> => {
        const id = await repo.insert(parsed, viewer.name, tx);
        if (viewer.userId && viewer.role === 'evaluator') await assignments.replace(id, [{ userId: viewer.userId, isLead: true }], tx);
        const full = await repo.getFull(id, tx);
        if (!full) throw new Error('created evaluation vanished');
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'create', change: { before: null, after: evaluationSnapshot(full) } }, tx);
        if (!afterCreate) return full;
        await afterCreate(tx, full);
        return (await repo.getFull(id, tx)) ?? full;
      };
      const created = await (executor ? create(executor) : db.transaction(async (tx) => create(tx as unknown as Db)));
      return { ...created, warnings };
    },

    /** Evaluations of a municipality in a year, for those who may create one (warned before creating). */
    async findSameYear({ municipalityCode, year, viewer }: { municipalityCode: string; year: number; viewer: Viewer }): Promise<SameYearWarning[]> {
      authorize(canCreateEvaluation(viewer));
      await municipalities.getMunicipality({ code: municipalityCode });
      return sameYearOf(municipalityCode, year);
    },

    async getEvaluation({ id, viewer }: { id: string; viewer: Viewer }): Promise<Evaluation> {
      await mustSee(id, viewer);
      const full = await repo.getFull(id);
      if (!full) throw notFound(`Utvärderingen ${id} finns inte.`);
      return full;
    },

    async listEvaluations({ filter = {}, viewer }: { filter?: Omit<EvaluationFilter, 'statuses'> & { status?: EvaluationStatus }; viewer: Viewer }): Promise<{ items: EvaluationListItem[]; count: number }> {
      let statuses = visibleStatuses(viewer);
      if (filter.status) statuses = statuses.filter((s) => s === filter.status);
      const f: EvaluationFilter = { ...filter, statuses, ...(viewer.role === 'municipality' ? { reviewFor: viewer.municipalityCode ?? '' } : {}) };
      // From the score index, which keeps every evaluation in list order: no sort or count per request.
      const { items, count } = await index.page(f, { key: `${viewer.role}|${viewer.municipalityCode ?? ''}`, test: (d) => canViewEvaluation(viewer, d) });
      return { count, items: items.map(listItemOf) };
    },

    async updateEvaluationFacts({ id, expectedVersion, patch, viewer }: { id: string; expectedVersion: number; patch: FactsPatch; viewer: Viewer }): Promise<Evaluation> {
      // Only the fields sent change: the patch schema has no defaults to write in their place.
      const parsed = sentFields(EvaluationFactsPatchSchema.parse(patch));
      return versionedWrite(id, expectedVersion, viewer, 'update_facts', async (tx, row) => {
        const { evaluators: evs, ...facts } = parsed;
        assertPeriodOrder(facts.periodStart !== undefined ? facts.periodStart : row.periodStart, facts.periodEnd !== undefined ? facts.periodEnd : row.periodEnd);
        if (evs) await repo.replaceEvaluators(id, evs, tx);
        return facts as Partial<EvaluationRow>;
      });
    },

    /** Sets subarea points (null = unknown). Once all subareas of an area have points, the area is their sum (src/domain/scoring.ts). */
    async setScores({
      id,
      expectedVersion,
      scores,
      viewer,
      action = 'set_scores',
      also,
    }: {
      id: string;
      expectedVersion: number;
      scores: Record<string, number | null>;
      viewer: Viewer;
      /** The audit action ('agree_scores' when the team records its consensus). */
      action?: string;
      /** Runs in the same transaction after the scores are written (the consensus records its reasons). */
      also?: (tx: Db, fw: FrameworkDef) => Promise<void>;
    }): Promise<Evaluation> {
      return versionedWrite(id, expectedVersion, viewer, action, async (tx, _row, fw) => {
        const details = validateScores(fw, scores);
        if (details.length) throw new DomainError('validation', details.length === 1 ? (details[0]?.message ?? '') : `${details.length} poäng är ogiltiga: ${details.map((d) => d.message).join(' ')}`, details);
        await repo.setScores(id, scores, tx);
        if (also) await also(tx, fw);
      });
    },

    async updateArea({ id, number, expectedVersion, patch, viewer }: { id: string; number: number; expectedVersion: number; patch: AreaPatch; viewer: Viewer }): Promise<Evaluation> {
      if (!isAreaNumber(number)) throw new DomainError('validation', `Område ${number} finns inte; områdena är numrerade ${AREA_RANGE}.`);
      return versionedWrite(id, expectedVersion, viewer, `update_area_${number}`, async (tx, _row, fw) => {
        const current = (await repo.getFull(id, tx))?.areas.find((a) => a.number === number);
        // A merge: the fields sent replace the stored ones, the others stay as they are.
        const merged = AreaTextSchema.parse({ ...current, ...sentFields(AreaTextPatchSchema.parse(patch)), number });
        const details = validateAreas(fw, [merged]);
        if (details.length) throw new DomainError('validation', details[0]?.message ?? 'Ogiltigt område.', details);
        await repo.upsertArea(id, merged, tx);
      });
    },

    async changeStatus({
      id,
      expectedVersion,
      status,
      viewer,
      also,
    }: {
      id: string;
      expectedVersion: number;
      status: EvaluationStatus;
      viewer: Viewer;
      /** Runs in the same transaction after the status is written (the stage that goes with it). */
      also?: (tx: Db) => Promise<void>;
    }): Promise<Evaluation> {
      const row = await mustSee(id, viewer);
      authorize(canChangeStatus(viewer, status, await assignmentOf(id, viewer)));
      if (row.status === status) throw new DomainError('rule_violation', `Utvärderingen är redan ${STATUS_LABELS[status]}.`);
      if (!STATUS_TRANSITIONS[row.status].includes(status)) {
        throw new DomainError('rule_violation', `Status kan inte ändras från ${STATUS_LABELS[row.status]} till ${STATUS_LABELS[status]}.`);
      }
      if (status === 'published') {
        // A team that scores independently publishes only once every subarea has an agreed score.
        const fw = await frameworks.getFramework({ id: row.frameworkId });
        const missing = consensusMissing(fw, { started: await independent.started(id), sheets: await independent.sheets(id), agreed: await independent.agreed(id) });
        if (missing.length) throw new DomainError('rule_violation', `Utvärderingen kan inte publiceras förrän teamet är överens: ${missing.map((m) => m.message).join(' ')}`, missing);
        const [scored] = await loadScored({ ids: [id] });
        const problem = scored ? publishProblem(index.scoreOf(scored), row.source.kind) : 'Utvärderingen kan inte publiceras: poängen är inte kända.';
        if (problem) throw new DomainError('rule_violation', problem);
      }
      if (row.status === 'published') assertEditable(row);
      const ok = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const bumped = await repo.bumpVersion(id, expectedVersion, viewer.name, { status }, t);
        if (!bumped) return false;
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'change_status', change: { before: { version: expectedVersion, status: row.status }, after: { version: bumped.version, status } } }, t);
        if (also) await also(t);
        // Publishing a correction supersedes the evaluation it corrects; that one stays published and readable.
        if (status === 'published' && bumped.supersedesId) {
          const old = await repo.getRow(bumped.supersedesId, t);
          if (old && old.supersededById === null) {
            const marked = await repo.bumpVersion(old.id, old.version, viewer.name, { supersededById: id }, t);
            if (!marked) throw await conflict(old.id, old.version, t);
            await audit.record({ viewer, entity: 'evaluation', entityId: old.id, action: 'superseded', change: { before: { version: old.version, supersededById: null }, after: { version: marked.version, supersededById: id } } }, t);
          }
        }
        return true;
      });
      if (!ok) throw await conflict(id, expectedVersion);
      return service.getEvaluation({ id, viewer });
    },

    async deleteEvaluation({ id, expectedVersion, viewer }: { id: string; expectedVersion: number; viewer: Viewer }): Promise<void> {
      const row = await mustSee(id, viewer);
      authorize(canDeleteEvaluation(viewer, await assignmentOf(id, viewer)));
      if (row.status === 'published') throw new DomainError('rule_violation', 'En publicerad utvärdering kan inte tas bort.');
      // The uploaded files (questionnaire attachments, evidence) go with the evaluation: their rows by the
      // cascade, their bytes from disk once the deletion has committed (a rollback keeps them).
      const deleted = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const before = await repo.getFull(id, t);
        const stored = await evidence.storedNames([id], t);
        if (!before || !(await repo.delete(id, expectedVersion, t))) return null;
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'delete', change: { before: evaluationSnapshot(before), after: null } }, t);
        return stored;
      });
      if (!deleted) throw await conflict(id, expectedVersion);
      await Promise.all(deleted.map((name) => files.remove(name)));
    },

    async getSummary({ id, viewer }: { id: string; viewer: Viewer }): Promise<EvaluationSummary> {
      // Served from the in-memory score index: no query per request once it is built. The result depends
      // only on the data revision and on which evaluations the viewer may see, so it is memoised on that.
      const own = await index.get(id);
      if (!own || !canViewEvaluation(viewer, own)) throw notFound(`Utvärderingen ${id} finns inte.`);
      const key = `${id}|${visibleStatuses(viewer).join(',')}|${viewer.role === 'municipality' ? viewer.municipalityCode : ''}`;
      const memo = summaryMemo.get(key);
      if (memo) return memo;
      const revision = changeFeedFor(db).revision;
      const computed = await computeSummary(own, viewer);
      summaryMemo.set(key, computed, revision);
      return computed;
    },

    /** Scores of many evaluations at once (compare page, trend). */
    async getScores({ ids, viewer }: { ids: readonly string[]; viewer: Viewer }): Promise<Array<{ id: string; frameworkId: string; year: number; score: EvaluationScore }>> {
      const rows = await loadScored({ ids });
      return rows.filter((r) => canViewEvaluation(viewer, r)).map((r) => ({ id: r.id, frameworkId: r.frameworkId, year: r.year, score: index.scoreOf(r) }));
    },

    /** The viewer's assignment (workflow service, HTTP `me` views). */
    assignmentOf,
    mustSee,
    conflict,
    /** Size of the in-memory score index and evaluations reloaded into it since start (tests, benchmarks). */
    scoreIndexStats: () => index.stats(),
  };
  return service;
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
