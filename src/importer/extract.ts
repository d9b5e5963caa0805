/**
 * Text extraction per format: plain text (UTF-8 or UTF-16 with BOM, else Windows-1252), DOCX
 * (mammoth, tables kept as tab-separated rows) and PDF (pdf.js; lines rebuilt from positions in reading
 * order, two-column pages read column by column, wide gaps become tabs — see pdf-layout.ts; the
 * positioned items are returned too).
 *
 * Uploads are untrusted: the format is decided by the content (an extension that says otherwise is
 * refused), and every cost is bounded before it is paid — a DOCX's entry count and declared and
 * actual decompressed sizes, its XML element and paragraph counts; a PDF's page count and the total
 * its compressed streams inflate to; the size of the text that comes out. Runs in a worker thread
 * (src/workers), which adds heap and time limits.
 *
 * Throws DomainError with a Swedish message when a file cannot or may not be read:
 * 'validation' (empty), 'unsupported' (wrong or unknown format), 'too_large' (over a limit),
 * 'unprocessable' (damaged, encrypted, not readable).
 */
import { inflateRawSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import { DomainError } from '../domain/errors.ts';
import { layoutPdfPage, type PdfPageItems, type PdfTextItem } from './pdf-layout.ts';
import type { ReportFormat } from './types.ts';
import { decodeHtmlEntities } from '../domain/text.ts';

export type { PdfPageItems, PdfTextItem } from './pdf-layout.ts';

/** Largest file the importer accepts. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Limits on what reading one file may cost. */
export const EXTRACT_LIMITS = {
  /** Most characters of text out of one file. */
  maxTextChars: 4_000_000,
  /** DOCX: most zip entries. */
  maxZipEntries: 2000,
  /** DOCX: most bytes all XML parts may inflate to (declared and actual). */
  maxDocxXmlBytes: 40 * 1024 * 1024,
  /** DOCX: most bytes word/document.xml may inflate to. */
  maxDocumentXmlBytes: 25 * 1024 * 1024,
  /** DOCX: most XML elements in word/document.xml. */
  maxDocxElements: 600_000,
  /** DOCX: most paragraphs in word/document.xml. */
  maxDocxParagraphs: 60_000,
  /** PDF: most pages. */
  maxPdfPages: 300,
  /** PDF: most bytes all compressed streams together may inflate to. */
  maxPdfInflatedBytes: 150 * 1024 * 1024,
  /** PDF: most positioned text items. */
  maxPdfItems: 400_000,
} as const;

/** What extraction gives the parser: the text, and for a PDF the positioned items of every page. */
export interface Extraction {
  format: ReportFormat;
  text: string;
  pages?: PdfPageItems[];
}

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

const tooLarge = (message: string): DomainError => new DomainError('too_large', message);

/** What the content is, by its first bytes. */
export type SniffedKind = 'pdf' | 'zip' | 'exe' | 'utf16' | 'binary' | 'text';

export function sniff(bytes: Uint8Array): SniffedKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) return 'zip';
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return 'exe';
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return 'exe';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control += 1;
  return control > Math.max(2, sample.length * 0.01) ? 'binary' : 'text';
}

const KIND_NAMES: Record<SniffedKind, string> = {
  pdf: 'en PDF-fil',
  zip: 'ett zip-arkiv (som Word-dokument)',
  exe: 'ett program',
  utf16: 'text',
  binary: 'binära data',
  text: 'text',
};

/** The format by extension (or by content when the name has none of ours). */
export function formatOf(fileName: string, bytes?: Uint8Array): ReportFormat | null {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'pdf' || ext === 'docx' || ext === 'txt') return ext;
  if (ext === 'text' || ext === 'md') return 'txt';
  if (bytes && bytes.length >= 4) {
    const kind = sniff(bytes);
    if (kind === 'pdf') return 'pdf';
    if (kind === 'zip') return 'docx';
  }
  return null;
}

/** Refuses a file whose content is not what its name says. */
function checkContent(format: ReportFormat, bytes: Uint8Array, fileName: string): void {
  const kind = sniff(bytes);
  const expected: Record<ReportFormat, SniffedKind[]> = { pdf: ['pdf'], docx: ['zip'], txt: ['text', 'utf16'] };
  if (expected[format].includes(kind)) return;
  const what = { pdf: 'en PDF-fil', docx: 'ett Word-dokument (.docx)', txt: 'en textfil' }[format];
  const hint = kind === 'pdf' ? ' Byt filändelsen till .pdf och försök igen.' : kind === 'zip' && format !== 'docx' ? ' Är det ett Word-dokument? Byt då filändelsen till .docx.' : ' Ladda upp rapporten som .pdf, .docx eller .txt (UTF-8).';
  throw new DomainError('unsupported', `Filen "${fileName}" heter .${format} men innehåller ${KIND_NAMES[kind]}, inte ${what}.${hint}`);
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
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

const textTooLong = (fileName: string): DomainError =>
  tooLarge(`Filen "${fileName}" innehåller mer än ${EXTRACT_LIMITS.maxTextChars.toLocaleString('sv-SE')} tecken text; så långa rapporter kan inte importeras.`);

function checkTextSize(text: string, fileName: string): string {
  if (text.length > EXTRACT_LIMITS.maxTextChars) throw textTooLong(fileName);
  return text;
}

// ---- ZIP (DOCX) guard ----------------------------------------------------

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared in the central directory (may lie; inflation is capped separately). */
  size: number;
  localOffset: number;
}

/** Reads a zip's central directory (zip64 included) without inflating anything. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (): DomainError => new DomainError('unprocessable', 'Word-dokumentet är skadat (zip-arkivets innehållsförteckning kan inte läsas).');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 12));
    if (z64 < 0 || z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) throw bad();
    count = Number(buf.readBigUInt64LE(z64 + 32));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (count > maxEntries) throw tooLarge(`Word-dokumentet består av ${count} delar; högst ${maxEntries} kan läsas.`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad();
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // zip64 extended information: the 0xFFFFFFFF fields, in order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = e + 4 + len;
        const next = (): number => {
          const v = q + 8 <= end ? Number(buf.readBigUInt64LE(q)) : Number.NaN;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
        if (Number.isNaN(size) || Number.isNaN(compressedSize) || Number.isNaN(localOffset)) throw bad();
      }
      e += 4 + len;
    }
    entries.push({ name, method: buf.readUInt16LE(p + 10), compressedSize, size, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** Inflates one entry, refusing as soon as it would exceed `cap` bytes. */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry, cap: number, onTooLarge: () => DomainError): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new DomainError('unprocessable', `Word-dokumentet är skadat (delen ${entry.name} saknas).`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
  if (entry.method === 0) {
    if (data.length > cap) throw onTooLarge();
    return data;
  }
  if (entry.method !== 8) throw new DomainError('unprocessable', `Word-dokumentet använder en komprimering som inte stöds (${entry.name}).`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw onTooLarge();
    throw new DomainError('unprocessable', `Word-dokumentet är skadat (delen ${entry.name} kan inte packas upp).`);
  }
}

/** Counts occurrences of a byte pattern, stopping once `limit` is passed. */
function countPattern(buf: Buffer, pattern: Buffer, limit: number): number {
  let n = 0;
  let i = buf.indexOf(pattern);
  while (i >= 0 && n <= limit) {
    n += 1;
    i = buf.indexOf(pattern, i + pattern.length);
  }
  return n;
}

/**
 * Checks a DOCX before mammoth reads it: entry count, declared sizes, then the actual inflated size
 * of every XML part (capped while inflating) and the element and paragraph counts of the document.
 */
export function checkDocxCost(bytes: Uint8Array, fileName: string, limits = EXTRACT_LIMITS): void {
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new DomainError('unsupported', `Filen "${fileName}" är ett zip-arkiv men inget Word-dokument (word/document.xml saknas).`);
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const declared = xml.reduce((sum, e) => sum + e.size, 0);
  const refuse = (size: number): DomainError =>
    tooLarge(`Word-dokumentet "${fileName}" packas upp till ${size > 0 ? `mer än ${MB(size)}` : 'för mycket'} text och formatering; högst ${MB(limits.maxDocumentXmlBytes)} kan läsas. Är det verkligen en rapport?`);
  if (doc.size > limits.maxDocumentXmlBytes) throw refuse(doc.size);
  if (declared > limits.maxDocxXmlBytes) throw refuse(declared);
  let budget = limits.maxDocxXmlBytes;
  for (const entry of xml) {
    const cap = Math.min(budget, entry === doc ? limits.maxDocumentXmlBytes : budget);
    const out = inflateZipEntry(bytes, entry, cap, () => refuse(entry === doc ? limits.maxDocumentXmlBytes : limits.maxDocxXmlBytes));
    budget -= out.length;
    if (entry !== doc) continue;
    const elements = countPattern(out, Buffer.from('<'), limits.maxDocxElements);
    if (elements > limits.maxDocxElements) throw tooLarge(`Word-dokumentet "${fileName}" har fler än ${limits.maxDocxElements.toLocaleString('sv-SE')} XML-element; så stora dokument kan inte läsas.`);
    const paragraphs = countPattern(out, Buffer.from('<w:p>'), limits.maxDocxParagraphs) + countPattern(out, Buffer.from('<w:p '), limits.maxDocxParagraphs);
    if (paragraphs > limits.maxDocxParagraphs) throw tooLarge(`Word-dokumentet "${fileName}" har fler än ${limits.maxDocxParagraphs.toLocaleString('sv-SE')} stycken; så stora dokument kan inte läsas.`);
  }
}

// ---- PDF guard -----------------------------------------------------------

/**
 * Inflates every zlib stream in a PDF (object streams included) against one budget, stopping as
 * soon as it is spent: a small file whose streams would inflate to gigabytes is refused before
 * pdf.js inflates anything. Streams that are not zlib data are skipped (pdf.js reads them).
 */
export function checkPdfStreams(bytes: Uint8Array, fileName: string, budget: number = EXTRACT_LIMITS.maxPdfInflatedBytes): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = budget;
  let at = buf.indexOf('stream');
  while (at >= 0) {
    let start = at + 6;
    if (buf[start] === 0x0d) start += 1;
    if (buf[start] === 0x0a) start += 1;
    const isStart = start > at + 6 && buf[at - 1] !== 0x64; // "stream" + EOL, not the tail of "endstream"
    const end = buf.indexOf('endstream', start);
    const stop = end < 0 ? buf.length : end;
    if (isStart && (buf[start] ?? 0) % 16 === 8 && (((buf[start] ?? 0) << 8) | (buf[start + 1] ?? 0)) % 31 === 0) {
      try {
        left -= inflateSync(buf.subarray(start, stop), { maxOutputLength: Math.max(1, left), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw tooLarge(`PDF-filen "${fileName}" packas upp till mer än ${MB(budget)}; så stora PDF-filer kan inte läsas. Är den skadad?`);
        }
      }
    }
    if (end < 0) break;
    at = buf.indexOf('stream', end + 9);
  }
  return budget - left;
}

// ---- DOCX ----------------------------------------------------------------

function stripTags(html: string): string {
  return html.replace(/<[^<>]{0,2000}>/g, ' ');
}

const decodeEntities = (s: string): string => decodeHtmlEntities(s, { nbsp: ' ' });

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

async function extractDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  checkDocxCost(bytes, fileName);
  const mammoth = await import('mammoth');
  let html: string;
  try {
    // Images are not read at all (the importer wants text); mammoth would inline them as base64.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
    html = result.value;
  } catch {
    throw new DomainError('unprocessable', `Filen "${fileName}" kunde inte läsas som Word-dokument (.docx). Är den skadad eller i ett annat format?`);
  }
  return docxHtmlToText(html);
}

// ---- PDF -----------------------------------------------------------------

function isTextItem(item: unknown): item is { str: string; transform: number[]; width: number; hasEOL?: boolean } {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function extractPdf(bytes: Uint8Array, fileName: string): Promise<{ text: string; pages: PdfPageItems[] }> {
  checkPdfStreams(bytes, fileName);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: true, verbosity: 0 }).promise;
  } catch (err) {
    const encrypted = (err as { name?: string }).name === 'PasswordException';
    throw new DomainError('unprocessable', encrypted ? `PDF-filen "${fileName}" är lösenordsskyddad; ladda upp en fil utan lösenord.` : `Filen "${fileName}" kunde inte läsas som PDF. Är den skadad eller i ett annat format?`);
  }
  try {
    if (doc.numPages > EXTRACT_LIMITS.maxPdfPages) {
      throw tooLarge(`PDF-filen "${fileName}" har ${doc.numPages} sidor; högst ${EXTRACT_LIMITS.maxPdfPages} sidor kan importeras.`);
    }
    const pages: PdfPageItems[] = [];
    const texts: string[] = [];
    let itemCount = 0;
    let chars = 0;
    for (let i = 1; i <= doc.numPages; i += 1) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
      try {
        page = await doc.getPage(i);
        content = await page.getTextContent();
      } catch {
        throw new DomainError('unprocessable', `PDF-filen "${fileName}" är skadad: sidan ${i} kan inte läsas.`);
      }
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const t = item.transform;
        items.push({ str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, width: item.width, size: Math.abs(t[3] ?? 10) || 10, eol: Boolean(item.hasEOL) });
      }
      itemCount += items.length;
      if (itemCount > EXTRACT_LIMITS.maxPdfItems) throw tooLarge(`PDF-filen "${fileName}" innehåller fler än ${EXTRACT_LIMITS.maxPdfItems.toLocaleString('sv-SE')} textbitar; så stora PDF-filer kan inte läsas.`);
      const [, , width = 0, height = 0] = page.view;
      const text = layoutPdfPage({ items }).text;
      chars += text.length;
      if (chars > EXTRACT_LIMITS.maxTextChars) throw textTooLong(fileName);
      pages.push({ page: i, width, height, items });
      texts.push(text);
      page.cleanup();
    }
    return { text: texts.join('\n\f\n'), pages };
  } finally {
    await doc.destroy();
  }
}

/**
 * Extracts the text of an uploaded report (and, for a PDF, the positioned items of every page).
 * The format follows the name; content that is something else is refused.
 */
export async function extractReport(bytes: Uint8Array, fileName: string): Promise<Extraction> {
  if (bytes.length === 0) throw new DomainError('validation', `Filen "${fileName}" är tom.`);
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(`Filen "${fileName}" är för stor (${MB(bytes.length)}); högst ${MB(MAX_FILE_BYTES)} kan importeras.`);
  const format = formatOf(fileName, bytes);
  if (!format) {
    const kind = sniff(bytes);
    const what = kind === 'exe' ? ' Filen är ett program.' : '';
    throw new DomainError('unsupported', `Filen "${fileName}" har ett format som inte stöds.${what} Ladda upp en rapport som .pdf, .docx eller .txt.`);
  }
  checkContent(format, bytes, fileName);
  if (format === 'txt') return { format, text: checkTextSize(decodeText(bytes), fileName) };
  if (format === 'docx') return { format, text: checkTextSize(await extractDocx(bytes, fileName), fileName) };
  const pdf = await extractPdf(bytes, fileName);
  return { format, text: pdf.text, pages: pdf.pages };
}

/** Extracts the text of an uploaded report. */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<{ text: string; format: ReportFormat }> {
  const { text, format } = await extractReport(bytes, fileName);
  return { text, format };
}
