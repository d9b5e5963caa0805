/**
 * Concordance between framework versions: which area or subarea of one version corresponds to which of
 * another. Kept as data (an administrator edits it); areas are never paired by their numbers across
 * versions (2010's area 2 "Tillgänglighet och brukarorientering" is 2020's area 5 "Brukarens fokus").
 * Where two versions have no concordance, comparisons show totals only, with a caveat.
 */
import type { FrameworkDef, FrameworkIssue } from './framework.ts';
import { clean } from './scoring.ts';

/** `same`: the titles and content correspond; `partial`: overlapping content, compare with care. */
export const CONCORDANCE_RELATIONS = ['same', 'partial'] as const;
export type ConcordanceRelation = (typeof CONCORDANCE_RELATIONS)[number];

export interface ConcordancePair {
  level: 'area' | 'subarea';
  /** Area number ("2") or subarea id ("2.3") in the `from` version. */
  from: string;
  /** Area number or subarea id in the `to` version. */
  to: string;
  relation: ConcordanceRelation;
  note?: string | undefined;
}

export interface Concordance {
  fromFrameworkId: string;
  toFrameworkId: string;
  pairs: ConcordancePair[];
}

const keysOf = (fw: FrameworkDef, level: ConcordancePair['level']): Set<string> =>
  new Set(level === 'area' ? fw.areas.map((a) => String(a.number)) : fw.areas.flatMap((a) => a.subareas.map((s) => s.id)));

/** Every problem with a concordance between two versions (Swedish messages); empty when valid. */
export function validateConcordance(from: FrameworkDef, to: FrameworkDef, pairs: readonly ConcordancePair[]): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  if (from.id === to.id) issues.push({ path: 'toFrameworkId', message: `En konkordans gäller mellan två olika versioner, inte ${from.id} med sig själv.` });
  const used = { from: new Set<string>(), to: new Set<string>() };
  pairs.forEach((p, i) => {
    const path = `pairs[${i}]`;
    const what = p.level === 'area' ? 'Område' : 'Delområde';
    if (!keysOf(from, p.level).has(p.from)) issues.push({ path: `${path}.from`, message: `${what} ${p.from} finns inte i ${from.name}.` });
    if (!keysOf(to, p.level).has(p.to)) issues.push({ path: `${path}.to`, message: `${what} ${p.to} finns inte i ${to.name}.` });
    const fk = `${p.level}:${p.from}`;
    const tk = `${p.level}:${p.to}`;
    if (used.from.has(fk)) issues.push({ path: `${path}.from`, message: `${what} ${p.from} i ${from.name} har redan en motsvarighet; ett ${what.toLowerCase()} kan bara paras med ett.` });
    if (used.to.has(tk)) issues.push({ path: `${path}.to`, message: `${what} ${p.to} i ${to.name} har redan en motsvarighet; ett ${what.toLowerCase()} kan bara paras med ett.` });
    used.from.add(fk);
    used.to.add(tk);
  });
  return issues;
}

/** The pairs of a stored concordance seen from `fromId` to `toId` (reversed when stored the other way); null when it covers other versions. */
export function orientConcordance(c: Concordance, fromId: string, toId: string): ConcordancePair[] | null {
  if (c.fromFrameworkId === fromId && c.toFrameworkId === toId) return c.pairs;
  if (c.fromFrameworkId === toId && c.toFrameworkId === fromId) return c.pairs.map((p) => ({ ...p, from: p.to, to: p.from }));
  return null;
}

/** Area number in `from` → its counterpart in `to` (only areas the concordance pairs). */
export function areaCounterparts(pairs: readonly ConcordancePair[]): Map<number, { area: number; relation: ConcordanceRelation }> {
  return new Map(pairs.filter((p) => p.level === 'area').map((p) => [Number(p.from), { area: Number(p.to), relation: p.relation }]));
}

// ---------- comparing evaluations, possibly of different versions ----------

export interface ComparedEvaluation {
  evaluationId: string;
  frameworkId: string;
  total: number | null;
  max: number;
  areas: ReadonlyArray<{ number: number; title: string; score: number | null }>;
}

export type ComparisonMode = 'same-version' | 'concordance' | 'totals-only';

export interface ComparisonCell {
  evaluationId: string;
  frameworkId: string;
  /** The counterpart area in this evaluation's version; null when the concordance has none. */
  area: number | null;
  title: string | null;
  score: number | null;
  /** `identical` within one version; the concordance's relation across versions. */
  relation: 'identical' | ConcordanceRelation | null;
}

export interface ComparisonRow {
  /** Area of the reference version (the first evaluation's). */
  area: number;
  title: string;
  cells: ComparisonCell[];
}

export interface Comparison {
  mode: ComparisonMode;
  referenceFrameworkId: string;
  /** Versions compared with the reference that have no concordance with it (totals only). */
  missingConcordances: Array<{ fromFrameworkId: string; toFrameworkId: string }>;
  /** Area rows; empty in `totals-only` mode (areas are not compared without a concordance). */
  rows: ComparisonRow[];
  totals: Array<{ evaluationId: string; frameworkId: string; total: number | null; max: number; percent: number | null }>;
}

/**
 * Compares evaluations area by area. One version: areas by number. Several: the reference version's
 * areas (the first evaluation's) against their counterparts through the concordance, never by number;
 * when any version has no concordance with the reference, only totals are compared (as percent of max,
 * since versions may differ in maximum).
 */
export function compareEvaluations(items: readonly ComparedEvaluation[], pairsFor: (fromId: string, toId: string) => ConcordancePair[] | null): Comparison {
  const ref = items[0];
  const totals = items.map((e) => ({
    evaluationId: e.evaluationId,
    frameworkId: e.frameworkId,
    total: e.total,
    max: e.max,
    percent: e.total === null || e.max <= 0 ? null : clean((e.total / e.max) * 100),
  }));
  if (!ref) return { mode: 'same-version', referenceFrameworkId: '', missingConcordances: [], rows: [], totals };
  const versions = [...new Set(items.map((e) => e.frameworkId))].filter((v) => v !== ref.frameworkId);
  const maps = new Map(versions.map((v) => [v, pairsFor(ref.frameworkId, v)]));
  const missing = versions.filter((v) => {
    const pairs = maps.get(v);
    return !pairs || !pairs.some((p) => p.level === 'area');
  });
  const mode: ComparisonMode = versions.length === 0 ? 'same-version' : missing.length > 0 ? 'totals-only' : 'concordance';
  const missingConcordances = missing.map((v) => ({ fromFrameworkId: ref.frameworkId, toFrameworkId: v }));
  if (mode === 'totals-only') return { mode, referenceFrameworkId: ref.frameworkId, missingConcordances, rows: [], totals };
  const rows = ref.areas.map((a) => ({
    area: a.number,
    title: a.title,
    cells: items.map((e): ComparisonCell => {
      const counterpart = e.frameworkId === ref.frameworkId ? { area: a.number, relation: 'identical' as const } : areaCounterparts(maps.get(e.frameworkId) ?? []).get(a.number);
      const area = counterpart ? e.areas.find((x) => x.number === counterpart.area) : undefined;
      return {
        evaluationId: e.evaluationId,
        frameworkId: e.frameworkId,
        area: area?.number ?? null,
        title: area?.title ?? null,
        score: area?.score ?? null,
        relation: area && counterpart ? counterpart.relation : null,
      };
    }),
  }));
  return { mode, referenceFrameworkId: ref.frameworkId, missingConcordances, rows, totals };
}
