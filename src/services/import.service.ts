/**
 * Importing published reports: preview (nothing saved) and import (saved as a draft). Calls the pure
 * importer, then the framework and evaluation services. A report already imported (same file hash) is
 * refused with the id of the evaluation that holds it.
 */
import type { Db } from '../db/client.ts';
import { SYSTEM, type Viewer } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';
import { canImportReport } from '../policies/evaluation.policy.ts';
import { authorize } from '../policies/policy.ts';
import type { Evaluation, EvaluationInput } from '../domain/evaluation.ts';
import { applyCorrections, CorrectionError, type ImportCorrection } from '../importer/corrections.ts';
import type { ImportPreview, ImportResult } from '../importer/types.ts';
import type { Repositories } from '../repositories/index.ts';
import type { AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import type { TaskRunner } from '../workers/index.ts';

export interface ImportPreviewResult {
  ok: boolean;
  preview: ImportPreview;
  /** The evaluation that already holds this report, when it was imported before. */
  duplicateOf: { id: string; year: number } | null;
}

export interface ImportOutcome {
  preview: ImportPreview;
  evaluation: Evaluation;
  /** Earlier evaluations created from the report's table of earlier results. */
  earlier: Evaluation[];
  /** Earlier years not created because the municipality already has an evaluation that year. */
  earlierSkipped: number[];
  /** Id of the framework variant registered from the report, if any. */
  registeredFrameworkId: string | null;
}

export function createImportService(deps: {
  db: Db;
  frameworks: FrameworkService;
  municipalities: MunicipalityService;
  evaluations: EvaluationService;
  audit: AuditService;
  tasks: Pick<TaskRunner, 'importFile'>;
  repositories: Pick<Repositories, 'evaluations'>;
}) {
  const { db, frameworks, municipalities, evaluations, audit, tasks } = deps;
  const repo = deps.repositories.evaluations;

  const analyse = async (bytes: Uint8Array, fileName: string): Promise<{ result: ImportResult; duplicateOf: ImportPreviewResult['duplicateOf'] }> => {
    // Reading and parsing run in a worker thread with memory, time and size limits; a file that
    // cannot or may not be read is refused there (DomainError → 4xx) and nothing is saved.
    const result = await tasks.importFile({ bytes, fileName, frameworks: await frameworks.listFrameworks() });
    const existing = await repo.findBySourceHash(result.preview.sourceHash);
    return { result, duplicateOf: existing ? { id: existing.id, year: existing.year } : null };
  };

  return {
    /** Reads a report and returns what would be imported, with every problem. Saves nothing. */
    async previewImport({ bytes, fileName, viewer }: { bytes: Uint8Array; fileName: string; viewer: Viewer }): Promise<ImportPreviewResult> {
      authorize(canImportReport(viewer));
      const { result, duplicateOf } = await analyse(bytes, fileName);
      const preview = result.preview;
      if (duplicateOf) {
        preview.problems.unshift({ severity: 'warning', code: 'duplicate', message: `Rapporten är redan importerad som utvärdering ${duplicateOf.id} (${duplicateOf.year}).` });
      }
      return { ok: result.ok, preview, duplicateOf };
    },

    /**
     * Imports a report as a draft evaluation (plus earlier results it prints). `corrections` are the
     * user's fixes from the preview; the draft records that it was corrected and by whom (source and audit).
     * A framework variant derived from the report is registered in the same transaction as the
     * evaluations, so a failed import leaves nothing behind.
     */
    async importReport({ bytes, fileName, viewer, corrections = [] }: { bytes: Uint8Array; fileName: string; viewer: Viewer; corrections?: readonly ImportCorrection[] }): Promise<ImportOutcome> {
      authorize(canImportReport(viewer));
      const analysed = await analyse(bytes, fileName);
      const duplicateOf = analysed.duplicateOf;
      let result = analysed.result;
      if (duplicateOf) {
        throw new DomainError('duplicate', `Rapporten är redan importerad som utvärdering ${duplicateOf.id} (${duplicateOf.year}).`, [], { evaluationId: duplicateOf.id });
      }
      if (!result.ok || !result.input) {
        const errors = result.preview.problems.filter((p) => p.severity === 'error');
        throw new DomainError('validation', errors[0]?.message ?? 'Ingen utvärdering kunde läsas ut ur rapporten.', errors.map((p) => ({ message: p.message })), { preview: result.preview });
      }
      if (corrections.length > 0) {
        const fw = result.derivedFramework ?? (await frameworks.getFramework({ id: result.input.frameworkId }));
        try {
          result = applyCorrections(result, corrections, fw);
        } catch (err) {
          if (err instanceof CorrectionError) throw new DomainError('validation', `Rättelsen kan inte göras: ${err.message}`);
          throw err;
        }
        if (!result.input) {
          const errors = result.preview.problems.filter((p) => p.severity === 'error');
          throw new DomainError('validation', errors[0]?.message ?? 'Den rättade utvärderingen går inte att spara.', errors.map((p) => ({ message: p.message })));
        }
      }
      const preview = result.preview;
      const derived = result.derivedFramework && !(await frameworks.listFrameworks()).some((f) => f.id === result.derivedFramework?.id) ? result.derivedFramework : null;
      // Warm the reference caches, then write the framework variant and the evaluations in one transaction.
      if (!derived) await frameworks.getFramework({ id: result.input.frameworkId });
      const code = result.input.municipalityCode;
      await municipalities.getMunicipality({ code });
      const existingYears = new Set((await evaluations.listEvaluations({ filter: { municipalityCode: code, limit: 1000 }, viewer: SYSTEM })).items.map((i) => i.year));
      const earlierInputs = result.earlierInputs.filter((e) => !existingYears.has(e.year));
      const earlierSkipped = result.earlierInputs.filter((e) => existingYears.has(e.year)).map((e) => e.year);
      const input: EvaluationInput = corrections.length > 0 ? { ...result.input, source: { ...(result.input.source ?? { kind: 'import' }), corrected: { by: viewer.name.slice(0, 200), count: corrections.length } } } : result.input;
      const created = await db.transaction(async (tx) => {
        const executor = tx as unknown as Db;
        if (derived) await frameworks.registerDerivedFramework({ framework: derived, executor, viewer });
        const evaluation = await evaluations.createEvaluation({
          input,
          viewer,
          executor,
          ...(corrections.length > 0
            ? {
                afterCreate: async (t: Db, e: Evaluation) => {
                  await audit.record({ viewer, entity: 'evaluation', entityId: e.id, action: 'import_corrected', change: { before: null, after: { fileName, corrections: [...corrections] } } }, t);
                },
              }
            : {}),
        });
        const earlier: Evaluation[] = [];
        for (const e of earlierInputs) earlier.push(await evaluations.createEvaluation({ input: e, viewer, executor }));
        return { evaluation, earlier };
      });
      for (const y of earlierSkipped) {
        preview.problems.push({ severity: 'info', code: 'earlier-exists', message: `Utvärderingen ${y} finns redan för kommunen; resultaten för ${y} i rapporten har inte lagts till.` });
      }
      return { preview, evaluation: created.evaluation, earlier: created.earlier, earlierSkipped, registeredFrameworkId: derived?.id ?? null };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
