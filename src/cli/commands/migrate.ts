import type { Command } from '../types.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Kör databasmigreringar och laddar referensdata',
  usage: 'kompass migrate',
  async run(_args, ctx) {
    const runtime = await ctx.openRuntime();
    ctx.out(`Databasen (${runtime.database.kind}) är migrerad och har referensdata.`);
    await runtime.close();
    return 0;
  },
};
