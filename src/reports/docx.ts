/**
 * Report view model → DOCX (Word, LibreOffice). Real heading styles (navigation pane, table of contents),
 * tables as tables, charts as PNG with alt text, Swedish language and hyphenation, fonts embedded.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { renderChartPng } from '../charts/render-svg.ts';
import { renderReportCharts } from './charts.ts';
import { regularFontFiles, reportFonts } from './fonts.ts';
import type { Block, Run } from './markdown.ts';
import type { ReportViewModel, ScoreRow } from './view-model.ts';
import { LANG_TAGS } from './report-language.ts';

export const SANS = 'Inter';
export const SERIF = 'Source Serif 4';
export const ACCENT = '1F4E89';
export const MUTED = '595959';
const RULE = 'C8C8C8';
export const SOFT = 'EEF2F8';
export const LANG = { value: 'sv-SE' } as const;
/** The language of the evaluation's own texts (printed as written): Swedish. */
const AS_WRITTEN = { value: 'sv-SE' } as const;
/** Text width of an A4 page with 2.3 cm margins, in pixels at 96 dpi (for images). */
export const TEXT_WIDTH_PX = Math.round(((21 - 4.6) / 2.54) * 96);

const ORDERED = 'kompass-ordered';

let listInstance = 0;

function runsOf(runs: readonly Run[]): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, language: AS_WRITTEN }));
}

function blocksOf(blocks: readonly Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(new Paragraph({ children: runsOf(b.runs) }));
    else if (b.kind === 'quote') out.push(new Paragraph({ children: runsOf(b.runs), indent: { left: 567 }, style: 'Quote' }));
    else {
      const instance = ++listInstance;
      for (const item of b.items) {
        out.push(
          new Paragraph({
            children: runsOf(item),
            ...(b.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
          }),
        );
      }
    }
  }
  return out;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export function cell(children: Paragraph[], opts: { width?: number; header?: boolean; right?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children,
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    borders: { top: none, left: none, right: none, bottom: thin },
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
  });
}

export function textCell(text: string, opts: { width?: number; header?: boolean; right?: boolean; bold?: boolean; asWritten?: boolean } = {}): TableCell {
  const run = new TextRun({ text, bold: opts.bold ?? opts.header ?? false, font: opts.header ? SANS : undefined, size: opts.header ? 17 : undefined, ...(opts.asWritten ? { language: AS_WRITTEN } : {}) });
  return cell([new Paragraph({ children: [run], alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT })], opts);
}

export function table(header: string[] | null, rows: TableCell[][], widths: number[], rightFrom = Number.POSITIVE_INFINITY): Table {
  const all: TableRow[] = [];
  if (header) {
    all.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => textCell(h, { header: true, width: widths[i] ?? 10, right: i >= rightFrom })),
      }),
    );
  }
  for (const r of rows) all.push(new TableRow({ children: r, cantSplit: true }));
  return new Table({
    rows: all,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
  });
}

function heading(text: string, level: 1 | 2 | 3, number?: number): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: h, children: [new TextRun(number === undefined ? text : `${number} ${text}`)], ...(level === 1 ? { pageBreakBefore: true } : {}) });
}

export function chart(png: Buffer, width: number, height: number, alt: string, title: string, scale: number): Paragraph[] {
  const w = Math.round(TEXT_WIDTH_PX * scale);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: w, height: Math.round((w * height) / width) },
          altText: { name: title, title, description: alt },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, style: 'Caption', children: [new TextRun(title)] }),
  ];
}

function scoreRowCells(r: ScoreRow, bold = false): TableCell[] {
  return [
    textCell(r.id === 'total' || /^\d$/.test(r.id) ? '' : r.id, { width: 8, bold }),
    textCell(r.title, { width: 56, bold }),
    textCell(r.achieved, { width: 12, right: true, bold }),
    textCell(r.max, { width: 10, right: true, bold }),
    textCell(r.percent, { width: 14, right: true, bold }),
  ];
}


/** The embedded fonts of every kompass DOCX (the report's typography). */
export function docxFonts() {
  const fonts = reportFonts();
  const face = (family: string, pattern: RegExp): Buffer | undefined => fonts.find((f) => f.family === family && pattern.test(f.file))?.data;
  return [
    { name: SERIF, data: face(SERIF, /400Regular\.ttf$/) as Buffer, bold: face(SERIF, /700Bold\.ttf$/), italic: face(SERIF, /400Regular_Italic/) },
    { name: SANS, data: face(SANS, /400Regular\.ttf$/) as Buffer, bold: face(SANS, /700Bold\.ttf$/) },
  ];
}

/** The paragraph and heading styles of every kompass DOCX. */
export function docxStyles(LANG: { value: string } = { value: 'sv-SE' }) {
  return {
      default: {
        document: { run: { font: SERIF, size: 21, language: LANG }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: SANS, size: 68, bold: true, color: ACCENT, language: LANG }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading1: { run: { font: SANS, size: 40, bold: true, color: ACCENT, language: LANG }, paragraph: { spacing: { before: 240, after: 240 }, keepNext: true } },
        heading2: { run: { font: SANS, size: 28, bold: true, color: ACCENT, language: LANG }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { run: { font: SANS, size: 22, bold: true, color: ACCENT, language: LANG }, paragraph: { spacing: { before: 240, after: 60 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 17, color: MUTED }, paragraph: { spacing: { after: 240 } } },
        { id: 'TableTitle', name: 'Table Title', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 21, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 60 } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 40, bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true } },
      ],
  };
}

/** Renders the report to DOCX bytes. */
export async function renderReportDocx(vm: ReportViewModel): Promise<Buffer> {
  const L = vm.labels;
  const charts = renderReportCharts(vm);
  const fontFiles = regularFontFiles();
  const barPng = renderChartPng(charts.bar.svg, { width: charts.bar.width * 2, fontFiles });
  const radarPng = charts.radar ? renderChartPng(charts.radar.svg, { width: charts.radar.width * 2, fontFiles }) : null;

  const body: Array<Paragraph | Table | TableOfContents> = [];
  let chapter = 0;

  // ---- title page ----
  body.push(new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: vm.titlePage.kicker, font: SANS, bold: true, color: MUTED, size: 24 })] }));
  body.push(new Paragraph({ style: 'Title', children: [new TextRun(vm.titlePage.municipality)] }));
  body.push(new Paragraph({ children: [new TextRun({ text: vm.titlePage.year, font: SANS, size: 48 })] }));
  if (vm.titlePage.statusWarning) {
    body.push(new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: vm.titlePage.statusWarning, font: SANS, bold: true, color: '8A3A00' })] }));
  }
  body.push(new Paragraph({ spacing: { before: 4800 }, children: [] }));
  const titleFacts: Array<[string, string]> = [
    [L.evaluatorsHeading, vm.titlePage.evaluators.join('\n')],
    [L.framework, vm.titlePage.framework],
    ...(vm.titlePage.dateText ? [[L.when, vm.titlePage.dateText] as [string, string]] : []),
  ];
  body.push(
    table(
      null,
      titleFacts.map(([k, v]) => [
        textCell(k, { width: 30, header: true }),
        cell(v.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: SANS })] })), { width: 70 }),
      ]),
      [30, 70],
    ),
  );

  // ---- contents ----
  body.push(new Paragraph({ children: [new PageBreak()] }));
  body.push(new Paragraph({ style: 'TOCHeading', children: [new TextRun(L.contents)] }));
  body.push(new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-2' }));

  // ---- 1 about ----
  body.push(heading(vm.about.heading, 1, ++chapter));
  body.push(...blocksOf(vm.about.blocks));

  // ---- 2 summary ----
  body.push(heading(vm.summary.heading, 1, ++chapter));
  body.push(table(null, vm.summary.facts.map((f) => [textCell(f.label, { width: 30, header: true }), textCell(f.value, { width: 70 })]), [30, 70]));
  for (const n of vm.summary.notes) body.push(new Paragraph({ children: [new TextRun({ text: n, italics: true })] }));
  body.push(...chart(barPng, charts.bar.width, charts.bar.height, vm.summary.bar.alt, vm.summary.bar.caption, 0.92));
  if (radarPng && charts.radar && vm.summary.radar) {
    body.push(...chart(radarPng, charts.radar.width, charts.radar.height, vm.summary.radar.alt, vm.summary.radar.caption, 0.72));
  }
  const c = vm.summary.comparison;
  if (c) {
    body.push(new Paragraph({ style: 'TableTitle', keepNext: true, children: [new TextRun(c.heading)] }));
    const widths = [52, ...c.columns.slice(1).map(() => Math.floor(48 / (c.columns.length - 1)))];
    const rowCells = (r: typeof c.total, bold: boolean): TableCell[] => [
      textCell(r.title, { width: widths[0], bold }),
      textCell(r.score, { right: true, bold, width: widths[1] }),
      ...(r.previous !== null ? [textCell(r.previous, { right: true, bold, width: widths[2] })] : []),
      ...(r.average !== null ? [textCell(r.average, { right: true, bold, width: widths[widths.length - 1] })] : []),
    ];
    body.push(table(c.columns, [...c.rows.map((r) => rowCells(r, false)), rowCells(c.total, true)], widths, 1));
  }
  if (vm.summary.comments.length) {
    body.push(heading(vm.summary.commentsHeading, 2));
    body.push(...blocksOf(vm.summary.comments));
  }

  // ---- 3 areas ----
  body.push(heading(vm.areasHeading, 1, ++chapter));
  for (const a of vm.areas) {
    body.push(heading(a.heading, 2));
    body.push(
      table(
        null,
        [
          [cell([new Paragraph({ children: [new TextRun({ text: a.scoreText, bold: true, font: SANS })] })], { width: 100, fill: SOFT })],
          ...a.subareaList.map((s) => [
            cell([new Paragraph({ children: [new TextRun({ text: `${s.id}  ${s.title}`, font: SANS, size: 18 }), new TextRun({ text: `\t${s.scoreText}`, font: SANS, size: 18 })], tabStops: [{ type: 'right', position: 9000 }] })], { width: 100, fill: SOFT }),
          ]),
        ],
        [100],
      ),
    );
    body.push(...blocksOf(a.introduction));
    body.push(...blocksOf(a.summary));
    for (const n of a.narratives) {
      body.push(heading(n.heading, 3));
      body.push(...blocksOf(n.blocks));
    }
    const list = (items: string[]): Paragraph[] =>
      items.length ? items.map((t) => new Paragraph({ children: [new TextRun({ text: t, language: AS_WRITTEN })], bullet: { level: 0 } })) : [new Paragraph({ children: [new TextRun({ text: L.noneListed, italics: true })] })];
    body.push(new Paragraph({ children: [], spacing: { before: 120 } }));
    body.push(table([L.strengths, L.improvements], [[cell(list(a.strengths), { width: 50 }), cell(list(a.improvements), { width: 50 })]], [50, 50]));
    if (a.goodExamples.length) {
      body.push(heading(L.goodExamples, 3));
      for (const g of a.goodExamples) {
        const children: ParagraphChild[] = [new TextRun({ text: g.name, bold: true, language: AS_WRITTEN })];
        if (g.subarea) children.push(new TextRun(` (${g.subarea})`));
        if (g.text) children.push(new TextRun({ text: `: ${g.text}`, language: AS_WRITTEN }));
        body.push(new Paragraph({ children, bullet: { level: 0 } }));
      }
    }
  }

  // ---- 4 score overview ----
  body.push(heading(vm.scoreOverview.heading, 1, ++chapter));
  body.push(new Paragraph({ children: [new TextRun({ text: vm.scoreOverview.note, size: 18, color: MUTED })] }));
  for (const t of vm.scoreOverview.tables) {
    body.push(new Paragraph({ style: 'TableTitle', keepNext: true, children: [new TextRun(t.heading)] }));
    body.push(table([L.subarea, '', L.achieved, L.max, L.percent], [...t.rows.map((r) => scoreRowCells(r)), scoreRowCells(t.total, true)], [8, 56, 12, 10, 14], 2));
  }
  body.push(new Paragraph({ children: [], spacing: { before: 200 } }));
  body.push(table(['', L.achieved, L.max, L.percent], [[textCell(vm.scoreOverview.grandTotal.title, { width: 64, bold: true }), textCell(vm.scoreOverview.grandTotal.achieved, { width: 12, right: true, bold: true }), textCell(vm.scoreOverview.grandTotal.max, { width: 10, right: true, bold: true }), textCell(vm.scoreOverview.grandTotal.percent, { width: 14, right: true, bold: true })]], [64, 12, 10, 14], 1));

  // ---- 5 key facts ----
  if (vm.keyFacts) {
    body.push(heading(vm.keyFacts.heading, 1, chapter + 1));
    body.push(table(null, vm.keyFacts.facts.map((f) => [textCell(f.label, { width: 35, header: true, asWritten: true }), textCell(f.value, { width: 65, asWritten: true })]), [35, 65]));
  }

  const doc = new Document({
    title: vm.meta.title,
    subject: vm.meta.subject,
    creator: vm.meta.author || 'kompass',
    keywords: vm.meta.keywords.join(', '),
    description: vm.titlePage.kicker,
    features: { updateFields: true },
    hyphenation: { autoHyphenation: true, hyphenationZone: 284 },
    fonts: docxFonts(),
    numbering: {
      config: [{ reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }] }],
    },
    styles: docxStyles({ value: LANG_TAGS[vm.lang].tag }),
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1361, bottom: 1361, left: 1304, right: 1304 } },
          titlePage: true,
        },
        headers: {
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: vm.meta.title, font: SANS, size: 16, color: MUTED })] })] }),
          first: new Header({ children: [] }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: SANS, size: 17, color: MUTED })] })] }),
          first: new Footer({ children: [] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
