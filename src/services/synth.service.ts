/**
 * Synthetic archives (`kompass db synth`): an export document (format 1) of clearly labelled
 * synthetic published evaluations over all municipalities, for load tests and benchmarks; or the
 * same evaluations written straight into an empty database in batches (no document in memory).
 */
import { DomainError } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import { generateEvaluations, synthesizeEvaluations, type SynthOptions } from '../domain/synth.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type BackupService, type ExportDocument } from './backup.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

/** Evaluations made and written per batch by `synthesizeInto`. */
const WRITE_BATCH = 200;

function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function createSynthService(deps: { frameworks: FrameworkService; municipalities: MunicipalityService; backup: Pick<BackupService, 'importEvaluationBatches'> }) {
  const optionsFor = async ({ evaluations, seed, frameworkId, textsEvery = 1 }: { evaluations: number; seed: number; frameworkId: string; textsEvery?: number | undefined }): Promise<SynthOptions> => {
    if (!Number.isInteger(evaluations) || evaluations < 1 || evaluations > 100_000) throw new DomainError('validation', `Antalet utvärderingar ska vara 1–100 000, inte ${evaluations}.`);
    if (!Number.isInteger(seed)) throw new DomainError('validation', `Fröet ska vara ett heltal, inte ${seed}.`);
    if (!Number.isInteger(textsEvery) || textsEvery < 1) throw new DomainError('validation', `Texter i var N:e utvärdering: N ska vara ett positivt heltal, inte ${textsEvery}.`);
    const { createdAt: _c, updatedAt: _u, ...framework } = await deps.frameworks.getFramework({ id: frameworkId });
    const municipalities = (await deps.municipalities.listMunicipalities()).filter((m) => m.kind === 'kommun').sort((a, b) => a.code.localeCompare(b.code));
    return { evaluations, seed, framework, municipalities, textsEvery };
  };
  return {
    async synthesizeArchive({ evaluations, seed, frameworkId = 'kk2020', textsEvery }: { evaluations: number; seed: number; frameworkId?: string; textsEvery?: number | undefined }): Promise<ExportDocument> {
      const options = await optionsFor({ evaluations, seed, frameworkId, textsEvery });
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks: [options.framework], evaluations: synthesizeEvaluations(options) };
    },

    /**
     * The evaluations of `synthesizeArchive` written into a database without evaluations, made and
     * written per batch (a 24,000-evaluation archive would be a 1.9 GB document). All or nothing.
     */
    async synthesizeInto({ evaluations, seed, frameworkId = 'kk2020', textsEvery, onBatch }: { evaluations: number; seed: number; frameworkId?: string; textsEvery?: number | undefined; onBatch?: (written: number) => void }): Promise<{ evaluations: number }> {
      const options = await optionsFor({ evaluations, seed, frameworkId, textsEvery });
      const batches: Iterable<Evaluation[]> = batchesOf(generateEvaluations(options), WRITE_BATCH);
      return deps.backup.importEvaluationBatches({ batches, ...(onBatch ? { onBatch } : {}) });
    },
  };
}
export type SynthService = ReturnType<typeof createSynthService>;
