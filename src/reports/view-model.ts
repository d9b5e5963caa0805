/**
 * The report as plain data: what every renderer (Typst/PDF, DOCX, HTML) prints, already formatted
 * the Swedish way. Built by one pure function from the evaluation, its framework and its summary;
 * renderers hold layout only, so the figures are the same in every format and tested here once.
 */
import type { AreaBarData, RadarData } from '../charts/definitions.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import { localTitle, titleTableOf, type FrameworkDef } from '../domain/framework.ts';
import { formatPercent, formatPrintedPoints, percentOf } from '../domain/scoring.ts';
import type { EvaluationSummary } from '../services/evaluation.service.ts';
import { markdownToBlocks, plainToBlocks, type Block } from './markdown.ts';
import { REPORT_LABELS, REPORT_WORDING, type ReportLabels, type ReportLang, type ReportWording } from './report-language.ts';
import { swedishTypography } from './typography.ts';
import { foldName } from '../domain/text.ts';

export type { Block, Run } from './markdown.ts';
export { svReportLabels, type ReportLabels, type ReportLang } from './report-language.ts';

export interface ReportFact {
  label: string;
  value: string;
}

export interface ReportChart<T> {
  /** Input for the shared chart definition. */
  data: T;
  /** Alt text / caption for the chart. */
  alt: string;
  caption: string;
}

export interface ScoreRow {
  id: string;
  title: string;
  achieved: string;
  max: string;
  percent: string;
}

export interface ReportArea {
  number: number;
  heading: string;
  /** "64 poäng av 100" or "Poäng okänd". */
  scoreText: string;
  /** Subarea headings listed under the area heading, each with its printed score. */
  subareaList: Array<{ id: string; title: string; scoreText: string }>;
  introduction: Block[];
  summary: Block[];
  narratives: Array<{ id: string; heading: string; blocks: Block[] }>;
  strengths: string[];
  improvements: string[];
  goodExamples: Array<{ name: string; subarea: string | null; text: string }>;
}

export interface ScoreTable {
  number: number;
  heading: string;
  rows: ScoreRow[];
  total: ScoreRow;
}

export interface ComparisonRow {
  number: number;
  title: string;
  score: string;
  previous: string | null;
  average: string | null;
}

export interface ReportViewModel {
  /** The language of headings, labels and framework titles. */
  lang: ReportLang;
  /** The language the evaluation's own texts are written in (printed as written, marked with it). */
  textLang: 'sv';
  meta: {
    title: string;
    subject: string;
    author: string;
    keywords: string[];
    municipality: string;
    year: number;
    /** Document date (ISO): the report date, else the day of the last change. Keeps output reproducible. */
    date: string;
    /** File name without extension: "kommunkompassen-burlov-2020". */
    fileBase: string;
  };
  labels: ReportLabels;
  titlePage: {
    kicker: string;
    municipality: string;
    year: string;
    dateText: string | null;
    evaluators: string[];
    framework: string;
    statusWarning: string | null;
  };
  about: { heading: string; blocks: Block[] };
  summary: {
    heading: string;
    facts: ReportFact[];
    totalText: string;
    bar: ReportChart<Omit<AreaBarData, 'labels'>>;
    radar: ReportChart<Omit<RadarData, 'labels'>> | null;
    comparison: { heading: string; columns: string[]; rows: ComparisonRow[]; total: ComparisonRow } | null;
    notes: string[];
    commentsHeading: string;
    comments: Block[];
  };
  areasHeading: string;
  areas: ReportArea[];
  scoreOverview: { heading: string; tables: ScoreTable[]; grandTotal: ScoreRow; note: string };
  keyFacts: { heading: string; facts: ReportFact[] } | null;
}

export interface BuildReportInput {
  evaluation: Evaluation;
  framework: FrameworkDef;
  summary: EvaluationSummary;
  /** Municipality display name; defaults to evaluation.municipality.name. */
  municipality?: { name: string; code: string } | undefined;
  labels?: ReportLabels | undefined;
  /** Headings, labels and framework titles in this language (default Swedish); texts stay as written. */
  lang?: ReportLang | undefined;
}

const pts = (v: number | null): string => formatPrintedPoints(v);
const pct = (achieved: number | null, max: number | null): string =>
  achieved === null || max === null || max <= 0 ? '–' : formatPercent(percentOf(achieved, max));

const slug = (text: string): string => foldName(text, { separator: '-' });

function evaluatorLine(e: Evaluation['evaluators'][number], l: ReportLabels): string {
  const parts = [e.name.trim()];
  if (e.organisation.trim()) parts.push(e.organisation.trim());
  return `${parts.join(', ')}${e.isLead ? ` (${l.lead})` : ''}`;
}

function whenText(e: Evaluation, w: ReportWording): string {
  if (e.reportDate) return w.date(e.reportDate);
  if (e.month) return `${w.month(e.month)} ${e.year}`;
  return String(e.year);
}

/**
 * User text as a renderer may print it: CRLF and CR become LF, control characters other than LF and
 * TAB are dropped, lone UTF-16 surrogates become U+FFFD. Everything else (combining marks, bidi
 * marks, emoji, any script) is kept. A word longer than 40 characters gets a zero-width space
 * after every 40, so a line can break inside it (the PDF does not hyphenate such words).
 */
export function cleanReportText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[^\s\u200b]{40}(?=[^\s\u200b])/gu, '$&\u200b');
}

/** Applies `fn` to every string inside a JSON-like value (arrays and plain objects), keeping its shape. */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}

/** Builds the report's view model. Pure: same input, same output. Every string in it is cleaned (`cleanReportText`). */
export function buildReportViewModel(input: BuildReportInput): ReportViewModel {
  const raw = buildRawViewModel(input);
  const vm = mapStrings(raw, cleanReportText);
  // File name and date are built here from safe parts; they stay exactly as built.
  return { ...vm, meta: { ...vm.meta, fileBase: raw.meta.fileBase, date: raw.meta.date } };
}

function buildRawViewModel(input: BuildReportInput): ReportViewModel {
  const { evaluation: ev, summary: sum } = input;
  const lang = input.lang ?? 'sv';
  const l = input.labels ?? REPORT_LABELS[lang];
  const w = REPORT_WORDING[lang];
  // Area and subarea titles in the report language when the version has a translation (unofficial).
  const table = titleTableOf(input.framework, lang);
  const fw: FrameworkDef = table
    ? {
        ...input.framework,
        areas: input.framework.areas.map((a) => ({
          ...a,
          title: localTitle(table, a.number, a.title).text,
          subareas: a.subareas.map((s) => {
            const t = localTitle(table, s.id, s.title);
            if (t.lang === 'sv') return s;
            // The printed heading is Swedish wording of the same question: the translated title replaces it.
            const { heading: _swedishHeading, ...rest } = s;
            return { ...rest, title: t.text };
          }),
        })),
      }
    : input.framework;
  const municipality = input.municipality?.name ?? ev.municipality.name;
  const areasByNumber = new Map(ev.areas.map((a) => [a.number, a]));
  const scoreByNumber = new Map(sum.areas.map((a) => [a.number, a]));
  const fwAreas = [...fw.areas].sort((a, b) => a.number - b.number);
  const year = ev.year;
  const label = `${municipality} ${year}`;

  const evaluators = [...ev.evaluators].sort((a, b) => Number(b.isLead) - Number(a.isLead)).map((e) => evaluatorLine(e, l));
  const totalText =
    sum.total === null
      ? `${l.unknown} (${l.max.toLowerCase()} ${sum.max} ${l.points})`
      : `${pts(sum.total)} ${l.of} ${sum.max} ${l.points} (${formatPercent(percentOf(sum.total, sum.max))})`;

  // ---- summary facts ----
  const facts: ReportFact[] = [{ label: l.when, value: whenText(ev, w) }];
  if (ev.ordinal !== null) facts.push({ label: l.ordinal, value: w.ordinalSentence(ev.ordinal) });
  facts.push({
    label: l.interviews,
    value: ev.interviews === null ? l.unknown : `${ev.interviewsApprox ? `${l.approx} ` : ''}${ev.interviews}`,
  });
  facts.push({ label: l.evaluators, value: evaluators.length ? w.join(evaluators) : l.unknown });
  facts.push({ label: l.totalScore, value: totalText });
  facts.push({ label: l.framework, value: fw.name });

  // ---- charts ----
  const barData: Omit<AreaBarData, 'labels'> = {
    max: 100,
    areas: fwAreas.map((a) => ({ number: a.number, title: a.title, score: scoreByNumber.get(a.number)?.score ?? null })),
  };
  const barAlt = `${l.chart.barDescription}. ${barData.areas
    .map((a) => `${a.number} ${a.title}: ${a.score === null ? l.unknown : `${pts(a.score)} ${l.of} ${barData.max}`}`)
    .join('. ')}.`;

  const sameFrameworkPrevious = sum.previous !== null && sum.previous.sameFramework;
  const hasAverage = sum.average.count > 0;
  const notes: string[] = [];
  if (lang !== 'sv' && l.translationNote) notes.push(l.translationNote);
  if (sum.previous && !sum.previous.sameFramework) notes.push(`${l.differentFramework} (${sum.previous.year})`);
  if (fw.needsReview) notes.push(l.needsReviewNote);
  if (!hasAverage && !sameFrameworkPrevious) notes.push(l.noComparisonNote);

  const averageName = `${l.average} (${w.evaluations(sum.average.count)})`;
  const previousName = sum.previous ? `${municipality} ${sum.previous.year}` : '';
  const series: RadarData['series'] = [{ name: label, values: fwAreas.map((a) => scoreByNumber.get(a.number)?.score ?? null) }];
  if (hasAverage) series.push({ name: averageName, values: fwAreas.map((a) => scoreByNumber.get(a.number)?.average ?? null) });
  if (sameFrameworkPrevious) series.push({ name: previousName, values: fwAreas.map((a) => scoreByNumber.get(a.number)?.previous ?? null) });
  const radar: ReportViewModel['summary']['radar'] =
    series.length > 1
      ? {
          data: { indicators: fwAreas.map((a) => ({ name: `${a.number}. ${a.title}`, max: 100 })), series },
          caption: l.radarCaption,
          alt: `${l.chart.radarDescription}. ${series
            .map((s) => `${s.name}: ${s.values.map((v, i) => `${i + 1} ${v === null ? l.unknown : pts(v)}`).join(', ')}`)
            .join('. ')}.`,
        }
      : null;

  // ---- comparison table (same data as the radar, as numbers) ----
  const columns = [l.area, label];
  if (sum.previous) columns.push(previousName);
  if (hasAverage) columns.push(l.average);
  const comparison: ReportViewModel['summary']['comparison'] =
    sum.previous || hasAverage
      ? {
          heading: l.comparisonTable,
          columns,
          rows: fwAreas.map((a) => {
            const s = scoreByNumber.get(a.number);
            return {
              number: a.number,
              title: `${a.number}. ${a.title}`,
              score: pts(s?.score ?? null),
              previous: sum.previous ? pts(s?.previous ?? null) : null,
              average: hasAverage ? pts(s?.average ?? null) : null,
            };
          }),
          total: {
            number: 0,
            title: l.total,
            score: pts(sum.total),
            previous: sum.previous ? pts(sum.previous.total) : null,
            average: hasAverage ? pts(sum.average.total) : null,
          },
        }
      : null;

  // ---- areas ----
  const areas: ReportArea[] = fwAreas.map((a) => {
    const s = scoreByNumber.get(a.number);
    const text = areasByNumber.get(a.number);
    const score = s?.score ?? null;
    const subareaList = a.subareas.map((sd) => {
      const r = s?.subareas.find((x) => x.id === sd.id);
      const achieved = r?.achieved ?? null;
      return {
        id: sd.id,
        title: sd.heading ?? sd.title,
        scoreText: `${pts(achieved)} ${l.of} ${sd.max === null ? l.unknownShort : sd.max} ${l.points}`,
      };
    });
    const narratives = a.subareas.flatMap((sd) => {
      const md = text?.narratives[sd.id] ?? '';
      const blocks = markdownToBlocks(md);
      return blocks.length ? [{ id: sd.id, heading: `${sd.id} ${sd.heading ?? sd.title}`, blocks }] : [];
    });
    return {
      number: a.number,
      heading: `${l.area} ${a.number}. ${a.title}`,
      scoreText: score === null ? `${l.areaScoreCaption}: ${l.unknown}` : `${pts(score)} ${l.of} ${s?.max ?? 100} ${l.points}`,
      subareaList,
      introduction: plainToBlocks(a.introduction),
      summary: markdownToBlocks(text?.summary ?? ''),
      narratives,
      strengths: (text?.strengths ?? []).map((x) => swedishTypography(x.trim())).filter(Boolean),
      improvements: (text?.improvements ?? []).map((x) => swedishTypography(x.trim())).filter(Boolean),
      goodExamples: (text?.goodExamples ?? []).map((g) => ({
        name: swedishTypography(g.name),
        subarea: g.subareaId,
        text: swedishTypography(g.text),
      })),
    };
  });

  // ---- score overview ----
  const tables: ScoreTable[] = fwAreas.map((a) => {
    const s = scoreByNumber.get(a.number);
    const rows: ScoreRow[] = a.subareas.map((sd) => {
      const r = s?.subareas.find((x) => x.id === sd.id);
      const achieved = r?.achieved ?? null;
      return { id: sd.id, title: sd.title, achieved: pts(achieved), max: sd.max === null ? '–' : String(sd.max), percent: pct(achieved, sd.max) };
    });
    const score = s?.score ?? null;
    return {
      number: a.number,
      heading: `${a.number}. ${a.title}`,
      rows,
      total: { id: String(a.number), title: l.total, achieved: pts(score), max: String(s?.max ?? 100), percent: pct(score, s?.max ?? 100) },
    };
  });
  const grandTotal: ScoreRow = { id: 'total', title: l.totalScore, achieved: pts(sum.total), max: String(sum.max), percent: pct(sum.total, sum.max) };

  const keyFacts = ev.keyFacts.filter((f) => f.label.trim() && f.value.trim());
  const statusWarning = ev.status === 'draft' ? l.draftWarning : ev.status === 'review' ? l.reviewWarning : null;

  return {
    lang,
    textLang: 'sv',
    meta: {
      title: `${l.documentTitle} – ${municipality} ${year}`,
      subject: `${l.titlePageKicker}: ${municipality} ${year}`,
      author: ev.evaluators.map((e) => e.name).join(', '),
      keywords: ['Kommunkompassen', municipality, String(year), fw.name],
      municipality,
      year,
      date: ev.reportDate ?? ev.updatedAt.slice(0, 10),
      fileBase: `kommunkompassen-${slug(municipality)}-${year}${lang === 'sv' ? '' : `-${lang}`}`,
    },
    labels: l,
    titlePage: {
      kicker: l.titlePageKicker,
      municipality,
      year: String(year),
      dateText: ev.reportDate ? w.date(ev.reportDate) : null,
      evaluators,
      framework: fw.name,
      statusWarning,
    },
    about: { heading: l.about, blocks: plainToBlocks(fw.about) },
    summary: {
      heading: l.summary,
      facts,
      totalText,
      bar: { data: barData, alt: barAlt, caption: l.barCaption },
      radar,
      comparison,
      notes,
      commentsHeading: l.comments,
      comments: markdownToBlocks(ev.summary),
    },
    areasHeading: l.areasChapter,
    areas,
    scoreOverview: { heading: l.scoreOverview, tables, grandTotal, note: l.roundingNote },
    keyFacts: keyFacts.length ? { heading: l.keyFacts, facts: keyFacts.map((f) => ({ label: swedishTypography(f.label), value: swedishTypography(f.value) })) } : null,
  };
}
