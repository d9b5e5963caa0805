/**
 * Report view model → a standalone, printable HTML page (inline SVG charts, embedded fonts).
 * Used as the reference in the report benchmark (Chromium's page.pdf()) and usable for previews.
 * All text is HTML-escaped; Markdown has already been reduced to safe blocks by the view model.
 */
import { renderReportCharts } from './charts.ts';
import { reportFonts } from './fonts.ts';
import type { Block, Run } from './markdown.ts';
import type { ReportViewModel, ScoreRow } from './view-model.ts';
import { escapeHtml } from '../domain/text.ts';

const e = escapeHtml;

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => {
      let t = e(r.text);
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');
}

function blocks(bs: readonly Block[]): string {
  return bs
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${runs(b.runs)}</p>`;
      if (b.kind === 'quote') return `<blockquote>${runs(b.runs)}</blockquote>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

function fontFaces(): string {
  return reportFonts()
    .map((f) => {
      const weight = /700/.test(f.file) ? 700 : /600/.test(f.file) ? 600 : 400;
      const style = /Italic/.test(f.file) ? 'italic' : 'normal';
      return `@font-face{font-family:"${f.family}";font-weight:${weight};font-style:${style};src:url(data:font/ttf;base64,${f.data.toString('base64')}) format("truetype");}`;
    })
    .join('\n');
}

const CSS = `
@page { size: A4; margin: 24mm 23mm; }
body { font-family: "Source Serif 4", serif; font-size: 10.5pt; line-height: 1.35; hyphens: auto; color: #1a1a1a; }
h1, h2, h3, .sans { font-family: Inter, sans-serif; color: #1f4e89; hyphens: manual; }
h1 { font-size: 20pt; break-before: page; }
h2 { font-size: 14pt; margin-top: 1.4em; }
h3 { font-size: 11pt; }
p { text-align: justify; margin: 0 0 .6em; }
table { width: 100%; border-collapse: collapse; margin: .6em 0; break-inside: avoid; }
th { font-family: Inter, sans-serif; font-size: 9pt; text-align: left; }
th, td { border-bottom: .5pt solid #c8c8c8; padding: 3pt 5pt; vertical-align: top; }
td.n, th.n { text-align: right; }
.title { height: 240mm; display: flex; flex-direction: column; }
.title .kicker { font: 600 12pt Inter; color: #595959; margin-top: 20mm; }
.title .muni { font: 700 34pt Inter; color: #1f4e89; }
.title .year { font: 400 24pt Inter; }
.title .foot { margin-top: auto; border-top: .75pt solid #1f4e89; font: 10pt Inter; }
.score { background: #eef2f8; padding: 8pt; font-family: Inter, sans-serif; font-size: 9pt; }
.score b { font-size: 11pt; }
figure { text-align: center; margin: 1em 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font: 9pt Inter; color: #595959; }
.warn { font: 700 11pt Inter; color: #8a3a00; }
nav ol { list-style: none; padding: 0; font-family: Inter, sans-serif; }
`;

function scoreRow(r: ScoreRow, bold = false): string {
  const w = (t: string): string => (bold ? `<strong>${e(t)}</strong>` : e(t));
  return `<tr><td>${/^\d+\.\d+$/.test(r.id) ? e(r.id) : ''}</td><td>${w(r.title)}</td><td class="n">${w(r.achieved)}</td><td class="n">${w(r.max)}</td><td class="n">${w(r.percent)}</td></tr>`;
}

export function renderReportHtml(vm: ReportViewModel): string {
  const L = vm.labels;
  const charts = renderReportCharts(vm);
  const chapters = [vm.about.heading, vm.summary.heading, vm.areasHeading, vm.scoreOverview.heading, ...(vm.keyFacts ? [vm.keyFacts.heading] : [])];
  const c = vm.summary.comparison;
  const parts: string[] = [];
  parts.push(`<section class="title"><div class="kicker">${e(vm.titlePage.kicker)}</div><div class="muni">${e(vm.titlePage.municipality)}</div><div class="year">${e(vm.titlePage.year)}</div>`);
  if (vm.titlePage.statusWarning) parts.push(`<p class="warn">${e(vm.titlePage.statusWarning)}</p>`);
  parts.push(`<div class="foot"><p>${e(L.evaluatorsHeading)}: ${vm.titlePage.evaluators.map(e).join('<br>')}</p><p>${e(L.framework)}: ${e(vm.titlePage.framework)}</p></div></section>`);
  parts.push(`<nav><h1 style="break-before:page">${e(L.contents)}</h1><ol>${chapters.map((h, i) => `<li>${i + 1} ${e(h)}</li>`).join('')}</ol></nav>`);
  parts.push(`<h1>1 ${e(vm.about.heading)}</h1>${blocks(vm.about.blocks)}`);
  parts.push(`<h1>2 ${e(vm.summary.heading)}</h1><table>${vm.summary.facts.map((f) => `<tr><th>${e(f.label)}</th><td>${e(f.value)}</td></tr>`).join('')}</table>`);
  parts.push(vm.summary.notes.map((n) => `<p><em>${e(n)}</em></p>`).join(''));
  parts.push(`<figure role="img" aria-label="${e(vm.summary.bar.alt)}">${charts.bar.svg}<figcaption>${e(vm.summary.bar.caption)}</figcaption></figure>`);
  if (charts.radar && vm.summary.radar) parts.push(`<figure role="img" aria-label="${e(vm.summary.radar.alt)}" style="width:70%;margin:auto">${charts.radar.svg}<figcaption>${e(vm.summary.radar.caption)}</figcaption></figure>`);
  if (c) {
    const cells = (r: typeof c.total, tag: 'td' | 'th'): string =>
      [r.title, r.score, ...(r.previous !== null ? [r.previous] : []), ...(r.average !== null ? [r.average] : [])].map((x, i) => `<${tag}${i ? ' class="n"' : ''}>${e(x)}</${tag}>`).join('');
    parts.push(`<h3>${e(c.heading)}</h3><table><thead><tr>${c.columns.map((x, i) => `<th${i ? ' class="n"' : ''}>${e(x)}</th>`).join('')}</tr></thead><tbody>${c.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}<tr>${cells(c.total, 'th')}</tr></tbody></table>`);
  }
  if (vm.summary.comments.length) parts.push(`<h2>${e(vm.summary.commentsHeading)}</h2>${blocks(vm.summary.comments)}`);
  parts.push(`<h1>3 ${e(vm.areasHeading)}</h1>`);
  for (const a of vm.areas) {
    parts.push(`<h2>${e(a.heading)}</h2><div class="score"><b>${e(a.scoreText)}</b><table>${a.subareaList.map((s) => `<tr><td>${e(s.id)}</td><td>${e(s.title)}</td><td class="n">${e(s.scoreText)}</td></tr>`).join('')}</table></div>`);
    parts.push(blocks(a.introduction), blocks(a.summary));
    for (const n of a.narratives) parts.push(`<h3>${e(n.heading)}</h3>${blocks(n.blocks)}`);
    const list = (xs: string[]): string => (xs.length ? `<ul>${xs.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : `<em>${e(L.noneListed)}</em>`);
    parts.push(`<table><thead><tr><th>${e(L.strengths)}</th><th>${e(L.improvements)}</th></tr></thead><tbody><tr><td>${list(a.strengths)}</td><td>${list(a.improvements)}</td></tr></tbody></table>`);
    if (a.goodExamples.length) parts.push(`<h3>${e(L.goodExamples)}</h3><ul>${a.goodExamples.map((g) => `<li><strong>${e(g.name)}</strong>${g.text ? `: ${e(g.text)}` : ''}</li>`).join('')}</ul>`);
  }
  parts.push(`<h1>4 ${e(vm.scoreOverview.heading)}</h1><p style="font-size:9pt;color:#595959">${e(vm.scoreOverview.note)}</p>`);
  for (const t of vm.scoreOverview.tables) {
    parts.push(`<h3>${e(t.heading)}</h3><table><thead><tr><th>${e(L.subarea)}</th><th></th><th class="n">${e(L.achieved)}</th><th class="n">${e(L.max)}</th><th class="n">${e(L.percent)}</th></tr></thead><tbody>${t.rows.map((r) => scoreRow(r)).join('')}${scoreRow(t.total, true)}</tbody></table>`);
  }
  parts.push(`<table><tbody>${scoreRow(vm.scoreOverview.grandTotal, true)}</tbody></table>`);
  if (vm.keyFacts) parts.push(`<h1>5 ${e(vm.keyFacts.heading)}</h1><table>${vm.keyFacts.facts.map((f) => `<tr><th>${e(f.label)}</th><td>${e(f.value)}</td></tr>`).join('')}</table>`);
  return `<!doctype html>
<html lang="${vm.lang}"><head><meta charset="utf-8"><title>${e(vm.meta.title)}</title><style>${fontFaces()}\n${CSS}</style></head>
<body>${parts.join('\n')}</body></html>`;
}
