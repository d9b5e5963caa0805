/**
 * Fonts shipped with the project (npm packages, TTF), read once. No system fonts, no downloads.
 *
 * The body (Source Serif 4) and sans (Inter) faces come first; the Noto fallbacks cover what a
 * Swedish text may also hold: Latin Extended (Sámi ŧ Ŋ đ, Vietnamese …), Greek, Cyrillic, combining
 * marks (Noto Sans), Arabic, Hebrew, CJK (Noto Sans SC, one weight), emoji (Noto Emoji, monochrome)
 * and symbols. Typst picks the first font in the list that has a glyph and embeds subsets only.
 *
 * A character that no font has is replaced before rendering (`fitTextToFonts`), so a renderer never
 * meets a missing glyph (Typst refuses those in PDF/A) and the report says what was replaced.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mapStrings, type ReportViewModel } from './view-model.ts';

export type ReportFontFamily =
  | 'Inter'
  | 'Source Serif 4'
  | 'Noto Sans'
  | 'Noto Sans Arabic'
  | 'Noto Sans Hebrew'
  | 'Noto Sans SC'
  | 'Noto Emoji'
  | 'Noto Sans Symbols 2';

export interface ReportFont {
  family: ReportFontFamily;
  file: string;
  data: Buffer;
}

/** Fallback families, in order, after the primary face of a text. */
export const FALLBACK_FAMILIES: readonly ReportFontFamily[] = ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans SC', 'Noto Emoji', 'Noto Sans Symbols 2'];

const require = createRequire(import.meta.url);

const PACKAGES: Record<ReportFontFamily, { pkg: string; prefix: string }> = {
  Inter: { pkg: 'inter', prefix: 'Inter' },
  'Source Serif 4': { pkg: 'source-serif-4', prefix: 'SourceSerif4' },
  'Noto Sans': { pkg: 'noto-sans', prefix: 'NotoSans' },
  'Noto Sans Arabic': { pkg: 'noto-sans-arabic', prefix: 'NotoSansArabic' },
  'Noto Sans Hebrew': { pkg: 'noto-sans-hebrew', prefix: 'NotoSansHebrew' },
  'Noto Sans SC': { pkg: 'noto-sans-sc', prefix: 'NotoSansSC' },
  'Noto Emoji': { pkg: 'noto-emoji', prefix: 'NotoEmoji' },
  'Noto Sans Symbols 2': { pkg: 'noto-sans-symbols-2', prefix: 'NotoSansSymbols2' },
};

/** Absolute path of one TTF file in its npm package (node_modules, no downloads). */
export function reportFontFile(family: ReportFontFamily, weight: string): string {
  const { pkg, prefix } = PACKAGES[family];
  const dir = path.dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
  return path.join(dir, weight, `${prefix}_${weight}.ttf`);
}

const FILES: Array<[ReportFontFamily, string]> = [
  ['Inter', '400Regular'],
  ['Inter', '400Regular_Italic'],
  ['Inter', '600SemiBold'],
  ['Inter', '700Bold'],
  ['Source Serif 4', '400Regular'],
  ['Source Serif 4', '400Regular_Italic'],
  ['Source Serif 4', '600SemiBold'],
  ['Source Serif 4', '700Bold'],
  ['Source Serif 4', '700Bold_Italic'],
  ['Noto Sans', '400Regular'],
  ['Noto Sans', '400Regular_Italic'],
  ['Noto Sans', '700Bold'],
  ['Noto Sans Arabic', '400Regular'],
  ['Noto Sans Arabic', '700Bold'],
  ['Noto Sans Hebrew', '400Regular'],
  ['Noto Sans Hebrew', '700Bold'],
  ['Noto Sans SC', '400Regular'],
  ['Noto Emoji', '400Regular'],
  ['Noto Sans Symbols 2', '400Regular'],
];

let cached: ReportFont[] | undefined;

export function reportFonts(): ReportFont[] {
  cached ??= FILES.map(([family, weight]) => {
    const file = reportFontFile(family, weight);
    return { family, file, data: readFileSync(file) };
  });
  return cached;
}

/** The regular face of each family: what the chart renderer (resvg) loads. */
export function regularFontFiles(): string[] {
  return reportFonts()
    .filter((f) => /_400Regular\.ttf$/.test(f.file))
    .map((f) => f.file);
}

// ---- coverage ---------------------------------------------------------------

/**
 * Code points mapped by a TrueType/OpenType font's cmap (formats 4 and 12, the Unicode subtables).
 * Throws on a file that is not a font.
 */
export function fontCoverage(data: Uint8Array): Set<number> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i += 1) {
    const rec = 12 + i * 16;
    if (String.fromCharCode(data[rec] ?? 0, data[rec + 1] ?? 0, data[rec + 2] ?? 0, data[rec + 3] ?? 0) === 'cmap') cmap = view.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  const out = new Set<number>();
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i += 1) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const off = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(off);
    if (format === 4) {
      const segX2 = view.getUint16(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = view.getUint16(ends + s);
        const start = view.getUint16(starts + s);
        const delta = view.getUint16(deltas + s);
        const ro = view.getUint16(rangeOffsets + s);
        for (let c = start; c <= end && c !== 0xffff; c += 1) {
          let glyph: number;
          if (ro === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s + ro + (c - start) * 2;
            glyph = at + 1 < data.byteLength ? view.getUint16(at) : 0;
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = view.getUint32(off + 12);
      for (let g = 0; g < groups; g += 1) {
        const start = view.getUint32(off + 16 + g * 12);
        const end = view.getUint32(off + 20 + g * 12);
        const glyph = view.getUint32(off + 24 + g * 12);
        for (let c = start; c <= end && c <= 0x10ffff; c += 1) if (glyph + (c - start) !== 0) out.add(c);
      }
    }
  }
  return out;
}

let union: Set<number> | undefined;

/** Every code point some report font has. */
export function reportCoverage(): Set<number> {
  if (!union) {
    const all = new Set<number>();
    for (const f of reportFonts()) for (const c of fontCoverage(f.data)) all.add(c);
    union = all;
  }
  return union;
}

/**
 * Characters that shaping consumes without a glyph of their own (joiners, bidi marks and isolates,
 * variation selectors, soft hyphen, zero-width space, word joiner, BOM): kept, never "missing".
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]/u;

const REPLACEMENT_CANDIDATES = ['\ufffd', '\u25a1', '?'] as const;

/** The visible stand-in for a character no font has: U+FFFD, or □ when that is missing too. */
export function replacementFor(coverage: ReadonlySet<number>): string {
  return REPLACEMENT_CANDIDATES.find((c) => coverage.has(c.codePointAt(0) ?? 0)) ?? '?';
}

export interface FitResult {
  text: string;
  /** The characters replaced, once each. */
  missing: string[];
}

/** Replaces characters no font has with a visible replacement (`replacementFor`). */
export function fitTextToFonts(text: string, coverage: ReadonlySet<number>, missing: Set<string> = new Set()): string {
  const replacement = replacementFor(coverage);
  let out = '';
  let changed = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a || cp === 0x09 || coverage.has(cp) || INVISIBLE.test(ch)) {
      out += ch;
    } else {
      out += replacement;
      missing.add(ch);
      changed = true;
    }
  }
  return changed ? out : text;
}

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The view model with every character no report font has replaced, and a note in the summary that
 * says which characters were replaced (also returned as warnings for the log).
 */
export function fitReportToFonts(vm: ReportViewModel, coverage: ReadonlySet<number> = reportCoverage()): { vm: ReportViewModel; warnings: string[] } {
  const missing = new Set<string>();
  const fitted = mapStrings(vm, (s) => fitTextToFonts(s, coverage, missing));
  if (missing.size === 0) return { vm, warnings: [] };
  const replacement = replacementFor(coverage);
  const listed = [...missing].slice(0, 12).map(codePoint).join(', ');
  const more = missing.size > 12 ? ` och ${missing.size - 12} till` : '';
  const warning = `${missing.size} tecken finns inte i rapportens typsnitt och visas som ${replacement} (${listed}${more}).`;
  return { vm: { ...fitted, summary: { ...fitted.summary, notes: [...fitted.summary.notes, warning] } }, warnings: [warning] };
}
