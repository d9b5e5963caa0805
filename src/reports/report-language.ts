/**
 * The languages a report can be generated in: Swedish (the method's own), English and Norwegian
 * bokmål. Headings, labels and the words around figures change; framework titles come from the
 * unofficial translations (src/catalog/framework-translations.ts); the evaluation's texts stay as
 * written (Swedish) and the renderers mark them so. Pure data and functions.
 */
import type { ChartLabels } from '../charts/definitions.ts';
import { svChartLabels } from '../charts/definitions.ts';
import { formatDateSv, joinSv, monthNameSv, ordinalSv } from './typography.ts';

export type ReportLang = 'sv' | 'en' | 'nb';
export const REPORT_LANGS: readonly ReportLang[] = ['sv', 'en', 'nb'];

/** BCP 47 tags as the renderers write them. */
export const LANG_TAGS: Record<ReportLang, { lang: string; region: string; tag: string }> = {
  sv: { lang: 'sv', region: 'SE', tag: 'sv-SE' },
  en: { lang: 'en', region: 'GB', tag: 'en-GB' },
  nb: { lang: 'nb', region: 'NO', tag: 'nb-NO' },
};

export interface ReportLabels {
  documentTitle: string;
  titlePageKicker: string;
  evaluatorsHeading: string;
  contents: string;
  page: string;
  about: string;
  summary: string;
  areasChapter: string;
  area: string;
  scoreOverview: string;
  keyFacts: string;
  strengths: string;
  improvements: string;
  goodExamples: string;
  achieved: string;
  max: string;
  percent: string;
  subarea: string;
  total: string;
  points: string;
  of: string;
  unknown: string;
  unknownShort: string;
  when: string;
  ordinal: string;
  interviews: string;
  evaluators: string;
  totalScore: string;
  framework: string;
  comments: string;
  average: string;
  previous: string;
  lead: string;
  approx: string;
  draftWarning: string;
  reviewWarning: string;
  barCaption: string;
  radarCaption: string;
  areaScoreCaption: string;
  comparisonTable: string;
  thisEvaluation: string;
  noneListed: string;
  roundingNote: string;
  differentFramework: string;
  needsReviewNote: string;
  noComparisonNote: string;
  /** Said once, when the report is not in Swedish: which parts are translated and which are not. */
  translationNote: string;
  chart: ChartLabels;
}

export const svReportLabels: ReportLabels = {
  documentTitle: 'Kommunkompassen',
  titlePageKicker: 'Utvärdering enligt Kommunkompassen',
  evaluatorsHeading: 'Utvärderare',
  contents: 'Innehåll',
  page: 'Sida',
  about: 'Om Kommunkompassen',
  summary: 'Sammanfattning',
  areasChapter: 'Resultat per område',
  area: 'Område',
  scoreOverview: 'Poängöversikt',
  keyFacts: 'Fakta om kommunen',
  strengths: 'Styrkor',
  improvements: 'Förbättringsmöjligheter',
  goodExamples: 'Goda exempel',
  achieved: 'Uppnått',
  max: 'Max',
  percent: 'Procent',
  subarea: 'Delområde',
  total: 'Totalt',
  points: 'poäng',
  of: 'av',
  unknown: 'okänt',
  unknownShort: '–',
  when: 'Tidpunkt',
  ordinal: 'Utvärdering i ordning',
  interviews: 'Intervjuer',
  evaluators: 'Utvärderare',
  totalScore: 'Totalpoäng',
  framework: 'Version av metoden',
  comments: 'Övergripande kommentarer',
  average: 'Genomsnitt',
  previous: 'Föregående',
  lead: 'huvudutvärderare',
  approx: 'cirka',
  draftWarning: 'UTKAST – inte publicerad',
  reviewWarning: 'För granskning – inte publicerad',
  barCaption: 'Poäng per område',
  radarCaption: 'Profil jämfört med genomsnitt och föregående utvärdering',
  areaScoreCaption: 'Poäng',
  comparisonTable: 'Jämförelse per område',
  thisEvaluation: 'Denna utvärdering',
  noneListed: 'Inga angivna.',
  roundingNote:
    'Poängen redovisas avrundade till heltal och procenten till hela procent. Summan räknas på de oavrundade poängen, så avrundade delsummor kan skilja sig med någon poäng från den redovisade summan.',
  differentFramework: 'Föregående utvärdering gjordes med en annan version av metoden och är bara delvis jämförbar.',
  needsReviewNote: 'Versionen av metoden är härledd ur en importerad rapport och inte granskad.',
  noComparisonNote: 'Det finns ännu ingen tidigare utvärdering eller annan publicerad utvärdering enligt samma version att jämföra med, så profildiagrammet visas inte.',
  translationNote: '',
  chart: svChartLabels,
};

export const enReportLabels: ReportLabels = {
  documentTitle: 'Kommunkompassen',
  titlePageKicker: 'Evaluation with Kommunkompassen (the municipal compass)',
  evaluatorsHeading: 'Evaluators',
  contents: 'Contents',
  page: 'Page',
  about: 'About Kommunkompassen',
  summary: 'Summary',
  areasChapter: 'Results per area',
  area: 'Area',
  scoreOverview: 'Score overview',
  keyFacts: 'Facts about the municipality',
  strengths: 'Strengths',
  improvements: 'Improvement opportunities',
  goodExamples: 'Good examples',
  achieved: 'Achieved',
  max: 'Max',
  percent: 'Percent',
  subarea: 'Subarea',
  total: 'Total',
  points: 'points',
  of: 'of',
  unknown: 'unknown',
  unknownShort: '–',
  when: 'Date',
  ordinal: 'Evaluation in order',
  interviews: 'Interviews',
  evaluators: 'Evaluators',
  totalScore: 'Total score',
  framework: 'Version of the method',
  comments: 'Overall comments',
  average: 'Average',
  previous: 'Previous',
  lead: 'lead evaluator',
  approx: 'about',
  draftWarning: 'DRAFT – not published',
  reviewWarning: 'For review – not published',
  barCaption: 'Points per area',
  radarCaption: 'Profile compared with the average and the previous evaluation',
  areaScoreCaption: 'Points',
  comparisonTable: 'Comparison per area',
  thisEvaluation: 'This evaluation',
  noneListed: 'None listed.',
  roundingNote:
    'Points are shown rounded to whole numbers and percentages to whole percent. Totals are computed from the unrounded points, so rounded subtotals may differ by a point from the total shown.',
  differentFramework: 'The previous evaluation was made with another version of the method and is only partly comparable.',
  needsReviewNote: 'This version of the method was derived from an imported report and has not been reviewed.',
  noComparisonNote: 'There is no earlier evaluation yet, nor another published evaluation with the same version, to compare with, so the profile chart is not shown.',
  translationNote:
    'Headings, labels and the titles of areas and subareas are in English (the titles are an unofficial translation). The evaluators’ texts are printed as written, in Swedish.',
  chart: {
    unknown: 'unknown',
    points: 'points',
    of: 'of',
    total: 'Total score',
    areaScores: 'Points per area',
    barDescription: 'Bar chart of points per area',
    radarDescription: 'Profile (radar) chart of points per area',
    trendDescription: 'Line chart of the total score per evaluation',
    compareDescription: 'Profile chart comparing evaluations area by area',
    frameworkChange: 'New version of the method',
  },
};

export const nbReportLabels: ReportLabels = {
  documentTitle: 'Kommunkompassen',
  titlePageKicker: 'Evaluering med Kommunkompassen (Kommunekompasset)',
  evaluatorsHeading: 'Evaluatorer',
  contents: 'Innhold',
  page: 'Side',
  about: 'Om Kommunkompassen',
  summary: 'Sammendrag',
  areasChapter: 'Resultater per område',
  area: 'Område',
  scoreOverview: 'Poengoversikt',
  keyFacts: 'Fakta om kommunen',
  strengths: 'Styrker',
  improvements: 'Forbedringsmuligheter',
  goodExamples: 'Gode eksempler',
  achieved: 'Oppnådd',
  max: 'Maks',
  percent: 'Prosent',
  subarea: 'Delområde',
  total: 'Totalt',
  points: 'poeng',
  of: 'av',
  unknown: 'ukjent',
  unknownShort: '–',
  when: 'Tidspunkt',
  ordinal: 'Evaluering nummer',
  interviews: 'Intervjuer',
  evaluators: 'Evaluatorer',
  totalScore: 'Totalpoeng',
  framework: 'Versjon av metoden',
  comments: 'Overordnede kommentarer',
  average: 'Gjennomsnitt',
  previous: 'Forrige',
  lead: 'hovedevaluator',
  approx: 'omkring',
  draftWarning: 'UTKAST – ikke publisert',
  reviewWarning: 'Til gjennomsyn – ikke publisert',
  barCaption: 'Poeng per område',
  radarCaption: 'Profil sammenlignet med gjennomsnittet og forrige evaluering',
  areaScoreCaption: 'Poeng',
  comparisonTable: 'Sammenligning per område',
  thisEvaluation: 'Denne evalueringen',
  noneListed: 'Ingen oppgitt.',
  roundingNote:
    'Poengene vises avrundet til hele tall og prosentene til hele prosent. Summen regnes av de uavrundede poengene, så avrundede delsummer kan avvike med et poeng fra summen som vises.',
  differentFramework: 'Forrige evaluering ble gjort med en annen versjon av metoden og er bare delvis sammenlignbar.',
  needsReviewNote: 'Denne versjonen av metoden er utledet av en importert rapport og ikke gjennomgått.',
  noComparisonNote: 'Det finnes ennå ingen tidligere evaluering eller annen publisert evaluering med samme versjon å sammenligne med, så profildiagrammet vises ikke.',
  translationNote:
    'Overskrifter, etiketter og titlene på områder og delområder er på norsk (titlene er en uoffisiell oversettelse). Evaluatorenes tekster gjengis slik de er skrevet, på svensk.',
  chart: {
    unknown: 'ukjent',
    points: 'poeng',
    of: 'av',
    total: 'Totalpoeng',
    areaScores: 'Poeng per område',
    barDescription: 'Søylediagram over poeng per område',
    radarDescription: 'Profildiagram (radar) over poeng per område',
    trendDescription: 'Linjediagram over totalpoeng per evaluering',
    compareDescription: 'Profildiagram som sammenligner evalueringer område for område',
    frameworkChange: 'Ny versjon av metoden',
  },
};

export const REPORT_LABELS: Record<ReportLang, ReportLabels> = { sv: svReportLabels, en: enReportLabels, nb: nbReportLabels };

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NB_MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const EN_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const NB_ORDINALS = ['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende', 'niende', 'tiende', 'ellevte', 'tolvte'];

/** The words around figures in a report language: dates, months, lists, ordinals, counts. */
export interface ReportWording {
  date: (iso: string) => string;
  month: (month: number) => string;
  join: (items: readonly string[]) => string;
  /** "Kommunens första utvärdering med Kommunkompassen". */
  ordinalSentence: (n: number) => string;
  /** "3 utvärderingar". */
  evaluations: (n: number) => string;
}

function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const joinWith = (word: string) => (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;

export const REPORT_WORDING: Record<ReportLang, ReportWording> = {
  sv: {
    date: formatDateSv,
    month: monthNameSv,
    join: joinSv,
    ordinalSentence: (n) => `Kommunens ${ordinalSv(n)} utvärdering med Kommunkompassen`,
    evaluations: (n) => `${n} ${n === 1 ? 'utvärdering' : 'utvärderingar'}`,
  },
  en: {
    date: (iso) => {
      const p = isoParts(iso);
      return p ? `${p[2]} ${EN_MONTHS[p[1] - 1] ?? p[1]} ${p[0]}` : iso;
    },
    month: (m) => EN_MONTHS[m - 1] ?? String(m),
    join: joinWith('and'),
    ordinalSentence: (n) => {
      const h = n % 100;
      const d = n % 10;
      const nth = EN_ORDINALS[n - 1] ?? `${n}${h >= 11 && h <= 13 ? 'th' : d === 1 ? 'st' : d === 2 ? 'nd' : d === 3 ? 'rd' : 'th'}`;
      return `The municipality’s ${nth} evaluation with Kommunkompassen`;
    },
    evaluations: (n) => `${n} ${n === 1 ? 'evaluation' : 'evaluations'}`,
  },
  nb: {
    date: (iso) => {
      const p = isoParts(iso);
      return p ? `${p[2]}. ${NB_MONTHS[p[1] - 1] ?? p[1]} ${p[0]}` : iso;
    },
    month: (m) => NB_MONTHS[m - 1] ?? String(m),
    join: joinWith('og'),
    ordinalSentence: (n) => `Kommunens ${NB_ORDINALS[n - 1] ?? `${n}.`} evaluering med Kommunkompassen`,
    evaluations: (n) => `${n} ${n === 1 ? 'evaluering' : 'evalueringer'}`,
  },
};

export function isReportLang(value: unknown): value is ReportLang {
  return value === 'sv' || value === 'en' || value === 'nb';
}
