/**
 * The importer: report text in, structured preview (and the data to save) out. Pure and synchronous;
 * text extraction from PDF/DOCX lives in extract.ts. Never throws on bad input: problems are listed and
 * `ok` is false when no evaluation was found.
 */
import { createHash } from 'node:crypto';
import { AREA_COUNT, AREA_NUMBERS, AREA_RANGE, TOTAL_MAX, type FrameworkDef } from '../domain/framework.ts';
import { percentOf } from '../domain/scoring.ts';
import { checkAreas, checkTotal } from './checks.ts';
import { recoverPoints } from './decimals.ts';
import { detectEvaluators, detectInterviews, detectOrdinal, detectWhen } from './facts.ts';
import { recognizeFramework } from './framework-detect.ts';
import { findGoodExamples } from './good-examples.ts';
import { findLists } from './lists.ts';
import { foldMunicipalityName } from '../domain/municipality-search.ts';
import { detectMunicipality, municipalityByFoldedName } from './municipality.ts';
import { normalizeText } from './normalize.ts';
import { findNarratives, findSections, readSectionHead, statedScoreInProse, type SectionBounds } from './sections.ts';
import { parseScoreTable, type ScoreTable } from './score-table.ts';
import { findEarlierTable, findStatedTotal, findSummary } from './summary.ts';
import { buildInputs } from './to-input.ts';
import type { ImportPreview, ImportProblem, ImportResult, PreviewArea, PreviewPart, PreviewSubarea } from './types.ts';
import { VOCABULARY } from './vocabulary.ts';

/** Longest text the importer reads (characters); a report is about 100 000. */
export const MAX_TEXT_CHARS = 3_000_000;

export interface ImportTextOptions {
  fileName: string;
  /** Known framework versions: the catalog plus versions registered earlier (derived ones included). */
  frameworks: readonly FrameworkDef[];
  /** Hash of the original file; defaults to a hash of the text. */
  sourceHash?: string;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function emptyPreview(fileName: string, sourceHash: string, problems: ImportProblem[]): ImportPreview {
  return {
    fileName,
    municipality: null,
    year: null,
    month: null,
    reportDate: null,
    ordinal: null,
    interviews: null,
    interviewsApprox: false,
    evaluators: [],
    framework: null,
    total: null,
    totalSource: null,
    areas: [],
    earlier: [],
    summary: '',
    found: [],
    parts: [],
    problems,
    sourceHash,
  };
}

export function refused(fileName: string, sourceHash: string, message: string, extra: ImportProblem[] = []): ImportResult {
  return { ok: false, preview: emptyPreview(fileName, sourceHash, [{ severity: 'error', code: 'refused', message }, ...extra]), input: null, earlierInputs: [], derivedFramework: null };
}

/** 1-based line and column of an offset in the text read. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 12) {
      line += 1;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** Where the score overview chapter starts (its heading just before the first table). */
function overviewStart(text: string, table: ScoreTable | null): number {
  if (!table) {
    const m = /(?:^|[\n\f])[ \t]{0,3}(?:\d\.?[ \t]{1,3})?Översikt av poängfördelning[ \t]*(?:\n|\f|$)/.exec(text);
    return m ? m.index : text.length;
  }
  const before = text.slice(Math.max(0, table.start - 1500), table.start);
  const re = /(?:\d\.?\s{1,3})?Översikt\s{1,3}av\s{1,3}poängfördelning/g;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before)) !== null) last = m.index;
  return last >= 0 ? table.start - before.length + last : table.start;
}

const LIST_WORDS = {
  strengths: VOCABULARY.strengths.join(', '),
  improvements: VOCABULARY.improvements.join(', '),
};

/**
 * Lists every part of the method's report as found or not, and adds a warning for each part that is
 * missing, saying where the importer looked: the preview is never silent about a lost part.
 */
function coverage(args: {
  text: string;
  areas: readonly PreviewArea[];
  sections: readonly SectionBounds[];
  table: ScoreTable | null;
  earlierFound: boolean;
  summary: string;
  evaluators: readonly unknown[];
  interviews: number | null;
  reportDate: string | null;
  ordinal: number | null;
  problems: ImportProblem[];
  framework: FrameworkDef | null;
}): PreviewPart[] {
  const { areas, sections, table, problems } = args;
  const parts: PreviewPart[] = [];
  const missing = (part: string, message: string, extra: Partial<ImportProblem> = {}, severity: ImportProblem['severity'] = 'warning'): void => {
    problems.push({ severity, code: 'missing-part', message, ...extra });
  };
  const facts = [args.interviews !== null, args.reportDate !== null, args.ordinal !== null].filter(Boolean).length;
  parts.push({ part: 'fakta', found: facts > 0, count: facts });
  if (args.interviews === null) missing('fakta', 'Antal intervjuer hittades inte (sökte i rapportens början efter "intervjuer med … personer").', {}, 'info');
  if (args.reportDate === null) missing('fakta', 'Rapportdatum hittades inte (sökte efter ett datum på titelsidan och i sidhuvudena).', {}, 'info');
  if (args.ordinal === null) missing('fakta', 'Vilken utvärdering i ordningen detta är hittades inte (sökte efter "kommunens andra/tredje … utvärdering").', {}, 'info');
  parts.push({ part: 'utvärderare', found: args.evaluators.length > 0, count: args.evaluators.length });
  if (args.evaluators.length === 0) missing('utvärderare', 'Utvärderarna hittades inte (sökte efter "Utvärderare" och efter namn och organisationer på titelsidan).');
  const tableRows = table?.areas.reduce((n, a) => n + a.rows.filter((r) => !r.numbersMissing).length, 0) ?? 0;
  parts.push({ part: 'poängtabell', found: tableRows > 0, count: tableRows });
  if (!table) {
    missing('poängtabell', `Poängtabellen hittades inte (sökte efter tabellrubriker som "1. Områdets namn ${VOCABULARY.achieved[0]} ${VOCABULARY.max[0]} ${VOCABULARY.percent[0]}", även med ${VOCABULARY.achieved.join('/')} och ${VOCABULARY.percent.join('/')}).`);
  }
  parts.push({ part: 'tidigare resultat', found: args.earlierFound });
  if (!args.earlierFound) missing('tidigare resultat', `Ingen tabell med tidigare resultat hittades (sökte i sammanfattningen efter år som kolumnrubriker följda av områdena ${AREA_RANGE}).`, {}, 'info');
  parts.push({ part: 'sammanfattning', found: args.summary.length > 0 });
  if (!args.summary) missing('sammanfattning', `De sammanfattande kommentarerna hittades inte (sökte efter rubriken ${VOCABULARY.summary.map((w) => `"${w}"`).join(' eller ')} före områdesavsnitten).`);
  const noExamples: number[] = [];
  for (const a of areas) {
    const n = a.number;
    const hasSection = sections.some((b) => b.number === n);
    parts.push({ part: 'områdesavsnitt', area: n, found: hasSection });
    if (!hasSection) {
      missing('områdesavsnitt', `Område ${n}: avsnittet hittades inte (sökte efter rubriken "${VOCABULARY.area.join('/')} ${n}" följd av ${VOCABULARY.headings.join('/')}); områdets texter och listor saknas.`, { area: n });
      continue;
    }
    const def = args.framework?.areas.find((d) => d.number === n);
    parts.push({ part: 'delområdesrubriker', area: n, found: a.headings.length > 0, count: a.headings.length });
    if (a.headings.length === 0) missing('delområdesrubriker', `Område ${n}: listan med delområdenas rubriker hittades inte (sökte efter "${VOCABULARY.headings.join('" eller "')}" i avsnittets början).`, { area: n });
    const texts = Object.keys(a.texts).length;
    parts.push({ part: 'text per delområde', area: n, found: texts > 0, count: texts });
    if (texts === 0) {
      missing('text per delområde', `Område ${n}: ingen text per delområde hittades (sökte efter delområdenas rubriker${def ? ` som "${def.subareas[0]?.heading ?? def.subareas[0]?.title ?? ''}"` : ''} i avsnittet).`, { area: n });
    }
    const unsorted = a.unsorted.length;
    parts.push({ part: 'styrkor', area: n, found: a.strengths.length > 0, count: a.strengths.length });
    if (a.strengths.length === 0 && unsorted === 0) missing('styrkor', `Område ${n}: inga styrkor hittades (sökte efter rubrikerna ${LIST_WORDS.strengths}).`, { area: n });
    parts.push({ part: 'förbättringsmöjligheter', area: n, found: a.improvements.length > 0, count: a.improvements.length });
    if (a.improvements.length === 0 && unsorted === 0) missing('förbättringsmöjligheter', `Område ${n}: inga förbättringsmöjligheter hittades (sökte efter rubrikerna ${LIST_WORDS.improvements}).`, { area: n });
    parts.push({ part: 'goda exempel', area: n, found: a.goodExamples.length > 0, count: a.goodExamples.length });
    if (a.goodExamples.length === 0) noExamples.push(n);
  }
  if (noExamples.length > 0 && noExamples.length < areas.length) {
    missing('goda exempel', `Inga andra kommuner nämns som goda exempel i område ${noExamples.join(', ')} (sökte efter kommunnamn i meningar med "gott exempel", "förebild", "inspiration" och liknande).`, {}, 'info');
  } else if (noExamples.length > 0) {
    missing('goda exempel', 'Inga andra kommuner nämns som goda exempel i rapporten (sökte efter kommunnamn i meningar med "gott exempel", "förebild", "inspiration" och liknande).', {}, 'info');
  }
  return parts;
}

export function importReportText(raw: string, options: ImportTextOptions): ImportResult {
  const fileName = options.fileName;
  const sourceHash = options.sourceHash ?? hashBytes(raw);
  try {
    return run(raw, options, sourceHash);
  } catch (err) {
    // A parser bug must not crash the caller; the report is refused with a clear message.
    const detail = err instanceof Error ? err.message : String(err);
    return refused(fileName, sourceHash, `Rapporten kunde inte tolkas (internt fel: ${detail.slice(0, 200)}). Inget har sparats.`);
  }
}

function run(raw: string, options: ImportTextOptions, sourceHash: string): ImportResult {
  const { fileName, frameworks } = options;
  if (raw.trim().length === 0) return refused(fileName, sourceHash, 'Filen är tom eller innehåller ingen text. Inget har sparats.');
  if (raw.length > MAX_TEXT_CHARS) {
    return refused(fileName, sourceHash, `Texten är för lång (${raw.length} tecken, högst ${MAX_TEXT_CHARS}). Är det verkligen en utvärderingsrapport?`);
  }
  const problems: ImportProblem[] = [];
  const found: string[] = [];
  const norm = normalizeText(raw);
  const text = norm.text;
  if (norm.wrapped) problems.push({ severity: 'info', code: 'wrapped', message: 'Rapporten låg inbäddad i ett längre dokument; text före och efter rapporten har lämnats utanför.' });

  const table = parseScoreTable(text);
  const stopAt = overviewStart(text, table);
  const sections = findSections(text, stopAt);
  const mentionsMethod = /kommun ?kompass/i.test(text);
  if (!mentionsMethod && !table && sections.length === 0) {
    return refused(
      fileName,
      sourceHash,
      'Dokumentet är inte en utvärderingsrapport enligt Kommunkompassen: det nämner inte metoden och har varken områden eller poängtabell. Inget har sparats.',
    );
  }

  const when = detectWhen(text, norm.headerDates);
  const mun = detectMunicipality(text);
  const place = mun.place;
  const label = `${place?.name ?? 'okänd kommun'} ${when.year ?? ''}`.trim();
  const fwMatch = recognizeFramework({ text: text.slice(0, stopAt === text.length ? text.length : Math.max(stopAt, table?.end ?? 0) + 6000), table, frameworks, year: when.year, label });
  const fw = fwMatch.framework;
  problems.push(...fwMatch.notes.map((message) => ({ severity: 'info' as const, code: 'framework', message })));

  const errors: string[] = [...fwMatch.errors];
  if (!place) {
    errors.push(
      mun.unresolved.length > 0
        ? `Kommunen kunde inte identifieras (hittade "${mun.unresolved.slice(0, 3).join('", "')}", som inte är en svensk kommun).`
        : 'Kommunen kunde inte identifieras: rapportens titel eller sammanfattning namnger ingen kommun.',
    );
  }
  if (when.year === null) errors.push('Utvärderingens år hittades inte i rapporten.');

  // Areas.
  const areas: PreviewArea[] = [];
  const recoveredIds = new Set<string>();
  if (fw) {
    for (const areaDef of fw.areas) {
      const bounds = sections.find((s) => s.number === areaDef.number);
      const section = bounds ? text.slice(bounds.start, bounds.end) : '';
      const head = bounds ? readSectionHead(section, areaDef) : null;
      const rest = head ? section.slice(head.bodyStart) : '';
      const lists = bounds ? findLists(rest) : { strengths: [], improvements: [], unsorted: [], start: null, review: [] };
      const body = lists.start !== null ? rest.slice(0, lists.start) : rest;
      const narratives = findNarratives(body, areaDef, head?.headings ?? []);
      if (bounds && narratives.missing.length > 0 && narratives.missing.length < areaDef.subareas.length) {
        for (const id of narratives.missing) {
          const def = areaDef.subareas.find((d) => d.id === id);
          problems.push({
            severity: 'warning',
            code: 'subarea-heading-missing',
            area: areaDef.number,
            subarea: id,
            at: positionOf(text, bounds.start),
            message: `Delområde ${id}: rubriken "${def?.heading ?? def?.title ?? id}" hittades inte i områdets text (sökte efter rubrikerna under Rubriker och i ramverket); texten kan ha hamnat under föregående delområde. Flytta den vid behov.`,
          });
        }
      }
      if (bounds && Object.keys(narratives.texts).length > 0) {
        // A heading found with nothing after it (the next heading or the lists follow at once).
        for (const s of areaDef.subareas) {
          if (narratives.texts[s.id] !== undefined || narratives.missing.includes(s.id)) continue;
          problems.push({
            severity: 'warning',
            code: 'subarea-text-empty',
            area: areaDef.number,
            subarea: s.id,
            at: positionOf(text, bounds.start),
            message: `Delområde ${s.id}: rubriken "${s.heading ?? s.title}" hittades, men ingen text följer efter den (nästa rubrik eller listan kommer direkt). Kontrollera om texten står under ett annat delområde.`,
          });
        }
      }
      const tableArea = table?.areas.find((a) => a.number === areaDef.number);
      const subareas: PreviewSubarea[] = areaDef.subareas.map((s) => {
        const row = tableArea?.rows.find((r) => r.id === s.id);
        let achieved = row?.achieved ?? null;
        const max = row?.max ?? s.max;
        const percent = row?.percent ?? null;
        if (row && row.max !== null && s.max !== null && row.max !== s.max) {
          problems.push({ severity: 'warning', code: 'max-differs', area: areaDef.number, subarea: s.id, message: `Delområde ${s.id}: max ${row.max} i rapportens tabell, men ${s.max} i ${fw.name}. De tryckta siffrorna behålls.` });
        }
        if (achieved !== null && max !== null && max > 0 && percent !== null) {
          const rec = recoverPoints(achieved, max, percent);
          if (rec.recovered) {
            achieved = rec.value;
            recoveredIds.add(s.id);
          } else if (!rec.consistent) {
            problems.push({
              severity: 'warning',
              code: 'percent-mismatch',
              area: areaDef.number,
              subarea: s.id,
              message: `Delområde ${s.id}: ${row?.achieved} av ${max} poäng är ${percentOf(row?.achieved ?? 0, max)} %, men rapporten anger ${percent} %. De tryckta siffrorna behålls.`,
            });
          }
        }
        return { id: s.id, title: row?.title || s.title, achieved, max, percent };
      });
      if (tableArea) {
        const missing = tableArea.rows.filter((r) => r.numbersMissing).map((r) => r.id);
        if (missing.length > 0) {
          problems.push({
            severity: 'warning',
            code: 'table-numbers-missing',
            area: areaDef.number,
            message: `Område ${areaDef.number}: poängtabellen saknar siffror för ${missing.length === tableArea.rows.length ? 'alla delområden' : `delområde ${missing.join(', ')}`}; de markeras som okända.`,
          });
        }
        if (tableArea.unplaced > 0) {
          problems.push({ severity: 'warning', code: 'table-unplaced', area: areaDef.number, message: `Område ${areaDef.number}: ${tableArea.unplaced} tal i poängtabellen kunde inte knytas till ett delområde.` });
        }
        const absent = areaDef.subareas.filter((s) => !tableArea.rows.some((r) => r.id === s.id)).map((s) => s.id);
        if (absent.length > 0) {
          problems.push({
            severity: 'warning',
            code: 'table-row-missing',
            area: areaDef.number,
            message: `Område ${areaDef.number}: poängtabellen har ingen rad för delområde ${absent.join(', ')} (sökte efter rader som börjar med delområdets nummer); poängen markeras som okända.`,
          });
        }
      } else if (table) {
        problems.push({
          severity: 'warning',
          code: 'table-area-missing',
          area: areaDef.number,
          message: `Område ${areaDef.number}: området saknas i poängtabellen (sökte efter rubriken "${areaDef.number}. ${areaDef.title}" i tabellen); delområdenas poäng markeras som okända.`,
        });
      }
      // Area score: the table's total row, the section heading, or the prose; disagreements are listed.
      const candidates: Array<{ v: number; where: string }> = [];
      if (tableArea?.total && tableArea.total.achieved <= 100) candidates.push({ v: tableArea.total.achieved, where: 'poängtabellen' });
      if (head?.score != null) candidates.push({ v: head.score, where: 'områdets rubrik' });
      let score: number | null = candidates[0]?.v ?? null;
      if (score === null && bounds) {
        const prose = statedScoreInProse(body, when.year);
        if (prose !== null) {
          score = prose;
          problems.push({ severity: 'info', code: 'score-from-prose', area: areaDef.number, message: `Område ${areaDef.number}: poängen ${prose} är hämtad ur texten.` });
        }
      }
      const distinct = [...new Set(candidates.map((c) => c.v))];
      if (distinct.length > 1) {
        problems.push({
          severity: 'warning',
          code: 'score-mismatch',
          area: areaDef.number,
          message: `Område ${areaDef.number}: olika poäng i rapporten (${candidates.map((c) => `${c.v} i ${c.where}`).join(', ')}). ${score} används.`,
        });
      }
      if (lists.review.length > 0) {
        const placed = lists.review.filter((r) => r.column !== null);
        const low = placed.reduce((m, r) => Math.min(m, r.confidence), 1);
        problems.push({
          severity: 'warning',
          code: 'check-items',
          area: areaDef.number,
          ...(placed.length > 0 ? { confidence: low } : {}),
          message:
            `Område ${areaDef.number}: ${lists.review.length} punkter stod under båda rubrikerna Styrkor och Förbättringsmöjligheter. ` +
            (placed.length > 0 ? `${placed.length} har sorterats efter formuleringen (kontrollera)` : 'Ingen kunde sorteras efter formuleringen') +
            (lists.unsorted.length > 0 ? `; ${lists.unsorted.length} är osorterade: flytta dem till rätt kolumn innan du sparar.` : '.'),
        });
      } else if (lists.unsorted.length > 0) {
        problems.push({
          severity: 'warning',
          code: 'unsorted-items',
          area: areaDef.number,
          message: `Område ${areaDef.number}: ${lists.unsorted.length} punkter går inte att sortera; flytta dem till rätt kolumn innan du sparar.`,
        });
      }
      const ownCode = place?.code ?? null;
      const subareaAt = (offset: number): string | null => {
        let id: string | null = null;
        const bodyOffsetInSection = head ? head.bodyStart : 0;
        for (const [sid, at] of Object.entries(narratives.at)) {
          if (at + bodyOffsetInSection <= offset) id = sid;
        }
        return id;
      };
      const goodExamples = bounds ? findGoodExamples(section, ownCode, subareaAt) : [];
      areas.push({
        number: areaDef.number,
        title: head?.title || tableArea?.title || areaDef.title,
        score,
        subareas,
        headings: head?.headings ?? [],
        strengths: lists.strengths,
        improvements: lists.improvements,
        unsorted: lists.unsorted,
        goodExamples,
        narratives: Object.keys(narratives.texts),
        texts: narratives.texts,
        review: lists.review,
      });
    }
  }

  // Earlier results and the total.
  const earlierTable = findEarlierTable(text, stopAt);
  const earlier: ImportPreview['earlier'] = [];
  let printedTotal: number | null = null;
  if (earlierTable) {
    found.push('tabell med tidigare resultat');
    earlierTable.years.forEach((y, col) => {
      const scores = earlierTable.areas.map((row) => row[col] ?? null);
      const total = earlierTable.totals[col] ?? null;
      if (y === when.year) {
        printedTotal = total;
        scores.forEach((v, i) => {
          const a = areas[i];
          if (!a || v === null) return;
          if (a.score === null) a.score = v;
          else if (a.score !== v) {
            problems.push({ severity: 'warning', code: 'score-mismatch', area: a.number, message: `Område ${a.number}: ${a.score} poäng i avsnittet men ${v} i resultattabellen. ${a.score} används.` });
          }
        });
      } else if (when.year !== null && y < when.year) {
        earlier.push({ year: y, total, areas: scores });
      }
    });
  }
  if (printedTotal === null) {
    const stated = findStatedTotal(text, when.year, Math.min(stopAt, sections[0]?.start ?? stopAt));
    printedTotal = stated.value;
    if (stated.value === null && stated.conflicting.length > 1) {
      problems.push({ severity: 'warning', code: 'total-conflict', message: `Rapporten anger olika totalpoäng (${stated.conflicting.join(', ')}); totalen lämnas okänd.` });
    }
  }
  let total: number | null = printedTotal;
  let totalSource: ImportPreview['totalSource'] = printedTotal !== null ? 'printed' : null;
  if (total === null && areas.length === AREA_COUNT && areas.every((a) => a.score !== null)) {
    total = areas.reduce((n, a) => n + (a.score ?? 0), 0);
    totalSource = 'sum-of-areas';
    problems.push({ severity: 'info', code: 'total-sum-of-areas', message: `Rapporten skriver inte ut totalpoängen; ${total} är summan av områdenas poäng.` });
  }
  if (total !== null && (total < 0 || total > TOTAL_MAX)) {
    problems.push({ severity: 'warning', code: 'total-out-of-range', message: `Totalpoängen ${total} ligger utanför 0–${TOTAL_MAX} och lämnas okänd.` });
    total = null;
    totalSource = null;
  }
  problems.push(...checkAreas(areas, recoveredIds), ...checkTotal(areas, printedTotal));

  // What was found.
  if (table && table.areas.some((a) => a.rows.some((r) => !r.numbersMissing))) found.push('poängtabell');
  else if (table) found.push('poängtabell utan siffror');
  if (sections.length > 0) found.push(`områdesavsnitt ${sections.length} av ${AREA_COUNT}`);
  if (areas.some((a) => a.strengths.length > 0)) found.push('styrkor');
  if (areas.some((a) => a.improvements.length > 0)) found.push('förbättringsmöjligheter');
  if (areas.some((a) => a.narratives.length > 0)) found.push('text per delområde');
  if (areas.some((a) => a.goodExamples.length > 0)) found.push('goda exempel');
  if (recoveredIds.size > 0) found.push('decimalpoäng ur procent');

  const summary = findSummary(text, sections[0]?.start ?? stopAt);
  if (summary) found.push('sammanfattande kommentarer');
  const evaluators = detectEvaluators(text, place ? [place.name] : [], { isMunicipality: (name) => municipalityByFoldedName(foldMunicipalityName(name)) !== undefined });
  const interviews = detectInterviews(text);
  const ordinal = detectOrdinal(text);
  if (evaluators.length > 0) found.push('utvärderare');
  if (interviews.count !== null) found.push('antal intervjuer');
  if (ordinal !== null) found.push('ordningsnummer');
  if (when.reportDate) found.push('rapportdatum');

  // Refusals: not a report, truncated, or nothing scored.
  const tableAreas = new Set((table?.areas ?? []).filter((a) => a.rows.some((r) => !r.numbersMissing)).map((a) => a.number));
  if (fw && sections.length < AREA_COUNT && tableAreas.size < AREA_COUNT) {
    const have = new Set(sections.map((s) => s.number));
    const missing = AREA_NUMBERS.filter((n) => !have.has(n));
    errors.push(
      sections.length === 0
        ? `Rapporten saknar avsnitten per område (Område ${AREA_RANGE}); den verkar avkortad eller är inte en utvärderingsrapport.`
        : `Rapporten verkar avkortad: avsnitten för område ${missing.join(', ')} saknas och poängtabellen täcker inte alla områden.`,
    );
  }
  const anyScore = total !== null || areas.some((a) => a.score !== null || a.subareas.some((s) => s.achieved !== null));
  if (fw && !anyScore) errors.push('Rapporten innehåller inga poäng (varken totalpoäng, områdespoäng eller delområdespoäng).');
  if (mun.others.length > 0 && place) {
    problems.push({ severity: 'info', code: 'other-municipalities', message: `Även ${mun.others.map((o) => o.name).join(', ')} nämns i rapportens inledning; ${place.name} valdes.` });
  }

  const parts = coverage({ text, areas, sections, table, earlierFound: earlierTable !== null, summary, evaluators, interviews: interviews.count, reportDate: when.reportDate, ordinal, problems, framework: fw });

  const preview: ImportPreview = {
    fileName,
    municipality: place,
    year: when.year,
    month: when.month,
    reportDate: when.reportDate,
    ordinal,
    interviews: interviews.count,
    interviewsApprox: interviews.approx,
    evaluators,
    framework: fw ? { id: fw.id, name: fw.name, derived: fwMatch.derived } : null,
    total,
    totalSource,
    areas,
    earlier,
    summary,
    found,
    parts,
    problems: [...errors.map((message) => ({ severity: 'error' as const, code: 'not-read', message })), ...problems],
    sourceHash,
  };
  if (errors.length > 0 || !fw || !place || when.year === null) {
    preview.problems.push({ severity: 'error', code: 'refused', message: 'Ingen utvärdering kunde läsas ut ur dokumentet. Inget har sparats.' });
    return { ok: false, preview, input: null, earlierInputs: [], derivedFramework: null };
  }
  const built = buildInputs({ preview, framework: fw, printedTotal });
  preview.problems.push(...built.problems);
  return {
    ok: built.input !== null,
    preview,
    input: built.input,
    earlierInputs: built.earlier,
    derivedFramework: fwMatch.derived && fw.origin === 'derived-import' && !frameworks.some((f) => f.id === fw.id) ? fw : null,
  };
}
