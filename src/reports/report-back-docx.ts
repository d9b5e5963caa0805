/**
 * Report-back view model → DOCX, with the evaluation report's fonts, styles and table look.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';
import { renderChartPng } from '../charts/render-svg.ts';
import { REPORT_BACK_CHART as CHART, reportBackChartSvgs } from './report-back-charts.ts';
import { cell, chart, docxFonts, docxStyles, MUTED, SANS, table, textCell } from './docx.ts';
import type { ReportBackViewModel } from './report-back-view-model.ts';

const DECISION = 'kompass-decision';
const h = (text: string, level: 1 | 2): Paragraph => new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const p = (text: string, opts: { italic?: boolean; muted?: boolean } = {}): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, italics: opts.italic ?? false, ...(opts.muted ? { color: MUTED } : {}) })] });

export async function renderReportBackDocx(vm: ReportBackViewModel): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [];
  body.push(new Paragraph({ children: [new TextRun({ text: vm.kicker, font: SANS, bold: true, color: MUTED, size: 20 })] }));
  body.push(table(null, vm.facts.map((f) => [textCell(f.label, { width: 28, header: true }), textCell(f.value, { width: 72 })]), [28, 72]));
  body.push(new Paragraph({ style: 'Title', spacing: { before: 360 }, children: [new TextRun({ text: vm.title, size: 44 })] }));
  if (vm.demoNotice) body.push(new Paragraph({ children: [new TextRun({ text: vm.demoNotice, font: SANS, bold: true, color: '8A3A00' })] }));

  body.push(h(vm.decision.heading, 2));
  for (const item of vm.decision.items) body.push(new Paragraph({ children: [new TextRun(item)], numbering: { reference: DECISION, level: 0 } }));

  body.push(h(vm.summary.heading, 2));
  for (const para of vm.summary.paragraphs) body.push(p(para));
  body.push(h(vm.background.heading, 2));
  for (const para of vm.background.paragraphs) body.push(p(para));

  body.push(h(vm.status.heading, 2));
  body.push(p(vm.status.intro, { muted: true }));
  for (const g of vm.status.groups) {
    body.push(new Paragraph({ style: 'TableTitle', keepNext: true, children: [new TextRun(g.heading)] }));
    body.push(
      table(
        vm.status.columns,
        g.rows.map((r) => [
          cell(
            [
              new Paragraph({ children: [new TextRun({ text: r.improvement, bold: true })] }),
              ...(r.subarea ? [new Paragraph({ children: [new TextRun({ text: `Delområde ${r.subarea}`, size: 17, color: MUTED, font: SANS })] })] : []),
              ...(r.comment ? [new Paragraph({ children: [new TextRun({ text: r.comment, italics: true, size: 19 })] })] : []),
            ],
            { width: 30 },
          ),
          cell(
            r.actions.length
              ? r.actions.flatMap((a) => [
                  new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: a.text, size: 19 })] }),
                  new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: [a.responsible, a.dates].filter(Boolean).join(' · '), size: 16, color: MUTED, font: SANS })] }),
                ])
              : [new Paragraph({ children: [new TextRun({ text: 'Inga åtgärder angivna', italics: true, size: 19 })] })],
            { width: 40 },
          ),
          textCell(`${r.status}${r.priority ? ` · prioritet ${r.priority}` : ''}`, { width: 12 }),
          cell(r.changes.length ? r.changes.map((c) => new Paragraph({ children: [new TextRun({ text: c, size: 17 })] })) : [new Paragraph({ children: [new TextRun({ text: '–', size: 17 })] })], { width: 18 }),
        ]),
        [30, 40, 12, 18],
      ),
    );
  }

  body.push(h(vm.indicators.heading, 2));
  body.push(p(vm.indicators.intro, { muted: true }));
  if (vm.indicators.rows.length) {
    body.push(table(vm.indicators.columns, vm.indicators.rows.map((r) => [textCell(r.name, { width: 34 }), textCell(r.latest, { width: 18 }), textCell(r.targets, { width: 22 }), textCell(r.assessment, { width: 26 })]), [34, 18, 22, 26]));
  }
  const svgs = reportBackChartSvgs(vm);
  vm.indicators.charts.forEach((c, i) => {
    const svg = svgs[i];
    if (!svg) return;
    body.push(...chart(renderChartPng(svg, { width: CHART.width * 2 }), CHART.width, CHART.height, c.alt, c.caption, 0.9));
  });

  body.push(h(vm.nextSteps.heading, 2));
  for (const para of vm.nextSteps.paragraphs) body.push(p(para));

  const doc = new Document({
    title: vm.meta.title,
    subject: vm.meta.subject,
    creator: vm.meta.author || 'kompass',
    keywords: vm.meta.keywords.join(', '),
    description: vm.kicker,
    hyphenation: { autoHyphenation: true, hyphenationZone: 284 },
    fonts: docxFonts(),
    numbering: {
      config: [{ reference: DECISION, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }] }],
    },
    styles: docxStyles(),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1361, bottom: 1361, left: 1304, right: 1304 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: vm.meta.title, font: SANS, size: 16, color: MUTED })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: SANS, size: 17, color: MUTED })] })] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
