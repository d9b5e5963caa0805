import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { changeFeedFor } from '../db/changes.ts';
import { MUNICIPALITIES } from '../catalog/municipalities.ts';
import { notFound } from '../domain/errors.ts';
import { searchPlaces } from '../domain/municipality-search.ts';
import type { MunicipalityRow } from '../repositories/municipality.repository.ts';

export type Municipality = Omit<MunicipalityRow, 'searchKey'>;

export function createMunicipalityService(db: Db, repositories: Pick<Repositories, 'municipalities'>) {
  const repo = repositories.municipalities;
  const changes = changeFeedFor(db);
  let cache: Municipality[] | null = null;
  let cacheRevision = -1;
  const all = async (): Promise<Municipality[]> => {
    if (!cache || cacheRevision !== changes.revision) {
      const revision = changes.revision;
      cache = (await repo.listAll()).map(({ searchKey: _s, ...m }) => m);
      cacheRevision = revision;
    }
    return cache;
  };
  return {
    /** Loads the 290 municipalities and 21 regions (idempotent). */
    async ensureReference(): Promise<void> {
      if ((await repo.count()) !== MUNICIPALITIES.length) await repo.upsertAll(MUNICIPALITIES);
      cache = null;
      changes.bump();
    },
    async searchMunicipalities({ q, limit = 20, kind }: { q: string; limit?: number; kind?: 'kommun' | 'region' }): Promise<Municipality[]> {
      const places = (await all()).filter((m) => !kind || m.kind === kind);
      return searchPlaces(places, q, limit);
    },
    async getMunicipality({ code }: { code: string }): Promise<Municipality> {
      const m = (await all()).find((x) => x.code === code);
      if (!m) throw notFound(`Det finns ingen kommun eller region med koden ${code}.`);
      return m;
    },
    listMunicipalities: all,
  };
}
export type MunicipalityService = ReturnType<typeof createMunicipalityService>;
