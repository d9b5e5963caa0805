import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { seedDemoData } from '../../services/demo.service.ts';
import { UsageError, type Command } from '../types.ts';

export const dbCommand: Command = {
  name: 'db',
  summary: 'Exporterar eller importerar hela databasen som JSON, eller fyller den med demodata',
  usage: 'kompass db export [FIL] | kompass db import FIL | kompass db demo',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [sub, file] = positionals;
    if (sub !== 'export' && sub !== 'import' && sub !== 'demo') throw new UsageError('Ange export, import eller demo.');
    if (sub === 'import' && !file) throw new UsageError('Ange filen som ska importeras.');
    let document: unknown;
    if (sub === 'import' && file) {
      try {
        document = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        ctx.err(`Kan inte läsa ${file}: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
    }
    const runtime = await ctx.openRuntime();
    try {
      const { backup } = runtime.services;
      if (sub === 'export') {
        const json = `${JSON.stringify(await backup.exportDatabase(), null, 2)}\n`;
        if (file) fs.writeFileSync(file, json);
        else process.stdout.write(json);
        if (file) ctx.err(`Exporterade databasen till ${file}.`);
        return 0;
      }
      if (sub === 'demo') {
        const { created } = await seedDemoData(runtime.services);
        ctx.out(created ? `Skapade ${created} demoutvärderingar.` : 'Databasen har redan utvärderingar; inga demodata lades till.');
        return 0;
      }
      const result = await backup.importDatabase({ document });
      ctx.out(`Importerade ${result.evaluations} utvärderingar, ${result.frameworks} ramverksversioner, ${result.users} användare och ${result.auditRecords} historikposter.`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
