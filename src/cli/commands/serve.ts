import { parseArgs } from 'node:util';
import { startServer } from '../../runtime.ts';
import { formatDemoAccounts, seedDemoAccounts } from '../../services/demo-accounts.service.ts';
import type { Command } from '../types.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Startar webbservern (API och webbapp)',
  usage: 'kompass serve [--demo]   PORT, KOMPASS_DATA_DIR och DATABASE_URL styr port och databas',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
    const runtime = await ctx.openRuntime();
    const app = await startServer(runtime, { demo: values.demo });
    const where = runtime.database.kind === 'postgres' ? 'PostgreSQL' : `inbäddad databas i ${runtime.config.database.kind === 'pglite' ? runtime.config.database.dir : ''}`;
    ctx.out(`kompass kör på http://localhost:${runtime.config.port} (${where})`);
    if (values.demo) ctx.out(formatDemoAccounts(await seedDemoAccounts(runtime.services)));
    const stop = async (): Promise<void> => {
      await app.close();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    await new Promise<never>(() => undefined);
    return 0;
  },
};
