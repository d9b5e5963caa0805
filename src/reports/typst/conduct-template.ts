import { DOCUMENT_PREAMBLE } from './document-preamble.ts';

/**
 * Typst template of the questionnaire and interview-schedule documents (src/reports/conduct-document.ts),
 * with the evaluation report's fonts and colours. All text comes from /data.json as strings.
 */
export const CONDUCT_TEMPLATE = String.raw`
${DOCUMENT_PREAMBLE}#set par(justify: false, leading: 0.62em, spacing: 0.9em)
#set page(paper: "a4", margin: (x: 2.3cm, y: 2.4cm),
  header: text(font: sans, size: 8pt, fill: muted, vm.meta.title),
  footer: context align(center, text(font: sans, size: 8.5pt, fill: muted, counter(page).display())))
#show heading: set text(font: sans, fill: accent, hyphenate: false)
#show heading.where(level: 2): it => { v(0.8em); text(size: 14pt, weight: 700, it); v(0.3em) }
#set table(stroke: (x, y) => (bottom: 0.5pt + rule), inset: (x: 5pt, y: 4pt))
#show table.cell.where(y: 0): set text(font: sans, weight: 600, size: 9pt)
#let sans-text(body, ..args) = text(font: sans, ..args, body)

#sans-text(size: 10pt, weight: 600, fill: muted, vm.kicker)
#table(columns: (auto, 1fr), ..vm.facts.map(f => (sans-text(size: 9pt, weight: 600, f.label), f.value)).flatten())
#v(0.6em)
#block(sans-text(size: 20pt, weight: 700, fill: accent, vm.title))

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
