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
import type { Evaluation } from '../domain/evaluation.ts';
import type { ImportPreview, ImportResult } from '../importer/types.ts';
import { createEvaluationRepository } from '../repositories/evaluation.repository.ts';
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

export function createImportService(deps: { db: Db; frameworks: FrameworkService; municipalities: MunicipalityService; evaluations: EvaluationService; tasks: Pick<TaskRunner, 'importFile'> }) {
  const { db, frameworks, municipalities, evaluations, tasks } = deps;
  const repo = createEvaluationRepository(db);

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
        preview.problems.unshift({ severity: 'warning', message: `Rapporten är redan importerad som utvärdering ${duplicateOf.id} (${duplicateOf.year}).` });
      }
      return { ok: result.ok, preview, duplicateOf };
    },

    /** Imports a report as a draft evaluation (plus earlier results it prints). */
    async importReport({ bytes, fileName, viewer }: { bytes: Uint8Array; fileName: string; viewer: Viewer }): Promise<ImportOutcome> {
      authorize(canImportReport(viewer));
      const { result, duplicateOf } = await analyse(bytes, fileName);
      const preview = result.preview;
      if (duplicateOf) {
        throw new DomainError('duplicate', `Rapporten är redan importerad som utvärdering ${duplicateOf.id} (${duplicateOf.year}).`, [], { evaluationId: duplicateOf.id });
      }
      if (!result.ok || !result.input) {
        const errors = preview.problems.filter((p) => p.severity === 'error');
        throw new DomainError('validation', errors[0]?.message ?? 'Ingen utvärdering kunde läsas ut ur rapporten.', errors.map((p) => ({ message: p.message })), { preview });
      }
      let registeredFrameworkId: string | null = null;
      if (result.derivedFramework) {
        const known = await frameworks.listFrameworks();
        if (!known.some((f) => f.id === result.derivedFramework?.id)) {
          await frameworks.registerDerivedFramework({ framework: result.derivedFramework, viewer });
          registeredFrameworkId = result.derivedFramework.id;
        }
      }
      // Warm the reference caches, then write the evaluations in one transaction.
      await frameworks.getFramework({ id: result.input.frameworkId });
      const code = result.input.municipalityCode;
      await municipalities.getMunicipality({ code });
      const existingYears = new Set((await evaluations.listEvaluations({ filter: { municipalityCode: code, limit: 1000 }, viewer: SYSTEM })).items.map((i) => i.year));
      const earlierInputs = result.earlierInputs.filter((e) => !existingYears.has(e.year));
      const earlierSkipped = result.earlierInputs.filter((e) => existingYears.has(e.year)).map((e) => e.year);
      const input = result.input;
      const created = await db.transaction(async (tx) => {
        const executor = tx as unknown as Db;
        const evaluation = await evaluations.createEvaluation({ input, viewer, executor });
        const earlier: Evaluation[] = [];
        for (const e of earlierInputs) earlier.push(await evaluations.createEvaluation({ input: e, viewer, executor }));
        return { evaluation, earlier };
      });
      for (const y of earlierSkipped) {
        preview.problems.push({ severity: 'info', message: `Utvärderingen ${y} finns redan för kommunen; resultaten för ${y} i rapporten har inte lagts till.` });
      }
      return { preview, evaluation: created.evaluation, earlier: created.earlier, earlierSkipped, registeredFrameworkId };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
