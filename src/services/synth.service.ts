/**
 * Synthetic archives (`kompass db synth`): an export document (format 1) of clearly labelled
 * synthetic published evaluations over all municipalities, for load tests and benchmarks.
 */
import { DomainError } from '../domain/errors.ts';
import { synthesizeEvaluations } from '../domain/synth.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from './backup.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

export function createSynthService(deps: { frameworks: FrameworkService; municipalities: MunicipalityService }) {
  return {
    async synthesizeArchive({ evaluations, seed, frameworkId = 'kk2020' }: { evaluations: number; seed: number; frameworkId?: string }): Promise<ExportDocument> {
      if (!Number.isInteger(evaluations) || evaluations < 1 || evaluations > 100_000) throw new DomainError('validation', `Antalet utvärderingar ska vara 1–100 000, inte ${evaluations}.`);
      if (!Number.isInteger(seed)) throw new DomainError('validation', `Fröet ska vara ett heltal, inte ${seed}.`);
      const { createdAt: _c, updatedAt: _u, ...framework } = await deps.frameworks.getFramework({ id: frameworkId });
      const municipalities = (await deps.municipalities.listMunicipalities()).filter((m) => m.kind === 'kommun').sort((a, b) => a.code.localeCompare(b.code));
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks: [framework], evaluations: synthesizeEvaluations({ evaluations, seed, framework, municipalities }) };
    },
  };
}
export type SynthService = ReturnType<typeof createSynthService>;
