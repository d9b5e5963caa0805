/**
 * A municipality's indicators: goals (target value and date, tied to plan items), measured values by hand,
 * CSV or Kolada JSON. A file is read completely before anything is written, and written in one transaction.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { parseIndicatorFile, type Gender } from '../domain/indicator-file.ts';
import { canReadAllIndicators, canViewIndicator, canViewIndicators, canViewIndicatorTarget, editIndicatorsRefusal, type PublishedItems } from '../policies/action-plan.policy.ts';
import type { IndicatorWithData } from '../repositories/indicator.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import { foldName } from '../domain/text.ts';

export interface IndicatorView {
  id: string;
  municipalityCode: string;
  kpi: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: { period: number; value: number } | null;
  demo: boolean;
  values: Array<{ period: number; value: number | null; gender: Gender; status: string; source: string }>;
  targets: Array<{ id: string; label: string; period: number; date: string | null; value: number; planItemId: string | null }>;
}

export interface IndicatorInput {
  kpi?: string | undefined;
  name: string;
  unit?: string | undefined;
  direction?: 'higher' | 'lower' | undefined;
  baselineValue?: number | null | undefined;
  baselinePeriod?: number | null | undefined;
}

export interface TargetInput {
  label?: string | undefined;
  period: number;
  date?: string | null | undefined;
  value: number;
  planItemId?: string | null | undefined;
}

export interface ImportResult {
  format: 'kolada' | 'csv';
  indicators: number;
  created: number;
  values: number;
  municipalities: string[];
}

function viewOf(i: IndicatorWithData): IndicatorView {
  return {
    id: i.id,
    municipalityCode: i.municipalityCode,
    kpi: i.kpi,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    baseline: i.baselineValue !== null && i.baselinePeriod !== null ? { period: i.baselinePeriod, value: i.baselineValue } : null,
    demo: i.demo,
    values: i.values.map((v) => ({ period: v.period, value: v.value, gender: v.gender, status: v.status, source: v.source })),
    targets: i.targets.map((t) => ({ id: t.id, label: t.label, period: t.period, date: t.targetDate, value: t.value, planItemId: t.planItemId })),
  };
}

const refuse = (viewer: Viewer, message: string): DomainError => new DomainError(viewer.role === 'public' ? 'unauthorized' : 'forbidden', message);
const ownKpi = (name: string): string => `EGEN-${foldName(name, { separator: '-' }).slice(0, 30).toUpperCase() || 'INDIKATOR'}`;

export function createIndicatorService(deps: { db: Db; audit: AuditService; municipalities: MunicipalityService; repositories: Pick<Repositories, 'indicators' | 'actionPlans'> }) {
  const { db, audit, municipalities } = deps;
  const repo = deps.repositories.indicators;

  const mustEdit = (viewer: Viewer, code: string): void => {
    const refusal = editIndicatorsRefusal(viewer, code);
    if (refusal) throw refuse(viewer, refusal);
  };
  /** What the viewer may see of the municipality's indicators (404 when nothing); throws when not allowed at all. */
  const mustSeeMunicipality = async (viewer: Viewer, code: string): Promise<PublishedItems> => {
    await municipalities.getMunicipality({ code });
    if (canReadAllIndicators(viewer, code)) return { municipalityCode: code, publishedItemIds: new Set() };
    const publishedItemIds = await deps.repositories.actionPlans.publishedItemIds(code);
    if (!canViewIndicators(viewer, { municipalityCode: code, hasPublishedPlan: await deps.repositories.actionPlans.hasPublished(code) })) {
      throw notFound(`Kommun ${code} har inga indikatorer som du kan se.`);
    }
    return { municipalityCode: code, publishedItemIds };
  };
  /** The indicator as the viewer may see it: for the public only targets tied to published items; null when none is. */
  const visiblePart = (viewer: Viewer, row: IndicatorWithData, published: PublishedItems): IndicatorWithData | null => {
    if (!canViewIndicator(viewer, row, published)) return null;
    return { ...row, targets: row.targets.filter((t) => canViewIndicatorTarget(viewer, t, published)) };
  };
  const mustGet = async (id: string, viewer: Viewer): Promise<IndicatorWithData> => {
    const row = await repo.get(id);
    if (!row) throw notFound(`Indikatorn ${id} finns inte.`);
    const published = await mustSeeMunicipality(viewer, row.municipalityCode).catch(() => {
      throw notFound(`Indikatorn ${id} finns inte.`);
    });
    const part = visiblePart(viewer, row, published);
    if (!part) throw notFound(`Indikatorn ${id} finns inte.`);
    return part;
  };

  const service = {
    async listIndicators({ municipalityCode, viewer }: { municipalityCode: string; viewer: Viewer }): Promise<IndicatorView[]> {
      const published = await mustSeeMunicipality(viewer, municipalityCode);
      return (await repo.listByMunicipality(municipalityCode)).flatMap((row) => {
        const part = visiblePart(viewer, row, published);
        return part ? [viewOf(part)] : [];
      });
    },

    async getIndicator({ id, viewer }: { id: string; viewer: Viewer }): Promise<IndicatorView> {
      return viewOf(await mustGet(id, viewer));
    },

    async createIndicator({ municipalityCode, input, viewer, demo = false }: { municipalityCode: string; input: IndicatorInput; viewer: Viewer; demo?: boolean }): Promise<IndicatorView> {
      await municipalities.getMunicipality({ code: municipalityCode });
      mustEdit(viewer, municipalityCode);
      const kpi = input.kpi?.trim() || ownKpi(input.name);
      if (await repo.findByKpi(municipalityCode, kpi)) throw new DomainError('duplicate', `Kommunen har redan en indikator med id ${kpi}.`, [{ path: 'kpi', message: `${kpi} finns redan` }]);
      const id = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const row = await repo.insert(
          { municipalityCode, kpi, name: input.name, unit: input.unit ?? '', direction: input.direction ?? 'higher', baselineValue: input.baselineValue ?? null, baselinePeriod: input.baselinePeriod ?? null, demo },
          t,
        );
        await audit.record({ viewer, entity: 'indicator', entityId: row.id, action: 'create', change: { before: null, after: { kpi, name: input.name, municipalityCode } } }, t);
        return row.id;
      });
      return service.getIndicator({ id, viewer });
    },

    async updateIndicator({ id, patch, viewer }: { id: string; patch: Partial<IndicatorInput>; viewer: Viewer }): Promise<IndicatorView> {
      const row = await mustGet(id, viewer);
      mustEdit(viewer, row.municipalityCode);
      const clean = Object.fromEntries(Object.entries({ name: patch.name, unit: patch.unit, direction: patch.direction, baselineValue: patch.baselineValue, baselinePeriod: patch.baselinePeriod }).filter(([, v]) => v !== undefined));
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await repo.update(id, clean, t);
        const before = Object.fromEntries(Object.keys(clean).map((k) => [k, (row as unknown as Record<string, unknown>)[k] ?? null]));
        await audit.record({ viewer, entity: 'indicator', entityId: id, action: 'update', change: { before, after: clean } }, t);
      });
      return service.getIndicator({ id, viewer });
    },

    /** A value measured for a period (year), recorded by hand. */
    async recordValue({ id, period, value, gender = 'T', viewer }: { id: string; period: number; value: number | null; gender?: Gender; viewer: Viewer }): Promise<IndicatorView> {
      const row = await mustGet(id, viewer);
      mustEdit(viewer, row.municipalityCode);
      const old = row.values.find((v) => v.period === period && v.gender === gender);
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await repo.upsertValues([{ indicatorId: id, period, gender, value, status: '', source: 'manual' }], t);
        await audit.record({ viewer, entity: 'indicator', entityId: id, action: 'record_value', change: { before: old ? { period, gender, value: old.value } : null, after: { period, gender, value } } }, t);
      });
      return service.getIndicator({ id, viewer });
    },

    /** A goal on the indicator: target value by a period and date, optionally tied to an item of one of the municipality's plans. */
    async addTarget({ id, target, viewer }: { id: string; target: TargetInput; viewer: Viewer }): Promise<IndicatorView> {
      const row = await mustGet(id, viewer);
      mustEdit(viewer, row.municipalityCode);
      if (target.planItemId) {
        const plans = await deps.repositories.actionPlans.listByMunicipality(row.municipalityCode);
        if (!plans.some((p) => p.items.some((i) => i.id === target.planItemId))) {
          throw new DomainError('validation', 'Åtgärdspunkten finns inte i någon av kommunens handlingsplaner.', [{ path: 'planItemId', message: `okänd åtgärdspunkt ${target.planItemId}` }]);
        }
      }
      if (target.date && Number(target.date.slice(0, 4)) !== target.period) {
        throw new DomainError('validation', `Måldatumet ${target.date} ligger inte i målåret ${target.period}.`, [{ path: 'date', message: 'datum och år stämmer inte' }]);
      }
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const created = await repo.insertTarget({ indicatorId: id, label: target.label ?? '', period: target.period, targetDate: target.date ?? `${target.period}-12-31`, value: target.value, planItemId: target.planItemId ?? null }, t);
        await audit.record({ viewer, entity: 'indicator', entityId: id, action: 'add_target', change: { before: null, after: { targetId: created.id, period: target.period, value: target.value, label: created.label, planItemId: created.planItemId } } }, t);
      });
      return service.getIndicator({ id, viewer });
    },

    async deleteTarget({ id, targetId, viewer }: { id: string; targetId: string; viewer: Viewer }): Promise<IndicatorView> {
      const row = await mustGet(id, viewer);
      mustEdit(viewer, row.municipalityCode);
      const target = row.targets.find((t) => t.id === targetId);
      if (!target) throw notFound(`Målet ${targetId} finns inte på indikatorn.`);
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await repo.deleteTarget(targetId, t);
        await audit.record({ viewer, entity: 'indicator', entityId: id, action: 'delete_target', change: { before: { targetId, period: target.period, value: target.value, label: target.label }, after: null } }, t);
      });
      return service.getIndicator({ id, viewer });
    },

    /**
     * Imports a Kolada JSON or CSV file. Rows name their municipality (Kolada always; CSV in the optional column,
     * else `municipalityCode`, else the viewer's). Any error → nothing written, every problem listed with its line.
     */
    async importFile({ fileName, bytes, municipalityCode, viewer, demo = false }: { fileName: string; bytes: Uint8Array; municipalityCode?: string | undefined; viewer: Viewer; demo?: boolean }): Promise<ImportResult> {
      if (viewer.role === 'public') throw refuse(viewer, 'Du måste logga in för att importera indikatorvärden.');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new DomainError('unsupported', `Filen "${fileName}" är inte text i UTF-8. Ladda upp Kolada-JSON eller CSV sparad som UTF-8.`);
      }
      const parsed = parseIndicatorFile(fileName, text);
      if (!parsed.ok) {
        const first = parsed.errors[0];
        const code = parsed.format === 'unknown' ? 'unsupported' : 'rule_violation';
        throw new DomainError(code, `Filen "${fileName}" kan inte importeras${parsed.errors.length > 1 ? ` (${parsed.errors.length} fel)` : ''}: ${first?.message ?? ''}`, parsed.errors.map((e) => ({ path: e.path ?? '', message: e.message })), { lines: parsed.errors.map((e) => e.line) });
      }
      const fallback = municipalityCode ?? viewer.municipalityCode ?? null;
      const rows = parsed.rows.map((r) => ({ ...r, municipality: r.municipality ?? fallback }));
      const unknownPlace = rows.find((r) => r.municipality === null);
      if (unknownPlace) throw new DomainError('rule_violation', `Rad ${unknownPlace.line}: filen säger inte vilken kommun värdet gäller. Lägg till kolumnen kommunkod eller välj kommun.`, [{ path: `rad ${unknownPlace.line}`, message: 'kommun saknas' }]);
      const codes = [...new Set(rows.map((r) => r.municipality as string))];
      for (const code of codes) {
        try {
          await municipalities.getMunicipality({ code });
        } catch {
          const line = rows.find((r) => r.municipality === code)?.line ?? 1;
          throw new DomainError('rule_violation', `Rad ${line}: kommunkoden ${code} finns inte.`, [{ path: `rad ${line}`, message: `okänd kommun ${code}` }]);
        }
        const refusal = editIndicatorsRefusal(viewer, code);
        if (refusal) {
          const line = rows.find((r) => r.municipality === code)?.line ?? 1;
          throw refuse(viewer, `Rad ${line}: ${refusal}`);
        }
      }
      const source = parsed.format === 'kolada' ? 'kolada' : 'csv';
      return db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        let created = 0;
        const ids = new Map<string, string>();
        for (const r of rows) {
          const key = `${r.municipality}|${r.kpi}`;
          if (ids.has(key)) continue;
          const existing = await repo.findByKpi(r.municipality as string, r.kpi, t);
          if (existing) ids.set(key, existing.id);
          else {
            const row = await repo.insert({ municipalityCode: r.municipality as string, kpi: r.kpi, name: r.name ?? r.kpi, demo }, t);
            created += 1;
            ids.set(key, row.id);
          }
        }
        await repo.upsertValues(
          rows.map((r) => ({ indicatorId: ids.get(`${r.municipality}|${r.kpi}`) as string, period: r.period, gender: r.gender, value: r.value, status: r.status, source })),
          t,
        );
        for (const [key, indicatorId] of ids) {
          const mine = rows.filter((r) => `${r.municipality}|${r.kpi}` === key);
          await audit.record({ viewer, entity: 'indicator', entityId: indicatorId, action: 'import', change: { before: null, after: { fileName, format: parsed.format, values: mine.length, periods: [...new Set(mine.map((r) => r.period))].sort() } } }, t);
        }
        return { format: parsed.format, indicators: ids.size, created, values: rows.length, municipalities: codes };
      });
    },

    repository: repo,
  };
  return service;
}
export type IndicatorService = ReturnType<typeof createIndicatorService>;
