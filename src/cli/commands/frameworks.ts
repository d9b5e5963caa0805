import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../types.ts';

export const frameworksCommand: Command = {
  name: 'frameworks',
  summary: 'Listar ramverksversioner eller visar en',
  usage: 'kompass frameworks list [--json] | kompass frameworks show ID [--json]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const [sub = 'list', id] = positionals;
    const runtime = await ctx.openRuntime();
    try {
      if (sub === 'list') {
        const list = await runtime.services.frameworks.listFrameworks();
        if (values.json) ctx.out(JSON.stringify(list.map(({ id: i, name, year, origin, needsReview }) => ({ id: i, name, year, origin, needsReview })), null, 2));
        else for (const f of list) ctx.out(`${f.id.padEnd(24)} ${f.name}${f.needsReview ? '  (behöver granskas)' : ''}`);
        return 0;
      }
      if (sub === 'show') {
        if (!id) throw new UsageError('Ange vilken ramverksversion som ska visas.');
        const fw = await runtime.services.frameworks.getFramework({ id });
        if (values.json) {
          ctx.out(JSON.stringify(fw, null, 2));
        } else {
          ctx.out(`${fw.name} (${fw.id})`);
          for (const a of fw.areas) {
            ctx.out(`  ${a.number}. ${a.title}`);
            for (const s of a.subareas) ctx.out(`     ${s.id} ${s.title}  max ${s.max ?? 'okänt'}`);
          }
        }
        return 0;
      }
      throw new UsageError(`Okänt underkommando "${sub}".`);
    } finally {
      await runtime.close();
    }
  },
};
