/**
 * What an audit record stores: only what changed, before and after. Pure functions over plain data.
 */
import type { Evaluation } from './evaluation.ts';

export interface Change {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Fields that change on every write and say nothing about the content. */
const META = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'municipality']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The evaluation as recorded when it is created or deleted (content, no meta fields). */
export function evaluationSnapshot(e: Evaluation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([k]) => !META.has(k) || k === 'version'));
}

/**
 * The difference between two states of one evaluation: changed facts, changed subarea points
 * (missing = null) and changed fields of changed areas. `version` is kept on both sides.
 */
export function diffEvaluation(before: Evaluation, after: Evaluation): Change {
  const b: Record<string, unknown> = { version: before.version };
  const a: Record<string, unknown> = { version: after.version };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (META.has(key)) continue;
    const x = (before as unknown as Record<string, unknown>)[key];
    const y = (after as unknown as Record<string, unknown>)[key];
    if (same(x, y)) continue;
    if (key === 'scores') {
      const sb: Record<string, number | null> = {};
      const sa: Record<string, number | null> = {};
      for (const id of new Set([...Object.keys(before.scores), ...Object.keys(after.scores)])) {
        const p = before.scores[id] ?? null;
        const q = after.scores[id] ?? null;
        if (p !== q) {
          sb[id] = p;
          sa[id] = q;
        }
      }
      b.scores = sb;
      a.scores = sa;
    } else if (key === 'areas') {
      const ab: Record<string, Record<string, unknown>> = {};
      const aa: Record<string, Record<string, unknown>> = {};
      for (const area of after.areas) {
        const old = before.areas.find((o) => o.number === area.number);
        for (const [field, value] of Object.entries(area)) {
          if (field === 'number') continue;
          const prev = old ? (old as unknown as Record<string, unknown>)[field] : undefined;
          if (same(prev, value)) continue;
          (ab[area.number] ??= {})[field] = prev ?? null;
          (aa[area.number] ??= {})[field] = value;
        }
      }
      b.areas = ab;
      a.areas = aa;
    } else {
      b[key] = x ?? null;
      a[key] = y ?? null;
    }
  }
  return { before: b, after: a };
}

/** True when a change records nothing but the version. */
export function isEmptyChange(c: Change): boolean {
  const keys = (o: Record<string, unknown> | null) => Object.keys(o ?? {}).filter((k) => k !== 'version');
  return keys(c.before).length === 0 && keys(c.after).length === 0;
}
