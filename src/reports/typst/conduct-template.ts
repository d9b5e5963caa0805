import { DOCUMENT_PREAMBLE, DOCUMENT_TITLE } from './document-preamble.ts';

/**
 * Typst template of the questionnaire and interview-schedule documents (src/reports/conduct-document.ts),
 * with the evaluation report's fonts and colours. All text comes from /data.json as strings.
 */
export const CONDUCT_TEMPLATE = String.raw`
${DOCUMENT_PREAMBLE}#set par(justify: false, leading: 0.62em, spacing: 0.9em)
${DOCUMENT_TITLE}
#for s in vm.sections {
  heading(level: 2, s.heading)
  for b in s.blocks {
    if b.kind == "paragraph" {
      if b.muted { text(fill: muted, b.text) } else { block(above: 1em, below: 0.4em, sans-text(weight: 700, fill: accent, b.text)) }
    } else if b.kind == "question" {
      block(breakable: true, above: 0.8em, {
        sans-text(size: 9.5pt, weight: 600, b.number + "  " + b.text)
        if b.help != "" { linebreak(); sans-text(size: 8pt, fill: muted, b.help) }
        for p in b.answer { par(p) }
        for a in b.attachments { block(sans-text(size: 8.5pt, fill: muted, a)) }
      })
    } else if b.kind == "table" {
      table(
        columns: b.widths.map(w => w * 1%),
        table.header(..b.columns.map(c => [#c])),
        ..b.rows.flatten().map(c => text(size: 9.5pt, c)),
      )
    }
  }
}
`;
