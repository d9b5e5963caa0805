/**
 * Finding good examples: what evaluators named as good examples, strengths, and the narratives of
 * the best-scored subareas, across published evaluations. Pure ranking and matching.
 */
import type { AreaText } from './evaluation.ts';
import type { FrameworkDef } from './framework.ts';
import { foldName } from './municipality-search.ts';
import type { EvaluationScore } from './scoring.ts';

export type ExampleKind = 'good-example' | 'strength' | 'narrative';

export interface ExampleSource {
  evaluationId: string;
  municipality: { code: string; name: string };
  year: number;
  framework: FrameworkDef;
  score: EvaluationScore;
  areas: readonly AreaText[];
}

export interface GoodExampleHit {
  kind: ExampleKind;
  evaluationId: string;
  municipality: { code: string; name: string };
  year: number;
  frameworkId: string;
  areaNumber: number;
  areaTitle: string;
  subareaId: string | null;
  subareaTitle: string | null;
  /** The municipality named as a good example (good-example kind), when it is another one. */
  example: { code: string | null; name: string } | null;
  text: string;
  /** Percent achieved in the subarea (or the area for strengths), for ranking; null when unknown. */
  percent: number | null;
}

export interface GoodExampleQuery {
  q?: string | undefined;
  areaNumber?: number | undefined;
  subareaId?: string | undefined;
  kinds?: readonly ExampleKind[] | undefined;
}

const KIND_ORDER: Record<ExampleKind, number> = { 'good-example': 0, narrative: 1, strength: 2 };

/** Narratives are long; a hit shows the start, cut at a word. */
export function excerpt(text: string, max = 400): string {
  const plain = text.replace(/[*_#>`]+/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))} …`;
}

export function findGoodExamples(sources: readonly ExampleSource[], query: GoodExampleQuery): GoodExampleHit[] {
  const words = query.q ? foldName(query.q).split(' ').filter(Boolean) : [];
  const kinds = new Set(query.kinds ?? (['good-example', 'strength', 'narrative'] as const));
  const area = query.subareaId ? Number(query.subareaId.split('.')[0]) : query.areaNumber;
  const hits: GoodExampleHit[] = [];
  for (const src of sources) {
    for (const a of src.areas) {
      if (area !== undefined && a.number !== area) continue;
      const areaDef = src.framework.areas.find((x) => x.number === a.number);
      const areaResult = src.score.areas.find((x) => x.number === a.number);
      if (!areaDef || !areaResult) continue;
      const base = { evaluationId: src.evaluationId, municipality: src.municipality, year: src.year, frameworkId: src.framework.id, areaNumber: a.number, areaTitle: areaDef.title };
      const subarea = (id: string | null) => {
        const def = id ? areaDef.subareas.find((s) => s.id === id) : undefined;
        const res = id ? areaResult.subareas.find((s) => s.id === id) : undefined;
        return { subareaId: def ? def.id : null, subareaTitle: def ? def.title : null, percent: res ? res.percent : areaResult.percent };
      };
      if (kinds.has('good-example')) {
        for (const g of a.goodExamples) {
          if (query.subareaId && g.subareaId !== query.subareaId) continue;
          hits.push({ ...base, ...subarea(g.subareaId), kind: 'good-example', example: { code: g.municipalityCode, name: g.name }, text: g.text });
        }
      }
      if (kinds.has('narrative')) {
        for (const [id, text] of Object.entries(a.narratives)) {
          if (query.subareaId && id !== query.subareaId) continue;
          if (!text.trim()) continue;
          hits.push({ ...base, ...subarea(id), kind: 'narrative', example: null, text: excerpt(text) });
        }
      }
      if (kinds.has('strength') && !query.subareaId) {
        for (const text of a.strengths) hits.push({ ...base, ...subarea(null), kind: 'strength', example: null, text });
      }
    }
  }
  const matches = (h: GoodExampleHit): boolean => {
    if (words.length === 0) return true;
    const hay = foldName(`${h.text} ${h.example?.name ?? ''} ${h.subareaTitle ?? ''} ${h.municipality.name}`);
    return words.every((w) => hay.includes(w));
  };
  return hits
    .filter(matches)
    .sort((x, y) => (y.percent ?? -1) - (x.percent ?? -1) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || y.year - x.year || x.municipality.name.localeCompare(y.municipality.name, 'sv'));
}
