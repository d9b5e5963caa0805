/**
 * Good-example search, the pure parts: which passages exist and where they stand on the evaluation
 * page (stable anchors), how a typed query becomes a PostgreSQL tsquery (Swedish stems, prefixes while
 * typing, parts of compound words, å/ä/ö typed as a/o), and how a highlighted excerpt is read back.
 */

export const SEARCH_KINDS = ['good-example', 'strength', 'narrative', 'improvement', 'area-summary', 'summary'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where a passage stands in an evaluation. */
export interface PassageRef {
  kind: SearchKind;
  areaNumber: number | null;
  subareaId: string | null;
  /** 1-based position in its list (strengths, improvements, good examples). */
  item: number | null;
}

/**
 * The id of a passage's element on the evaluation page: `summary`, `a-3` (area summary), `d-1.4`
 * (subarea text), `s-2-3` (third strength of area 2), `f-2-1` (improvement), `g-2-1` (good example).
 */
export function passageAnchor(p: PassageRef): string {
  switch (p.kind) {
    case 'summary':
      return 'summary';
    case 'area-summary':
      return `a-${p.areaNumber ?? 0}`;
    case 'narrative':
      return `d-${p.subareaId ?? ''}`;
    case 'strength':
      return `s-${p.areaNumber ?? 0}-${p.item ?? 0}`;
    case 'improvement':
      return `f-${p.areaNumber ?? 0}-${p.item ?? 0}`;
    case 'good-example':
      return `g-${p.areaNumber ?? 0}-${p.item ?? 0}`;
  }
}

/** Lower case with å/ä→a, ö→o and other accents removed; the same as `search_fold` in the database. */
export function foldTerm(s: string): string {
  const from = 'åäöæøéèêëüúùáàâíìîóòôç';
  const to = 'aaoaoeeeeuuuaaaiiioooc';
  let out = '';
  for (const ch of s.toLowerCase()) {
    const i = from.indexOf(ch);
    out += i >= 0 ? to[i] : ch;
  }
  return out;
}

/** The words of a typed query (letters and digits), at most `max` of them. */
export function queryWords(q: string, max = 8): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, max);
}

/**
 * Shortened forms of a folded stem that a stored word may be (the query is more inflected than the
 * text: "jamforelserna" → "jamfor"): the stem minus one to four trailing letters, never below five.
 */
export function stemPrefixes(folded: string): string[] {
  const out: string[] = [];
  for (let cut = 1; cut <= 4; cut++) {
    const len = folded.length - cut;
    if (len >= 5) out.push(folded.slice(0, len));
  }
  return out;
}

/** One typed word, analysed: its Swedish stems and the stored words it stands for. */
export interface AnalysedWord {
  /** Stems of the word as typed (what to match by prefix while typing). */
  stems: readonly string[];
  /** Stored words that contain the word (compound parts) or match it without diacritics. */
  terms: readonly string[];
}

/** A lexeme as a tsquery literal: quoted, with quotes and backslashes escaped. */
export function tsLiteral(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsquery for the analysed words: every word must match (AND); a word matches its stems as
 * prefixes or any of its stored words. Null when no word carries meaning (only stop words).
 */
export function buildTsQuery(words: readonly AnalysedWord[]): string | null {
  const parts: string[] = [];
  for (const w of words) {
    const alternatives = new Set<string>();
    for (const s of w.stems) if (s) alternatives.add(`${tsLiteral(s)}:*`);
    for (const t of w.terms) if (t) alternatives.add(tsLiteral(t));
    if (alternatives.size > 0) parts.push(`(${[...alternatives].join(' | ')})`);
  }
  return parts.length ? parts.join(' & ') : null;
}

/** Start and stop markers asked of ts_headline: control characters that never occur in the texts. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';
const FRAGMENT = '\u0004';

export interface ExcerptPart {
  text: string;
  /** True for a matched word. */
  hit: boolean;
}

/**
 * Reads a ts_headline result back as plain text parts (never markup): the markers become `hit`
 * flags, fragments are joined with an ellipsis, and Markdown emphasis signs are dropped.
 */
export function parseHighlight(headline: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  // Control characters other than the markers (never in typed text) become spaces.
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\u0000-\u0001\u0005-\u001f]/g, ' ').replace(/[*`]+|(^|\s)[#>]+(?=\s)/g, '$1').replace(new RegExp(FRAGMENT, 'g'), ' … ');
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start < 0) {
      push(clean(rest), false);
      break;
    }
    push(clean(rest.slice(0, start)), false);
    const stop = rest.indexOf(HIGHLIGHT_STOP, start + 1);
    const end = stop < 0 ? rest.length : stop;
    push(clean(rest.slice(start + 1, end)), true);
    rest = stop < 0 ? '' : rest.slice(stop + 1);
  }
  // Collapse the whitespace ts_headline leaves where markup or line breaks were.
  for (const p of parts) p.text = p.text.replace(/\s+/g, ' ');
  if (parts[0]) parts[0].text = parts[0].text.trimStart();
  const last = parts[parts.length - 1];
  if (last) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text.length > 0);
}

/** ts_headline options: short excerpts around the matches, markers as above. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=${FRAGMENT}`;

/** Narratives are long; without a query a hit shows the start, cut at a word. */
export function excerpt(text: string, max = 400): string {
  const plain = text.replace(/[*_#>`]+/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))} …`;
}
