/**
 * kompass command line: a thin adapter over the same services as the HTTP API.
 */
import { loadConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { COMMANDS } from './commands/index.ts';
import { UsageError, type CliContext } from './types.ts';

function help(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}\n  ${' '.repeat(12)} ${c.usage}`);
  return `kompass – Kommunkompassen\n\nAnvändning: kompass <kommando> [flaggor]\n\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  // Output piped into a command that stops reading early (`kompass … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Okänt kommando "${name}".\n\n${help()}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const ctx: CliContext = {
    config,
    openRuntime: () => openRuntime(config),
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  };
  try {
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\nAnvändning: ${command.usage}\n`);
      return 2;
    }
    if (e instanceof DomainError) {
      process.stderr.write(`${e.message}\n${e.details.map((d) => `  ${d.path ?? ''} ${d.message}`).join('\n')}\n`);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${e.message}\nAnvändning: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`Fel: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
