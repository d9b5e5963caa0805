/**
 * The opening of the documents that go with an evaluation (report-back, questionnaire, interview
 * schedule): the view model from /data.json, the evaluation report's fonts and colours, the PDF's
 * metadata and the body text. Each template continues with its own paragraph and page settings.
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
`;
