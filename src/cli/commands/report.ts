import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM } from '../../domain/access.ts';
import { isReportLang } from '../../reports/report-language.ts';
import { UsageError, type Command } from '../types.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Skapar en utvärderings rapport som PDF (PDF/A-2b) eller DOCX',
  usage: 'kompass report ID [--format pdf|docx] [--lang sv|en|nb] [--out FIL]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f', default: 'pdf' }, lang: { type: 'string', short: 'l', default: 'sv' }, out: { type: 'string', short: 'o' } },
    });
    const [id] = positionals;
    if (!id) throw new UsageError('Ange id för utvärderingen (se GET /api/evaluations).');
    const lang = values.lang ?? 'sv';
    if (!isReportLang(lang)) throw new UsageError(`--lang ${lang}: välj sv, en eller nb.`);
    const runtime = await ctx.openRuntime();
    try {
      const { reports } = runtime.services;
      const started = performance.now();
      const file = await reports.getReport({ id, format: values.format ?? 'pdf', lang, viewer: SYSTEM });
      const out = path.resolve(values.out ?? file.fileName);
      await writeFile(out, file.body);
      ctx.out(`${out} (${Math.round(file.body.length / 1024)} kB, ${Math.round(performance.now() - started)} ms)`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
