/**
 * Test fixtures generated at test time by the project's own tools, never downloaded:
 * a seed text rendered into DOCX (docx package; tab-separated lines become table rows, as in Word
 * exports) and into PDF (Typst compiler with the Inter font from node_modules), in one column or set
 * in two columns as some offices print their reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const REPO = path.resolve(import.meta.dirname, '../../..');

export async function renderDocx(text: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  let rows: TableRow[] = [];
  const flush = (): void => {
    if (rows.length) children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      rows.push(new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })) }));
      continue;
    }
    flush();
    children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  flush();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const TYPST = `
#set page(paper: "a4", margin: 18mm)
#set text(font: "Inter", size: 8pt, lang: "sv")
#set par(justify: false)
#for line in sys.inputs.body.split("\\n") {
  let cells = line.split("\\t")
  if cells.len() > 1 {
    grid(columns: (1fr,) * cells.len(), column-gutter: 3em, ..cells.map(c => c))
    v(0.4em)
  } else if line.trim() == "" {
    v(0.4em)
  } else {
    par(line)
  }
}
`;

async function compile(source: string, inputs: Record<string, string>): Promise<Uint8Array> {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const fontDir = path.join(REPO, 'node_modules/@expo-google-fonts/inter/400Regular');
  const fonts = readdirSync(fontDir).filter((f) => f.endsWith('.ttf')).map((f) => readFileSync(path.join(fontDir, f)));
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts }] });
  return new Uint8Array(compiler.pdf({ mainFileContent: source, inputs }));
}

export async function renderPdf(text: string): Promise<Uint8Array> {
  return compile(TYPST, { body: text });
}

/**
 * Two columns per page, with the title over both columns on the first page and an SKR page header over
 * both; a table row (tab-separated line) is a grid inside its column, a cell with bullets a list. From
 * the score overview on, the report is set in one column (a wide table), as such reports usually are.
 */
const TYPST_TWO_COLUMNS = `
#let cell(c) = {
  let items = c.split("•").map(s => s.trim()).filter(s => s != "")
  if c.contains("•") { list(..items) } else { c }
}
#let body(text) = for line in text.split("\\n") {
  let cells = line.split("\\t")
  if cells.len() > 1 {
    grid(columns: (1fr,) * cells.len(), column-gutter: 1.2em, ..cells.map(cell))
    v(0.4em)
  } else if line.trim() == "" {
    v(0.4em)
  } else {
    par(line)
  }
}
#set text(font: "Inter", size: 8pt, lang: "sv")
#set par(justify: false)
#set page(paper: "a4", margin: (x: 16mm, top: 22mm, bottom: 18mm), columns: 2,
  header: context [#set text(size: 7pt); Sveriges Kommuner och Regioner #h(1fr) #sys.inputs.date #h(1fr) #counter(page).display() (#counter(page).final().first())])
#place(top + center, float: true, scope: "parent", text(size: 14pt, sys.inputs.title))
#body(sys.inputs.main)
#set page(columns: 1)
#body(sys.inputs.appendix)
`;

/** Renders a report in two columns (see above). The first line of the text is the title; markup remnants of web copies are dropped. */
export async function renderTwoColumnPdf(text: string, options: { date: string }): Promise<Uint8Array> {
  const clean = text.replace(/<\/?(?:ul|li)\b[^<>]*>/g, ' ');
  const lines = clean.split('\n');
  const titleAt = lines.findIndex((l) => l.trim().length > 0);
  const title = lines[titleAt]?.trim() ?? '';
  const rest = lines.slice(titleAt + 1).join('\n');
  const overview = /^(?:\d\.?\s+)?Översikt av poängfördelning\s*$/m.exec(rest);
  const cut = overview?.index ?? rest.length;
  return compile(TYPST_TWO_COLUMNS, { title, date: options.date, main: rest.slice(0, cut), appendix: rest.slice(cut) });
}
