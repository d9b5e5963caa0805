/**
 * The opening of the documents that go with an evaluation (report-back, questionnaire, interview
 * schedule): the view model from /data.json, the evaluation report's fonts and colours, the PDF's
 * metadata, the body text, and the page, heading and table look. Each template continues with its own
 * paragraph setting (justified or not), then `DOCUMENT_TITLE` and its own content.
 */
export const DOCUMENT_PREAMBLE = String.raw`#let vm = json("/data.json")
#let sans = ("Inter",)
#let serif = ("Source Serif 4",)
#let accent = rgb("#1f4e89")
#let muted = rgb("#595959")
#let rule = rgb("#c8c8c8")
#let d = vm.meta.date.split("-").map(int)
#set document(title: vm.meta.title, author: vm.meta.author, keywords: vm.meta.keywords, date: datetime(year: d.at(0), month: d.at(1), day: d.at(2)))
#set text(font: serif, size: 10.5pt, lang: "sv", region: "SE", hyphenate: true, fallback: false)
#set page(paper: "a4", margin: (x: 2.3cm, y: 2.4cm),
  header: text(font: sans, size: 8pt, fill: muted, vm.meta.title),
  footer: context align(center, text(font: sans, size: 8.5pt, fill: muted, counter(page).display())))
#show heading: set text(font: sans, fill: accent, hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 2): it => { v(0.8em); text(size: 14pt, weight: 700, it); v(0.3em) }
#set table(stroke: (x, y) => (bottom: 0.5pt + rule), inset: (x: 5pt, y: 4pt))
#show table.cell.where(y: 0): set text(font: sans, weight: 600, size: 9pt)
#show table: set par(justify: false)
#show figure.caption: set text(font: sans, size: 9pt, fill: muted)
#let sans-text(body, ..args) = text(font: sans, ..args, body)
`;

/** The document's first lines: the kicker, the facts table (label, value) and the title. */
export const DOCUMENT_TITLE = String.raw`#sans-text(size: 10pt, weight: 600, fill: muted, vm.kicker)
#table(columns: (auto, 1fr), ..vm.facts.map(f => (sans-text(size: 9pt, weight: 600, f.label), f.value)).flatten())
#v(0.6em)
#block(sans-text(size: 20pt, weight: 700, fill: accent, vm.title))
`;
