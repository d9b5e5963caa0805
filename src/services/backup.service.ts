/**
 * Export and import of the whole database as JSON. The round trip is identical:
 * export → import into an empty database → export gives the same document.
 */
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { DomainError } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { createFrameworkRepository } from '../repositories/framework.repository.ts';
import type { Services } from './index.ts';

export const EXPORT_FORMAT = 'kompass-export';
export const EXPORT_VERSION = 1;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  frameworks: FrameworkDef[];
  evaluations: Evaluation[];
}

const HeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'filen är inte en kompass-export' }),
  version: z.literal(EXPORT_VERSION, { error: `exportversionen stöds inte (förväntad ${EXPORT_VERSION})` }),
  frameworks: z.array(z.looseObject({ id: z.string() })),
  evaluations: z.array(z.looseObject({ id: z.uuid(), frameworkId: z.string(), municipalityCode: z.string() })),
});

export function createBackupService(services: Services) {
  const { db } = services;
  return {
    async exportDatabase(): Promise<ExportDocument> {
      const frameworks = (await services.frameworks.listFrameworks()).map(({ createdAt: _c, updatedAt: _u, ...f }) => f);
      const ids = await services.evaluations.repository.allIds();
      const evaluations: Evaluation[] = [];
      for (const id of ids) {
        const e = await services.evaluations.repository.getFull(id);
        if (e) evaluations.push(e);
      }
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, frameworks, evaluations };
    },

    /** Imports an export into a database without evaluations. All or nothing. */
    async importDatabase({ document }: { document: unknown }): Promise<{ frameworks: number; evaluations: number }> {
      const head = HeaderSchema.safeParse(document);
      if (!head.success) {
        throw new DomainError('validation', `Importen avbröts: ${head.error.issues.map((i) => `${i.path.join('.') || 'dokument'}: ${i.message}`).join('; ')}`);
      }
      const doc = document as ExportDocument;
      const existing = await services.evaluations.listEvaluations({ filter: { limit: 1 } });
      if (existing.count > 0) throw new DomainError('rule_violation', 'Databasen innehåller redan utvärderingar; importera till en tom databas.');
      const known = new Map((await services.frameworks.listFrameworks()).map((f) => [f.id, f]));
      const frameworkRepo = createFrameworkRepository(db);
      let fwCount = 0;
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        for (const fw of doc.frameworks) {
          if (known.has(fw.id)) await frameworkRepo.update(fw, t);
          else await frameworkRepo.insert(fw, t);
          fwCount += 1;
        }
        for (const e of doc.evaluations) await services.evaluations.repository.insertRestored(e, t);
      });
      services.frameworks.invalidate();
      return { frameworks: fwCount, evaluations: doc.evaluations.length };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
