import { DOCUMENT_PREAMBLE, DOCUMENT_TITLE } from './document-preamble.ts';

/**
 * The report-back's Typst template, with the evaluation report's fonts, colours and table look.
 * Static source: all text comes from /data.json and is shown as strings (never parsed as markup);
 * indicator charts are SVG files /charts/indicator-N.svg.
 */
export const REPORT_BACK_TEMPLATE = String.raw`
${DOCUMENT_PREAMBLE}#set par(justify: true, leading: 0.62em, spacing: 0.9em)
${DOCUMENT_TITLE}#if vm.demoNotice != none { block(sans-text(weight: 700, fill: rgb("#8a3a00"), vm.demoNotice)) }

#heading(level: 2, vm.decision.heading)
#enum(..vm.decision.items.map(i => [#i]))

#heading(level: 2, vm.summary.heading)
#for p in vm.summary.paragraphs { par(p) }

#heading(level: 2, vm.background.heading)
#for p in vm.background.paragraphs { par(p) }

#heading(level: 2, vm.status.heading)
#text(fill: muted, vm.status.intro)
#for g in vm.status.groups {
  block(above: 1em, below: 0.4em, sans-text(weight: 700, fill: accent, g.heading))
  table(
    columns: (30%, 40%, 12%, 18%),
    table.header(..vm.status.columns.map(c => [#c])),
    ..g.rows.map(r => (
      [#strong(r.improvement) #if r.subarea != "" { linebreak(); sans-text(size: 8pt, fill: muted, "Delområde " + r.subarea) } #if r.comment != "" { linebreak(); emph(text(size: 9pt, r.comment)) }],
      if r.actions.len() == 0 { emph(text(size: 9pt, "Inga åtgärder angivna")) } else {
        list(..r.actions.map(a => [#text(size: 9pt, a.text) \ #sans-text(size: 7.5pt, fill: muted, (a.responsible, a.dates).filter(x => x != "").join(" · "))]))
      },
      text(size: 9pt, r.status + if r.priority != "" { " · prioritet " + r.priority } else { "" }),
      text(size: 8.5pt, if r.changes.len() == 0 { "–" } else { r.changes.join("\n") }),
    )).flatten(),
  )
}

#heading(level: 2, vm.indicators.heading)
#text(fill: muted, vm.indicators.intro)
#if vm.indicators.rows.len() > 0 {
  table(
    columns: (34%, 18%, 22%, 26%),
    table.header(..vm.indicators.columns.map(c => [#c])),
    ..vm.indicators.rows.map(r => (r.name, r.latest, r.targets, r.assessment)).flatten(),
  )
}
#for (i, c) in vm.indicators.charts.enumerate() {
  figure(image("/charts/indicator-" + str(i) + ".svg", width: 90%, alt: c.alt), caption: c.caption)
}

#heading(level: 2, vm.nextSteps.heading)
#for p in vm.nextSteps.paragraphs { par(p) }
`;
