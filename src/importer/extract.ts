/**
 * Text extraction per format: plain text (UTF-8, else Windows-1252), DOCX (mammoth, tables kept as
 * tab-separated rows) and PDF (pdf.js; lines rebuilt from positions, wide gaps become tabs).
 * Throws DomainError('unsupported' | 'validation') with a Swedish message when a file cannot be read.
 */
import { DomainError } from '../domain/errors.ts';
import type { ReportFormat } from './types.ts';

/** Largest file the importer accepts. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PDF_PAGES = 400;

export function formatOf(fileName: string, bytes?: Uint8Array): ReportFormat | null {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'pdf' || ext === 'docx' || ext === 'txt') return ext;
  if (bytes && bytes.length >= 4) {
    if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  }
  if (ext === 'text' || ext === 'md') return 'txt';
  return null;
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('latin1').decode(bytes);
    }
  }
}

// ---- DOCX ----------------------------------------------------------------

function stripTags(html: string): string {
  return html.replace(/<[^<>]{0,2000}>/g, ' ');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** mammoth's HTML to text: paragraphs on their own lines, table rows as tab-separated cells. */
export function docxHtmlToText(html: string): string {
  const cellText = (cell: string): string =>
    decodeEntities(stripTags(cell.replace(/<li[^<>]{0,200}>/gi, ' • ').replace(/<\/p>/gi, ' ')))
      .replace(/[\t\n ]+/g, ' ')
      .trim();
  let out = html.replace(/<table[^<>]{0,200}>([\s\S]*?)<\/table>/gi, (_m, body: string) => {
    const rows = body.match(/<tr[^<>]{0,200}>[\s\S]*?<\/tr>/gi) ?? [];
    const lines = rows.map((row) => (row.match(/<t[dh][^<>]{0,200}>[\s\S]*?<\/t[dh]>/gi) ?? []).map(cellText).join('\t'));
    return `\n${lines.join('\n')}\n\n`;
  });
  out = out
    .replace(/<br\s{0,3}\/?>/gi, '\n')
    .replace(/<li[^<>]{0,200}>/gi, '\n• ')
    .replace(/<\/(p|h[1-6]|li|ul|ol)>/gi, '\n\n');
  return decodeEntities(stripTags(out).replace(/[ ]{2,}/g, ' ')).replace(/\n{3,}/g, '\n\n');
}

async function extractDocx(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return docxHtmlToText(result.value);
  } catch {
    throw new DomainError('unsupported', 'Filen kunde inte läsas som Word-dokument (.docx). Är den skadad eller i ett annat format?');
  }
}

// ---- PDF -----------------------------------------------------------------

interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

function isTextItem(item: unknown): item is { str: string; transform: number[]; width: number; hasEOL?: boolean } {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/**
 * Rebuilds lines from positioned text items: a new line when the baseline moves, a blank line for a
 * paragraph gap, a tab for a wide horizontal gap (table cell) or a line starting far right of the margin.
 * Whitespace-only items (pdf.js inserts them) only carry line ends.
 */
export function layoutPage(items: readonly PdfItem[]): string {
  let out = '';
  let prev: PdfItem | null = null;
  const text = items.filter((it) => it.str.trim().length > 0);
  const minX = text.reduce((m, it) => Math.min(m, it.x), Number.POSITIVE_INFINITY);
  for (const it of text) {
    if (prev) {
      const dy = Math.abs(it.y - prev.y);
      if (dy > Math.max(2, prev.size * 0.5)) {
        out += dy > prev.size * 2.2 ? '\n\n' : '\n';
        if (it.x - minX > it.size * 12) out += '\t';
      } else {
        const gap = it.x - (prev.x + prev.width);
        if (gap > prev.size * 1.5) out += '\t';
        else if (gap > prev.size * 0.12 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
      }
    }
    out += it.str;
    prev = it;
  }
  return out;
}

async function extractPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch {
    throw new DomainError('unsupported', 'Filen kunde inte läsas som PDF. Är den skadad, krypterad eller i ett annat format?');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new DomainError('validation', `PDF-filen har ${doc.numPages} sidor; högst ${MAX_PDF_PAGES} sidor kan importeras.`);
    }
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i += 1) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const t = item.transform;
        items.push({ str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, width: item.width, size: Math.abs(t[3] ?? 10) || 10, eol: Boolean(item.hasEOL) });
      }
      pages.push(layoutPage(items));
      page.cleanup();
    }
    return pages.join('\n\f\n');
  } finally {
    await doc.destroy();
  }
}

/** Extracts the text of an uploaded report. */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<{ text: string; format: ReportFormat }> {
  if (bytes.length === 0) throw new DomainError('validation', `Filen "${fileName}" är tom.`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DomainError('validation', `Filen "${fileName}" är för stor (${Math.round(bytes.length / 1024 / 1024)} MB); högst 20 MB kan importeras.`);
  }
  const format = formatOf(fileName, bytes);
  if (!format) throw new DomainError('unsupported', `Filen "${fileName}" har ett format som inte stöds. Ladda upp en rapport som .pdf, .docx eller .txt.`);
  if (format === 'txt') return { text: decodeText(bytes), format };
  if (format === 'docx') return { text: await extractDocx(bytes), format };
  return { text: await extractPdf(bytes), format };
}
