/**
 * Test fixtures generated at test time by the project's own tools, never downloaded:
 * a seed text rendered into DOCX (docx package; tab-separated lines become table rows, as in Word
 * exports) and into PDF (Typst compiler with the Inter font from node_modules).
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

export async function renderPdf(text: string): Promise<Uint8Array> {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const fontDir = path.join(REPO, 'node_modules/@expo-google-fonts/inter/400Regular');
  const fonts = readdirSync(fontDir).filter((f) => f.endsWith('.ttf')).map((f) => readFileSync(path.join(fontDir, f)));
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts }] });
  const pdf = compiler.pdf({ mainFileContent: TYPST, inputs: { body: text } });
  return new Uint8Array(pdf);
}
