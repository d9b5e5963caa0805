/**
 * The report's Typst template. Static source: every piece of report text (all user text included)
 * comes from /data.json, read with json() and shown as strings, so no user text is ever parsed as
 * Typst markup. Charts are SVG files mapped into the compiler's virtual file system.
 */
export const REPORT_TEMPLATE = String.raw`
#let data = json("/data.json")
#let L = data.labels
#let vm = data.vm
#let fallbacks = ("Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans SC", "Noto Emoji", "Noto Sans Symbols 2")
#let sans = ("Inter",) + fallbacks
#let serif = ("Source Serif 4",) + fallbacks
#let accent = rgb("#1f4e89")
#let muted = rgb("#595959")
#let rule = rgb("#c8c8c8")
#let soft = rgb("#eef2f8")

#let d = vm.meta.date.split("-").map(int)
#set document(
  title: vm.meta.title,
  author: vm.meta.author,
  keywords: vm.meta.keywords,
  date: datetime(year: d.at(0), month: d.at(1), day: d.at(2)),
)
#set text(font: serif, size: 10.5pt, lang: data.tags.doc.lang, region: data.tags.doc.region, hyphenate: true, fallback: false)
// The evaluation's own texts are printed as written, in their language (Swedish), whatever the report's language.
#let as-written(body) = text(lang: data.tags.text.lang, region: data.tags.text.region, body)
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
// A word of 40+ characters (a URL, a pasted hash, a run of letters) is not hyphenated: hyphenating
// it costs time quadratic in its length. The view model gives such words break points.
#show regex("[^\s\u{200b}]{40,}|[^\s]{80,}"): set text(hyphenate: false)
#show heading: set text(font: sans, fill: accent, hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): it => { pagebreak(weak: true); v(0.4em); text(size: 20pt, weight: 700, it); v(0.6em) }
#show heading.where(level: 2): it => { v(0.8em); text(size: 14pt, weight: 700, it); v(0.3em) }
#show heading.where(level: 3): it => { v(0.5em); text(size: 11pt, weight: 600, it); v(0.1em) }
#show outline.entry.where(level: 1): set text(font: sans, weight: 600)
#set table(stroke: (x, y) => (bottom: 0.5pt + rule), inset: (x: 5pt, y: 4pt))
#show table.cell.where(y: 0): set text(font: sans, weight: 600, size: 9pt)
#show table: set par(justify: false)
#show figure.caption: set text(font: sans, size: 9pt, fill: muted)

#let runs(rs) = for r in rs {
  let c = text(r.text)
  if r.at("bold", default: false) { c = strong(c) }
  if r.at("italic", default: false) { c = emph(c) }
  c
}
#let blocks(bs) = as-written(for b in bs {
  if b.kind == "paragraph" { par(runs(b.runs)) }
  else if b.kind == "quote" { quote(block: true, runs(b.runs)) }
  else if b.kind == "list" {
    if b.ordered { enum(..b.items.map(i => runs(i))) } else { list(..b.items.map(i => runs(i))) }
  }
})
#let sans-text(body, ..args) = text(font: sans, ..args, body)

// ---------- title page ----------
#page(numbering: none, margin: (x: 2.6cm, y: 3cm))[
  #set par(justify: false)
  #v(2cm)
  #sans-text(size: 12pt, fill: muted, weight: 600, vm.titlePage.kicker)
  #v(0.6cm)
  #sans-text(size: 34pt, weight: 700, fill: accent, vm.titlePage.municipality)
  #v(0.2cm)
  #sans-text(size: 24pt, weight: 400, vm.titlePage.year)
  #if vm.titlePage.statusWarning != none {
    v(0.8cm)
    box(fill: rgb("#fff3e0"), inset: 8pt, radius: 2pt, sans-text(weight: 700, fill: rgb("#8a3a00"), vm.titlePage.statusWarning))
  }
  #v(1fr)
  #line(length: 100%, stroke: 0.75pt + accent)
  #grid(columns: (auto, 1fr), column-gutter: 1.2em, row-gutter: 0.5em,
    sans-text(size: 9pt, fill: muted, weight: 600, L.evaluatorsHeading),
    stack(spacing: 0.45em, ..vm.titlePage.evaluators.map(e => sans-text(size: 10pt, e))),
    sans-text(size: 9pt, fill: muted, weight: 600, L.framework),
    sans-text(size: 10pt, vm.titlePage.framework),
    ..if vm.titlePage.dateText != none { (sans-text(size: 9pt, fill: muted, weight: 600, L.when), sans-text(size: 10pt, vm.titlePage.dateText)) } else { () },
  )
]

#set page(
  paper: "a4",
  margin: (x: 2.3cm, top: 2.4cm, bottom: 2.4cm),
  numbering: "1",
  header: context {
    if counter(page).get().first() > 1 {
      set text(font: sans, size: 8pt, fill: muted)
      grid(columns: (1fr, auto), vm.meta.title, if vm.titlePage.statusWarning != none { vm.titlePage.statusWarning })
    }
  },
  footer: context {
    set text(font: sans, size: 8.5pt, fill: muted)
    align(center, counter(page).display("1"))
  },
)
#counter(page).update(1)

// ---------- contents ----------
#outline(title: L.contents, depth: 2)

// ---------- 1 about ----------
#heading(level: 1, numbering: "1", vm.about.heading)
#blocks(vm.about.blocks)

// ---------- 2 summary ----------
#heading(level: 1, numbering: "1", vm.summary.heading)
#table(
  columns: (auto, 1fr),
  stroke: (x, y) => (bottom: 0.5pt + rule),
  ..vm.summary.facts.map(f => (sans-text(size: 9pt, weight: 600, f.label), f.value)).flatten(),
)
#for n in vm.summary.notes { par(emph(n)) }

#figure(
  image("/charts/bar.svg", width: 92%, alt: vm.summary.bar.alt),
  caption: vm.summary.bar.caption,
)

#if vm.summary.radar != none {
  figure(
    image("/charts/radar.svg", width: 70%, alt: vm.summary.radar.alt),
    caption: vm.summary.radar.caption,
  )
}

#if vm.summary.comparison != none {
  let c = vm.summary.comparison
  let cols = c.columns.len()
  let row(r) = {
    let cells = (r.title, r.score)
    if r.previous != none { cells.push(r.previous) }
    if r.average != none { cells.push(r.average) }
    cells
  }
  heading(level: 3, numbering: none, outlined: false, c.heading)
  table(
    columns: (1fr,) + (auto,) * (cols - 1),
    align: (x, y) => if x == 0 { left } else { right },
    table.header(..c.columns),
    ..c.rows.map(row).flatten(),
    ..row(c.total).map(x => strong(x)),
  )
}

#if vm.summary.comments.len() > 0 {
  heading(level: 2, vm.summary.commentsHeading)
  blocks(vm.summary.comments)
}

// ---------- 3 areas ----------
#heading(level: 1, numbering: "1", vm.areasHeading)
#for a in vm.areas {
  heading(level: 2, a.heading)
  block(fill: soft, inset: 8pt, width: 100%, breakable: false, {
    set par(justify: false)
    sans-text(weight: 700, size: 11pt, a.scoreText)
    v(0.2em)
    grid(columns: (auto, 1fr, auto), column-gutter: 0.8em, row-gutter: 0.4em,
      ..a.subareaList.map(s => (sans-text(size: 9pt, s.id), sans-text(size: 9pt, s.title), sans-text(size: 9pt, s.scoreText))).flatten())
  })
  blocks(a.introduction)
  blocks(a.summary)
  for n in a.narratives {
    heading(level: 3, n.heading)
    blocks(n.blocks)
  }
  let items(xs) = if xs.len() == 0 { emph(L.noneListed) } else { as-written(list(..xs.map(x => text(x)))) }
  v(0.4em)
  table(
    columns: (1fr, 1fr),
    stroke: (x, y) => (bottom: 0.5pt + rule, left: if x == 1 { 0.5pt + rule }),
    inset: 6pt,
    table.header(L.strengths, L.improvements),
    items(a.strengths), items(a.improvements),
  )
  if a.goodExamples.len() > 0 {
    heading(level: 3, L.goodExamples)
    as-written(list(..a.goodExamples.map(g => [#strong(g.name)#if g.subarea != none [ (#g.subarea)]#if g.text != "" [: #g.text]])))
  }
}

// ---------- 4 score overview ----------
#heading(level: 1, numbering: "1", vm.scoreOverview.heading)
#par(text(size: 9pt, fill: muted, vm.scoreOverview.note))
#for t in vm.scoreOverview.tables {
  block(breakable: false, {
    heading(level: 3, numbering: none, outlined: false, t.heading)
    table(
      columns: (auto, 1fr, auto, auto, auto),
      align: (x, y) => if x >= 2 { right } else { left },
      table.header(L.subarea, [], L.achieved, L.max, L.percent),
      ..t.rows.map(r => (r.id, r.title, r.achieved, r.max, r.percent)).flatten(),
      [], strong(t.total.title), strong(t.total.achieved), strong(t.total.max), strong(t.total.percent),
    )
  })
}
#v(0.6em)
#table(
  columns: (1fr, auto, auto, auto),
  align: (x, y) => if x >= 1 { right } else { left },
  table.header([], L.achieved, L.max, L.percent),
  strong(vm.scoreOverview.grandTotal.title), strong(vm.scoreOverview.grandTotal.achieved), strong(vm.scoreOverview.grandTotal.max), strong(vm.scoreOverview.grandTotal.percent),
)

// ---------- 5 key facts ----------
#if vm.keyFacts != none {
  heading(level: 1, numbering: "1", vm.keyFacts.heading)
  table(
    columns: (auto, 1fr),
    ..vm.keyFacts.facts.map(f => (as-written(sans-text(size: 9pt, weight: 600, f.label)), as-written(f.value))).flatten(),
  )
}
`;
