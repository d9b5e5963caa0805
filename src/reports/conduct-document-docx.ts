/** Questionnaire and interview-schedule documents → DOCX, with the evaluation report's fonts and styles. */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';
import type { ConductDocument } from './conduct-document.ts';
import { docxFonts, docxStyles, MUTED, SANS, table, textCell } from './docx.ts';

export async function renderConductDocx(doc: ConductDocument): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [];
  body.push(new Paragraph({ children: [new TextRun({ text: doc.kicker, font: SANS, bold: true, color: MUTED, size: 20 })] }));
  body.push(table(null, doc.facts.map((f) => [textCell(f.label, { width: 30, header: true }), textCell(f.value, { width: 70 })]), [30, 70]));
  body.push(new Paragraph({ style: 'Title', spacing: { before: 360 }, children: [new TextRun({ text: doc.title, size: 44 })] }));
  for (const s of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }));
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') {
        body.push(b.muted ? new Paragraph({ children: [new TextRun({ text: b.text, color: MUTED })] }) : new Paragraph({ style: 'TableTitle', keepNext: true, children: [new TextRun(b.text)] }));
      } else if (b.kind === 'question') {
        body.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: `${b.number}  ${b.text}`, font: SANS, bold: true, size: 19 })] }));
        if (b.help) body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: b.help, font: SANS, size: 16, color: MUTED })] }));
        for (const para of b.answer) body.push(new Paragraph({ children: [new TextRun(para)] }));
        for (const a of b.attachments) body.push(new Paragraph({ children: [new TextRun({ text: a, font: SANS, size: 17, color: MUTED })] }));
      } else {
        body.push(table(b.columns, b.rows.map((r) => r.map((c, i) => textCell(c, { width: b.widths[i] ?? 10 }))), b.widths));
      }
    }
  }
  const document = new Document({
    title: doc.meta.title,
    creator: doc.meta.author || 'kompass',
    keywords: doc.meta.keywords.join(', '),
    description: doc.kicker,
    fonts: docxFonts(),
    styles: docxStyles(),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1361, bottom: 1361, left: 1304, right: 1304 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: doc.meta.title, font: SANS, size: 16, color: MUTED })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: SANS, size: 17, color: MUTED })] })] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
