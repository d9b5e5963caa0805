import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatNumber } from '../../domain/scoring.ts';
import { MAX_FILE_BYTES } from '../../importer/extract.ts';
import type { ImportPreview } from '../../importer/types.ts';
import { createImportService } from '../../services/import.service.ts';
import { UsageError, type CliContext, type Command } from '../types.ts';

const num = (v: number | null): string => (v === null ? '–' : formatNumber(v));

function describe(p: ImportPreview, ctx: CliContext): void {
  ctx.out(`${p.fileName}: ${p.municipality ? `${p.municipality.name} (${p.municipality.code})` : 'okänd kommun'} ${p.year ?? 'okänt år'}`);
  if (p.framework) ctx.out(`  Ramverk: ${p.framework.name}${p.framework.derived ? ' (härlett ur rapporten, behöver granskas)' : ''}`);
  ctx.out(`  Totalpoäng: ${num(p.total)}${p.totalSource === 'sum-of-areas' ? ' (summa av områdena)' : ''}`);
  for (const a of p.areas) {
    const known = a.subareas.filter((s) => s.achieved !== null).length;
    ctx.out(`  ${a.number}. ${a.title}: ${num(a.score)} p, ${known}/${a.subareas.length} delområden, ${a.strengths.length} styrkor, ${a.improvements.length} förbättringsmöjligheter`);
  }
  for (const e of p.earlier) ctx.out(`  Tidigare ${e.year}: ${num(e.total)} p (${e.areas.map(num).join(', ')})`);
  for (const pr of p.problems) ctx.out(`  [${pr.severity === 'error' ? 'fel' : pr.severity === 'warning' ? 'varning' : 'info'}] ${pr.message}`);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Läser in publicerade rapporter (.pdf, .docx, .txt) som utkast; --dry-run visar bara förhandsgranskningen',
  usage: 'kompass import FIL… [--dry-run] [--json]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('Ange minst en rapportfil.');
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const file of positionals) {
      try {
        const st = await stat(file);
        if (!st.isFile()) throw new Error('inte en fil');
        if (st.size > MAX_FILE_BYTES) {
          ctx.err(`${file}: filen är för stor (${Math.round(st.size / 1024 / 1024)} MB); högst 20 MB kan importeras.`);
          return 1;
        }
        files.push({ name: path.basename(file), bytes: new Uint8Array(await readFile(file)) });
      } catch {
        ctx.err(`${file}: filen finns inte eller kan inte läsas.`);
        return 1;
      }
    }
    const runtime = await ctx.openRuntime();
    try {
      const { db, frameworks, municipalities, evaluations, tasks } = runtime.services;
      const imports = createImportService({ db, frameworks, municipalities, evaluations, tasks });
      let status = 0;
      const json: unknown[] = [];
      for (const f of files) {
        if (values['dry-run']) {
          let r: Awaited<ReturnType<typeof imports.previewImport>>;
          try {
            r = await imports.previewImport({ bytes: f.bytes, fileName: f.name, viewer: SYSTEM });
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            status = 1;
            ctx.err(`${f.name}: ${e.message}`);
            if (values.json) json.push({ error: { code: e.code, message: e.message } });
            continue;
          }
          if (values.json) json.push(r.preview);
          else describe(r.preview, ctx);
          if (!r.ok) {
            status = 1;
            const errors = r.preview.problems.filter((p) => p.severity === 'error');
            ctx.err(`${f.name}: ${errors.map((e) => e.message).join(' ')}`);
          }
          continue;
        }
        try {
          const out = await imports.importReport({ bytes: f.bytes, fileName: f.name, viewer: SYSTEM });
          if (values.json) {
            json.push({ evaluationId: out.evaluation.id, earlier: out.earlier.map((e) => ({ id: e.id, year: e.year })), registeredFrameworkId: out.registeredFrameworkId, preview: out.preview });
          } else {
            describe(out.preview, ctx);
            ctx.out(`  Sparad som utkast: utvärdering ${out.evaluation.id}`);
            for (const e of out.earlier) ctx.out(`  Tidigare utvärdering ${e.year} sparad: ${e.id}`);
            if (out.registeredFrameworkId) ctx.out(`  Ny ramverksversion registrerad: ${out.registeredFrameworkId} (behöver granskas)`);
          }
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          status = 1;
          ctx.err(`${f.name}: ${e.message}`);
          if (values.json) json.push({ error: { code: e.code, message: e.message, ...(typeof e.extra.evaluationId === 'string' ? { evaluationId: e.extra.evaluationId } : {}) } });
        }
      }
      if (values.json) ctx.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
      return status;
    } finally {
      await runtime.close();
    }
  },
};
