import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { seedDemoData } from '../../services/demo.service.ts';
import { UsageError, type Command } from '../types.ts';

export const dbCommand: Command = {
  name: 'db',
  summary: 'Exporterar eller importerar hela databasen som JSON, fyller den med demodata, eller skriver ett syntetiskt arkiv för belastningstester',
  usage: 'kompass db export [FIL] | kompass db import FIL | kompass db demo | kompass db synth --evaluations N [--seed S] [--texts-every K] [FIL | --into-database]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { evaluations: { type: 'string' }, seed: { type: 'string' }, 'texts-every': { type: 'string' }, 'into-database': { type: 'boolean' } } });
    const [sub, file] = positionals;
    if (sub !== 'export' && sub !== 'import' && sub !== 'demo' && sub !== 'synth') throw new UsageError('Ange export, import, demo eller synth.');
    if (sub !== 'synth' && (values.evaluations !== undefined || values.seed !== undefined || values['texts-every'] !== undefined || values['into-database'])) throw new UsageError('--evaluations, --seed, --texts-every och --into-database hör till kompass db synth.');
    if (sub === 'synth') {
      const n = Number(values.evaluations);
      const seed = values.seed === undefined ? 1 : Number(values.seed);
      if (!/^\d+$/.test(values.evaluations ?? '') || n < 1) throw new UsageError('Ange antalet utvärderingar med --evaluations N (ett positivt heltal).');
      if (!Number.isInteger(seed)) throw new UsageError('--seed ska vara ett heltal.');
      const textsEvery = values['texts-every'] === undefined ? 1 : Number(values['texts-every']);
      if (!/^\d+$/.test(values['texts-every'] ?? '1') || textsEvery < 1) throw new UsageError('Ange --texts-every K som ett positivt heltal (texter i var K:e utvärdering).');
      if (values['into-database'] && file) throw new UsageError('Ange antingen en fil eller --into-database, inte båda.');
      const runtime = await ctx.openRuntime();
      try {
        if (values['into-database']) {
          // Made and written in batches in one transaction: no document of the whole archive in memory.
          const step = Math.max(1000, Math.ceil(n / 20 / 1000) * 1000);
          let shown = 0;
          const result = await runtime.services.synth.synthesizeInto({
            evaluations: n,
            seed,
            textsEvery,
            onBatch: (written) => {
              if (written - shown >= step || written === n) ctx.err(`  ${(shown = written)} av ${n} …`);
            },
          });
          ctx.out(`Skrev ${result.evaluations} syntetiska utvärderingar (frö ${seed}) direkt i databasen.`);
          return 0;
        }
        const doc = await runtime.services.synth.synthesizeArchive({ evaluations: n, seed, textsEvery });
        const json = `${JSON.stringify(doc)}\n`;
        if (file) fs.writeFileSync(file, json);
        else process.stdout.write(json);
        ctx.err(`Skrev ${n} syntetiska utvärderingar (frö ${seed})${file ? ` till ${file}` : ''}. Importera med kompass db import i en tom databas.`);
        return 0;
      } finally {
        await runtime.close();
      }
    }
    if (sub === 'import' && !file) throw new UsageError('Ange filen som ska importeras.');
    let document: unknown;
    if (sub === 'import' && file) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
        ctx.err(`Kan inte läsa ${file}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EACCES' ? 'behörighet saknas' : 'filen går inte att öppna'}.`);
        return 1;
      }
      try {
        document = JSON.parse(text);
      } catch {
        // JSON.parse's message quotes the file's content, which may hold password hashes: not shown.
        ctx.err(`Kan inte läsa ${file}: filen är inte giltig JSON (ingenting importerades).`);
        return 1;
      }
    }
    const runtime = await ctx.openRuntime();
    try {
      const { backup } = runtime.services;
      if (sub === 'export') {
        const json = `${JSON.stringify(await backup.exportDatabase(), null, 2)}\n`;
        // The export holds password hashes: only the owner may read the file (also when it existed before).
        if (file) {
          fs.writeFileSync(file, json, { mode: 0o600 });
          fs.chmodSync(file, 0o600);
        } else process.stdout.write(json);
        if (file) ctx.err(`Exporterade databasen till ${file}.`);
        return 0;
      }
      if (sub === 'demo') {
        const { created } = await seedDemoData(runtime.services);
        ctx.out(created ? `Skapade ${created} demoutvärderingar.` : 'Databasen har redan utvärderingar; inga demodata lades till.');
        return 0;
      }
      const result = await backup.importDatabase({ document });
      ctx.out(`Importerade ${result.evaluations} utvärderingar, ${result.frameworks} ramverksversioner, ${result.users} användare, ${result.actionPlans} handlingsplaner, ${result.indicators} indikatorer, ${result.files} filer och ${result.auditRecords} historikposter.`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
