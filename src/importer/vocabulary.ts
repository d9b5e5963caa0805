/**
 * The words and layout markers a Kommunkompassen report may use, kept as data in one place.
 * Every term is matched case- and accent-insensitively ("OMRÅDE", "Omrade", "område" are one term),
 * with any run of spaces between its words. Pure.
 */

/** One term list per part of the report. The first entry is the canonical form. */
export const VOCABULARY = {
  /** Heading of an area section ("Område 1 …"). */
  area: ['Område', 'Huvudområde'],
  /** The list of subarea headings at the start of an area section. */
  headings: ['Rubriker', 'Delområden'],
  /** The general introduction of an area section. */
  general: ['Allmänt'],
  /** Column heading of the strengths list. */
  strengths: ['Styrkor', 'Starka sidor', 'Styrkeområden'],
  /** Column heading of the improvement opportunities list. */
  improvements: ['Förbättringsmöjligheter', 'Förbättringsområden', 'Utvecklingsområden', 'Utvecklingsmöjligheter'],
  /** Score table column headings: achieved, max, percent. */
  achieved: ['Uppnått', 'Poäng'],
  max: ['Max', 'Maxpoäng'],
  percent: ['Procent', '%'],
  /** Points word next to an area score. */
  points: ['Poäng', 'p'],
  /** Chapter of the score overview. */
  overview: ['Översikt av poängfördelning', 'Poängöversikt', 'Översikt över poäng'],
  /** Summary chapter heading. */
  summary: ['Sammanfattande kommentarer', 'Sammanfattande kommentar', 'Sammanfattning'],
  /** Label before the evaluators' names. */
  evaluators: ['Utvärderare'],
  /** Organisation names of the method's owner, before and after 2020. */
  owner: ['Sveriges Kommuner och Landsting', 'Sveriges Kommuner och Regioner'],
  /** Short forms of the owner. */
  ownerShort: ['SKL', 'SKR'],
} as const;

export type VocabularyPart = keyof typeof VOCABULARY;

/** Accent variants per base letter (lower case); used to build tolerant patterns. */
const VARIANTS: Record<string, string> = {
  a: 'aàáâäåãæ',
  e: 'eèéêë',
  i: 'iìíîï',
  o: 'oòóôöõø',
  u: 'uùúûü',
  y: 'yýÿ',
  c: 'cç',
  n: 'nñ',
};
const BASE = new Map<string, string>();
for (const [base, vs] of Object.entries(VARIANTS)) for (const v of vs) BASE.set(v, base);

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Regex source matching the term in original text: case-insensitive when used with the "i" flag,
 * accents optional ("Förbättring" matches "FORBATTRING"), any spaces (not line breaks) between words.
 */
export function termSource(term: string): string {
  let out = '';
  for (const ch of term.normalize('NFC')) {
    if (ch === ' ') {
      out += '[ \\t]{1,3}';
      continue;
    }
    const lower = ch.toLowerCase();
    const base = BASE.get(lower);
    if (base) {
      const vs = VARIANTS[base] ?? base;
      out += `[${vs}${vs.toUpperCase()}]`;
    } else out += escape(ch);
  }
  return out;
}

/** Alternation of all terms of a part, longest first (so "Förbättringsmöjligheter" wins over a prefix). */
export function partSource(part: VocabularyPart, extra: readonly string[] = []): string {
  const terms = [...VOCABULARY[part], ...extra].sort((a, b) => b.length - a.length);
  return `(?:${terms.map(termSource).join('|')})`;
}

/** Whether a text is exactly one of the part's terms (ignoring case, accents, spaces and a trailing colon). */
export function isTerm(part: VocabularyPart, text: string): boolean {
  const re = new RegExp(`^\\s*${partSource(part)}\\s*:?\\s*$`, 'i');
  return re.test(text);
}

/** Which canonical term a text spells (the first term of its part), or null. */
export function canonicalTerm(part: VocabularyPart, text: string): string | null {
  return isTerm(part, text) ? VOCABULARY[part][0] : null;
}

/**
 * Page headers and footers of SKL/SKR reports, in the forms PDF extraction gives them:
 * "Sveriges Kommuner och Landsting 2013-07-04 24 (27)", "25 Sveriges Kommuner och Landsting (39)",
 * "Sveriges Kommuner och Regioner 12 (40)", "SKR 2020-12-08 12 (40)", "Sida 3 av 27".
 * Matched anywhere in the text (they may run into a sentence), case-insensitively.
 */
export function pageHeaderRegex(): RegExp {
  const owner = `(?:${partSource('owner')}|${partSource('ownerShort')})`;
  const date = '(?:((?:19|20)\\d\\d-[01]\\d-[0-3]\\d)[ \\t]{1,4})?';
  const page = '(?:\\d{1,3}[ \\t]{0,4})?\\(\\d{1,3}\\)';
  return new RegExp(
    `(?:(?<![\\d.,])\\d{1,3}[ \\t]{1,4})?${owner}[ \\t]{1,4}${date}${page}|(?<![A-Za-zÅÄÖåäö])[Ss][Ii][Dd][Aa][ \\t]{1,3}\\d{1,3}[ \\t]{1,3}(?:av|\\/)[ \\t]{1,3}\\d{1,3}(?![\\d])`,
    'gi',
  );
}

/**
 * Words and phrases that open an improvement opportunity (imperatives and proposals), lower case.
 * "Utveckla …", "Fortsätt …", "Tydliggör …", "Se över …". Matched on the item's first words.
 */
export const IMPROVEMENT_OPENERS = [
  'utveckla', 'vidareutveckla', 'fortsätt', 'fortsatt', 'fortsatta', 'tydliggör', 'tydliggöra', 'se över', 'överväg', 'förbättra', 'förenkla',
  'stärk', 'stärka', 'skapa', 'inför', 'ta fram', 'gör', 'hitta', 'undersök', 'begränsa', 'öka', 'minska', 'säkerställ', 'satsa', 'arbeta',
  'inrätta', 'fundera', 'formalisera', 'systematisera', 'komplettera', 'samordna', 'definiera', 'implementera', 'lyft', 'prioritera',
  'utvärdera', 'följ upp', 'tydligare', 'bättre', 'ökad', 'ökat', 'ökade', 'mer', 'fler', 'större', 'behov av', 'effektivisera', 'fördjupa',
  'strukturera', 'använd', 'utbilda', 'visa', 'inkludera', 'involvera', 'kommunicera', 'uppdatera', 'revidera', 'utöka', 'bredda', 'koppla',
  'jämför', 'sprid', 'förankra', 'kostnadsberäkna', 'digitalisera', 'tydligt', 'överskådlighet', 'översyn', 'effektivisering', 'uppföljning av',
] as const;

/** Words inside an item that mark a proposal or a lack ("… bör vara objektiva", "… kan utvecklas"). */
export const IMPROVEMENT_CUES = ['bör', 'behöver', 'saknas', 'saknar', 'kan utvecklas', 'kan förbättras', 'vore', 'otydlig', 'brist', 'inte', 'ingen', 'inga', 'behov'] as const;

/** Words that mark a strength (a present state described positively). */
export const STRENGTH_CUES = [
  'bra', 'god', 'gott', 'goda', 'väl', 'tydlig', 'tydliga', 'stark', 'starkt', 'starka', 'omfattande', 'systematisk', 'systematiska',
  'systematiskt', 'aktiv', 'aktivt', 'hög', 'högt', 'många', 'flera', 'brett', 'bred', 'fungerande', 'engagerad', 'engagerade', 'finns',
  'är', 'har', 'utvecklad', 'utvecklat', 'utvecklade', 'etablerad', 'etablerade', 'gemensam', 'gemensamma', 'lättillgänglig', 'lättillgängliga',
  'helhetssyn', 'regelbundna', 'regelbunden', 'kontinuerlig', 'innovativ', 'genomarbetad', 'uppskattad', 'ambitiös', 'ambitiöst',
] as const;
