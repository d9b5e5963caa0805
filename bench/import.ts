/**
 * Importer benchmark: time to import each seed report (text), all seeds together, and the same
 * reports as DOCX and PDF generated at run time (extraction included, generation not), Burlöv 2020
 * printed in two columns (time, and how much of the text import it gives back), and the
 * recall per part of the report over the metamorphic corpus (variants of the seeds, see
 * test/unit/importer/metamorphic.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_FRAMEWORKS } from '../src/catalog/frameworks.ts';
import { importReportFile } from '../src/importer/import-file.ts';
import { renderDocx, renderPdf, renderTwoColumnPdf } from '../test/unit/importer/fixtures.ts';
import { runCorpus } from '../test/unit/importer/metamorphic.ts';
import { SEEDS_DIR as SEEDS } from '../test/unit/importer/seeds.ts';

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function benchImport(): Promise<Array<{ name: string; value: string }>> {
  const rows: Array<{ name: string; value: string }> = [];
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const seeds = files.map((f) => ({ name: f.slice(0, 3), bytes: new Uint8Array(readFileSync(path.join(SEEDS, f))) }));
  const frameworks = CATALOG_FRAMEWORKS;
  for (const s of seeds) {
    const r = await importReportFile({ bytes: s.bytes, fileName: `${s.name}.txt`, frameworks });
    const ms = await timeIt(() => importReportFile({ bytes: s.bytes, fileName: `${s.name}.txt`, frameworks }), 15);
    const what = r.ok ? `${r.preview.municipality?.name ?? '?'} ${r.preview.year ?? ''}` : 'avvisad';
    rows.push({ name: `Import seed ${s.name} (.txt, ${Math.round(s.bytes.length / 1024)} kB, ${what}), median of 15`, value: `${ms.toFixed(1)} ms` });
  }
  const all = await timeIt(async () => {
    for (const s of seeds) await importReportFile({ bytes: s.bytes, fileName: `${s.name}.txt`, frameworks });
  }, 9);
  rows.push({ name: `Import all ${seeds.length} seeds together (.txt), median of 9`, value: `${all.toFixed(1)} ms` });
  for (const prefix of ['001', '002']) {
    const text = new TextDecoder().decode(seeds.find((s) => s.name === prefix)?.bytes ?? new Uint8Array());
    const docx = await renderDocx(text);
    const pdf = await renderPdf(text);
    const d = await timeIt(() => importReportFile({ bytes: docx, fileName: `${prefix}.docx`, frameworks }), 5);
    const p = await timeIt(() => importReportFile({ bytes: pdf, fileName: `${prefix}.pdf`, frameworks }), 5);
    rows.push({ name: `Import seed ${prefix} as .docx (${Math.round(docx.length / 1024)} kB, extraction included), median of 5`, value: `${d.toFixed(0)} ms` });
    rows.push({ name: `Import seed ${prefix} as .pdf (${Math.round(pdf.length / 1024)} kB, extraction included), median of 5`, value: `${p.toFixed(0)} ms` });
  }
  {
    // Burlöv 2020 printed in two columns: the lists and subarea texts that come out exactly as from the text.
    const text = new TextDecoder().decode(seeds.find((s) => s.name === '001')?.bytes ?? new Uint8Array());
    const pdf = await renderTwoColumnPdf(text, { date: '2020-12-08' });
    const ms = await timeIt(() => importReportFile({ bytes: pdf, fileName: '001-two-columns.pdf', frameworks }), 5);
    const fromPdf = (await importReportFile({ bytes: pdf, fileName: '001-two-columns.pdf', frameworks })).preview;
    const fromText = (await importReportFile({ bytes: seeds.find((s) => s.name === '001')?.bytes ?? new Uint8Array(), fileName: '001.txt', frameworks })).preview;
    const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
    let same = 0;
    let all = 0;
    fromText.areas.forEach((a, i) => {
      const b = fromPdf.areas[i];
      const pairs: Array<[string[], string[]]> = [
        [a.strengths, b?.strengths ?? []],
        [a.improvements, b?.improvements ?? []],
        [Object.values(a.texts), Object.keys(a.texts).map((id) => b?.texts[id] ?? '')],
      ];
      for (const [want, got] of pairs) {
        want.forEach((w, k) => {
          all += 1;
          if (squash(w) === squash(got[k] ?? '')) same += 1;
        });
      }
    });
    const points = fromPdf.areas.flatMap((a) => a.subareas).filter((s) => s.achieved !== null).length;
    rows.push({ name: `Import seed 001 printed in two columns as .pdf (${Math.round(pdf.length / 1024)} kB, extraction included), median of 5`, value: `${ms.toFixed(0)} ms` });
    rows.push({ name: 'Seed 001 in two columns: strengths, improvement opportunities and subarea texts identical to the text import, in order', value: `${same} of ${all}; ${points} of 35 subarea points; total ${fromPdf.total ?? '–'}` });
  }
  const t0 = performance.now();
  const corpus = runCorpus();
  const ms = performance.now() - t0;
  rows.push({ name: `Metamorphic corpus: ${corpus.variants} variants of 3 seeds imported`, value: `${ms.toFixed(0)} ms, ${corpus.failures.length} parts lost without a warning` });
  for (const [part, r] of corpus.recall) {
    if (r.original === 0) continue;
    rows.push({ name: `Recall over the corpus: ${part}`, value: `${((100 * r.found) / r.original).toFixed(1)} % (${r.found} of ${r.original})` });
  }
  return rows;
}
