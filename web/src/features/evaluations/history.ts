/**
 * Turns audit records (before/after of what changed, src/domain/audit.ts) into short readable lines:
 * "Poäng 1.2: 8 → 9,5". Pure; the component renders the lines.
 */
import type { MessageKey } from '../../i18n/sv.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import type { Formatters } from '../../lib/format.ts';
import type { HistoryEntry } from './api/workflow.ts';

export interface ChangeLine {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
  /** An evaluation the value refers to (corrections). */
  evaluationId?: string;
}

const MAX_TEXT = 90;

const FACT_LABELS: Record<string, MessageKey> = {
  year: 'edit.field.year',
  month: 'edit.field.month',
  reportDate: 'edit.field.reportDate',
  ordinal: 'edit.field.ordinal',
  interviews: 'edit.field.interviews',
  interviewsApprox: 'edit.field.interviewsApprox',
  statedTotal: 'edit.field.statedTotal',
  summary: 'edit.field.summary',
  evaluators: 'edit.field.evaluators',
  status: 'edit.field.status',
  keyFacts: 'history.field.keyFacts',
  periodStart: 'history.field.periodStart',
  periodEnd: 'history.field.periodEnd',
  source: 'history.field.source',
  assignments: 'history.field.assignments',
  supersededById: 'history.field.supersededById',
  supersedesId: 'history.field.supersedesId',
  correctionId: 'history.field.correctionId',
  frameworkId: 'history.field.frameworkId',
};

const AREA_FIELD_LABELS: Record<string, MessageKey> = {
  summary: 'history.field.summary',
  narratives: 'history.field.narratives',
  strengths: 'history.field.strengths',
  improvements: 'history.field.improvements',
  goodExamples: 'history.field.goodExamples',
  statedScore: 'history.field.statedScore',
};

const STATUS_KEYS: Record<string, MessageKey> = { draft: 'status.draft', review: 'status.review', published: 'status.published' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

function itemText(v: unknown, t: TFunction): string {
  if (isRecord(v)) {
    if (typeof v.name === 'string') return v.name + (v.isLead === true ? ` (${t('history.lead')})` : '');
    if (typeof v.label === 'string') return `${v.label}${typeof v.value === 'string' ? `: ${v.value}` : ''}`;
    if (typeof v.text === 'string') return v.text;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function valueText(v: unknown, t: TFunction, f: Formatters, key = ''): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (key === 'status' && typeof v === 'string' && STATUS_KEYS[v]) return t(STATUS_KEYS[v]);
  if (typeof v === 'number') return f.number(v);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'string') return shorten(v);
  if (Array.isArray(v)) return v.length === 0 ? null : shorten(v.map((x) => itemText(x, t)).join('; '));
  return shorten(JSON.stringify(v));
}

/** The readable lines of one record; empty for records whose action says it all (created, deleted). */
export function changeLines(entry: HistoryEntry, t: TFunction, f: Formatters): ChangeLine[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.action === 'create' || entry.action === 'delete') return [];
  if (entry.action === 'comment') {
    return typeof after.body === 'string' ? [{ key: 'body', label: t('history.action.comment'), before: null, after: shorten(after.body) }] : [];
  }
  const lines: ChangeLine[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'version' && k !== 'commentId');
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    if (key === 'scores' && (isRecord(b) || isRecord(a))) {
      const sb = isRecord(b) ? b : {};
      const sa = isRecord(a) ? a : {};
      const ids = [...new Set([...Object.keys(sb), ...Object.keys(sa)])].sort((x, y) => x.localeCompare(y, 'sv', { numeric: true }));
      for (const id of ids) lines.push({ key: `scores.${id}`, label: t('history.field.scores', { id }), before: valueText(sb[id], t, f), after: valueText(sa[id], t, f) });
      continue;
    }
    if (key === 'areas' && (isRecord(b) || isRecord(a))) {
      const ab = isRecord(b) ? b : {};
      const aa = isRecord(a) ? a : {};
      const numbers = [...new Set([...Object.keys(ab), ...Object.keys(aa)])].sort((x, y) => Number(x) - Number(y));
      for (const n of numbers) {
        const fb = isRecord(ab[n]) ? ab[n] : {};
        const fa = isRecord(aa[n]) ? aa[n] : {};
        for (const field of [...new Set([...Object.keys(fb), ...Object.keys(fa)])]) {
          const fieldLabel = AREA_FIELD_LABELS[field] ? t(AREA_FIELD_LABELS[field]) : field;
          const vb = fb[field];
          const va = fa[field];
          if (field === 'narratives' && (isRecord(vb) || isRecord(va))) {
            const nb = isRecord(vb) ? vb : {};
            const na = isRecord(va) ? va : {};
            for (const sid of [...new Set([...Object.keys(nb), ...Object.keys(na)])].sort()) {
              if (same(nb[sid], na[sid])) continue;
              lines.push({ key: `areas.${n}.narratives.${sid}`, label: t('history.field.area', { n, field: `${fieldLabel} ${sid}` }), before: valueText(nb[sid], t, f), after: valueText(na[sid], t, f) });
            }
            continue;
          }
          lines.push({ key: `areas.${n}.${field}`, label: t('history.field.area', { n, field: fieldLabel }), before: valueText(vb, t, f), after: valueText(va, t, f) });
        }
      }
      continue;
    }
    const label = FACT_LABELS[key] ? t(FACT_LABELS[key]) : key;
    const line: ChangeLine = { key, label, before: valueText(b, t, f, key), after: valueText(a, t, f, key) };
    if ((key === 'supersededById' || key === 'supersedesId' || key === 'correctionId') && typeof a === 'string') line.evaluationId = a;
    lines.push(line);
  }
  return lines;
}

const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'history.action.create',
  set_scores: 'history.action.set_scores',
  update_facts: 'history.action.update_facts',
  change_status: 'history.action.change_status',
  superseded: 'history.action.superseded',
  correction_started: 'history.action.correction_started',
  correction_of: 'history.action.correction_of',
  assign: 'history.action.assign',
  comment: 'history.action.comment',
  delete: 'history.action.delete',
  change_framework: 'history.action.change_framework',
};

export function actionLabel(action: string, t: TFunction): string {
  const area = /^update_area_(\d)$/.exec(action);
  if (area) return t('history.action.update_area', { n: Number(area[1]) });
  const key = ACTION_KEYS[action];
  return key ? t(key) : action;
}
