/**
 * Report-back (återrapportering) view model: everything a board report prints, as plain strings and
 * tables, built from what the report-back stored. Pure; the DOCX and PDF renderers only lay it out.
 */
import { CADENCE_LABELS, ITEM_STATUS_LABELS, PRIORITY_LABELS, statusCounts, type ReportBackSnapshot } from '../domain/action-plan.ts';
import { formatNumber } from '../domain/scoring.ts';
import { formatDateSv } from './typography.ts';

export interface ReportBackInput {
  number: number;
  caseNumber: string;
  officer: string;
  reportDate: string;
  periodStart: string | null;
  periodEnd: string;
  decisionProposal: string[];
  summary: string;
  nextSteps: string;
  snapshot: ReportBackSnapshot;
}

export interface StatusRow {
  improvement: string;
  subarea: string;
  status: string;
  priority: string;
  comment: string;
  actions: Array<{ text: string; responsible: string; dates: string }>;
  changes: string[];
}

export interface IndicatorRowVm {
  name: string;
  latest: string;
  targets: string;
  assessment: string;
}

export interface ReportBackViewModel {
  meta: { title: string; subject: string; author: string; date: string; fileBase: string; keywords: string[] };
  kicker: string;
  title: string;
  demoNotice: string | null;
  facts: Array<{ label: string; value: string }>;
  decision: { heading: string; items: string[] };
  summary: { heading: string; paragraphs: string[] };
  background: { heading: string; paragraphs: string[] };
  status: { heading: string; intro: string; groups: Array<{ heading: string; rows: StatusRow[] }>; columns: string[] };
  indicators: {
    heading: string;
    intro: string;
    columns: string[];
    rows: IndicatorRowVm[];
    charts: Array<{ caption: string; alt: string; data: { name: string; unit: string; values: Array<{ period: number; value: number | null }>; targets: Array<{ label: string; period: number; value: number }> } }>;
  };
  nextSteps: { heading: string; paragraphs: string[] };
  labels: { chartMeasured: string; chartTarget: string; chartDescription: string };
}

const fmt = (v: number | null, unit = ''): string => (v === null ? '–' : `${formatNumber(v, 2)}${unit ? ` ${unit}` : ''}`);
const dateOr = (d: string | null): string => (d ? formatDateSv(d) : '–');

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** Whether the latest value meets the target, in words. */
export function targetAssessment(direction: 'higher' | 'lower', latest: { period: number; value: number | null } | null, target: { period: number; value: number }): string {
  if (!latest || latest.value === null) return 'inget mätvärde ännu';
  const met = direction === 'higher' ? latest.value >= target.value : latest.value <= target.value;
  const gap = Math.abs(target.value - latest.value);
  if (met) return `målet ${formatNumber(target.value)} är nått (${latest.period})`;
  return `${formatNumber(gap)} kvar till målet ${formatNumber(target.value)} (${direction === 'higher' ? 'högre' : 'lägre'} är bättre)`;
}

/** The default summary: counts per status and what changed since the previous report-back. */
export function defaultSummary(s: ReportBackSnapshot): string {
  const c = statusCounts(s.items);
  const changed = s.changes.filter((x) => x.changes.length > 0).length;
  const first = `Handlingsplanen har ${s.items.length} åtgärdspunkter: ${c.done} klara, ${c.ongoing} pågår, ${c.not_started} ej påbörjade och ${c.dropped} avbrutna.`;
  const since = s.previous
    ? ` Sedan återrapportering ${s.previous.number} (${formatDateSv(s.previous.reportDate)}) har ${changed} ${changed === 1 ? 'punkt' : 'punkter'} ändrats.`
    : ' Det här är planens första återrapportering.';
  return first + since;
}

/** The default next steps: open items with their next planned date, and when the next report-back is due. */
export function defaultNextSteps(s: ReportBackSnapshot): string {
  const open = s.items.filter((i) => i.status === 'not_started' || i.status === 'ongoing');
  const planned = open
    .flatMap((i) => i.actions.filter((a) => a.done === null && a.plannedDone).map((a) => ({ text: a.text, date: a.plannedDone as string })))
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 5);
  const parts = [`${open.length} ${open.length === 1 ? 'punkt är' : 'punkter är'} inte klara.`];
  if (planned.length) parts.push(`Närmast planerat: ${planned.map((p) => `${p.text} (${formatDateSv(p.date)})`).join('; ')}.`);
  parts.push(`Nästa återrapportering planeras till ${formatDateSv(s.nextDue)} (${CADENCE_LABELS[s.cadence]}).`);
  return parts.join(' ');
}

export function buildReportBackViewModel(input: ReportBackInput): ReportBackViewModel {
  const s = input.snapshot;
  const name = s.municipality.name;
  const title = `Återrapportering ${input.number} av handlingsplan efter Kommunkompassen – ${name}`;
  const total = s.evaluation.total === null ? 'okänd totalpoäng' : `${formatNumber(s.evaluation.total, 0)} av ${s.evaluation.max} poäng`;
  const changeOf = new Map(s.changes.map((c) => [c.itemId, c]));
  const byArea = new Map<number | null, typeof s.items>();
  for (const item of s.items) byArea.set(item.areaNumber, [...(byArea.get(item.areaNumber) ?? []), item]);
  const groups = [...byArea.entries()]
    .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
    .map(([area, items]) => {
      const score = area === null ? undefined : s.evaluation.areaScores[String(area)];
      const heading =
        area === null
          ? 'Övriga åtgärder'
          : `Område ${area} ${s.evaluation.areaTitles[String(area)] ?? ''}${score === undefined || score === null ? '' : ` – ${formatNumber(score, 0)} poäng`}`;
      return {
        heading: heading.replace(/\s+/g, ' ').trim(),
        rows: items.map((i) => ({
          improvement: i.improvement,
          subarea: i.subareaId ? `${i.subareaId} ${s.evaluation.subareaTitles[i.subareaId] ?? ''}`.trim() : '',
          status: ITEM_STATUS_LABELS[i.status] + (i.status === 'dropped' && i.droppedReason ? ` (${i.droppedReason})` : ''),
          priority: i.priority ? PRIORITY_LABELS[i.priority] : '',
          comment: i.comment,
          actions: i.actions.map((a) => ({
            text: a.text,
            responsible: [a.responsible, a.unit].filter(Boolean).join(', '),
            dates: `start ${dateOr(a.start)} · planerat klart ${dateOr(a.plannedDone)} · klart ${dateOr(a.done)}`,
          })),
          changes: changeOf.get(i.id)?.changes ?? [],
        })),
      };
    });
  const indicatorRows = s.indicators.map((ind) => {
    const known = ind.values.filter((v) => v.value !== null).sort((a, b) => a.period - b.period);
    const latest = known[known.length - 1] ?? null;
    return {
      name: `${ind.name}${ind.kpi && !ind.kpi.startsWith('EGEN-') ? ` (${ind.kpi})` : ''}`,
      latest: latest ? `${fmt(latest.value, ind.unit)} (${latest.period})` : '–',
      targets: ind.targets.map((t) => `${t.label ? `${t.label}: ` : ''}${fmt(t.value, ind.unit)} (${t.period})`).join('; ') || '–',
      assessment: ind.targets.map((t) => targetAssessment(ind.direction, latest, t)).join('; ') || 'inget mål satt',
    };
  });
  const charts = s.indicators
    .filter((ind) => ind.values.some((v) => v.value !== null))
    .map((ind) => ({
      caption: `${ind.name}: mätvärden och mål`,
      alt: `Linjediagram: ${ind.name}, ${ind.values.map((v) => `${v.period} ${fmt(v.value)}`).join(', ')}; mål ${ind.targets.map((t) => `${t.period} ${fmt(t.value)}`).join(', ') || 'inga'}.`,
      data: { name: ind.name, unit: ind.unit, values: ind.values, targets: ind.targets.map((t) => ({ label: t.label, period: t.period, value: t.value })) },
    }));
  const period = input.periodStart ? `${formatDateSv(input.periodStart)} – ${formatDateSv(input.periodEnd)}` : `till och med ${formatDateSv(input.periodEnd)}`;
  return {
    meta: {
      title,
      subject: `Uppföljning av Kommunkompassen ${s.evaluation.year} för ${name}`,
      author: input.officer || name,
      date: input.reportDate,
      fileBase: `aterrapportering-${input.number}-${s.municipality.code}-${s.evaluation.year}`,
      keywords: ['Kommunkompassen', 'handlingsplan', 'återrapportering', name],
    },
    kicker: 'Tjänsteutlåtande',
    title,
    demoNotice: s.demo ? 'Demo: planen och uppgifterna är exempel i kompass demodata, inte kommunens egna.' : null,
    facts: [
      { label: 'Diarienummer', value: input.caseNumber || '–' },
      { label: 'Handläggare', value: input.officer || '–' },
      { label: 'Datum', value: formatDateSv(input.reportDate) },
      { label: 'Period', value: period },
    ],
    decision: { heading: 'Förslag till beslut', items: input.decisionProposal },
    summary: { heading: 'Sammanfattning', paragraphs: paragraphsOf(input.summary || defaultSummary(s)) },
    background: {
      heading: 'Bakgrund',
      paragraphs: [
        `${name} utvärderades med Kommunkompassen ${s.evaluation.year} (${s.evaluation.frameworkName}) och fick ${total}. Utvärderingens förbättringsmöjligheter blev en handlingsplan med ${s.items.length} åtgärdspunkter, som följs upp ${CADENCE_LABELS[s.cadence]}.`,
        s.previous ? `Förra återrapporteringen var nummer ${s.previous.number}, ${formatDateSv(s.previous.reportDate)}. Ändringar sedan dess anges per punkt.` : 'Det här är den första återrapporteringen av planen.',
      ],
    },
    status: {
      heading: 'Åtgärdernas status',
      intro: s.previous ? `Status per åtgärdspunkt, grupperad per område med områdets poäng. Under ”Ändrat” står vad som ändrats sedan återrapportering ${s.previous.number}.` : 'Status per åtgärdspunkt, grupperad per område med områdets poäng.',
      columns: ['Förbättringsmöjlighet', 'Åtgärder och ansvariga', 'Status', 'Ändrat'],
      groups,
    },
    indicators: {
      heading: 'Indikatorer och mål',
      intro: indicatorRows.length ? 'Senaste mätvärde per indikator jämfört med målen.' : 'Inga indikatorer är kopplade till planen ännu.',
      columns: ['Indikator', 'Senaste värde', 'Mål', 'Bedömning'],
      rows: indicatorRows,
      charts,
    },
    nextSteps: { heading: 'Konsekvenser och nästa steg', paragraphs: paragraphsOf(input.nextSteps || defaultNextSteps(s)) },
    labels: { chartMeasured: 'Mätvärde', chartTarget: 'Mål', chartDescription: 'Linjediagram över' },
  };
}
