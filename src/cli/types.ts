import type { Config } from '../config.ts';
import type { Runtime } from '../runtime.ts';

export interface CliContext {
  config: Config;
  /** Opens the database and services (migrations applied). Caller closes. */
  openRuntime(): Promise<Runtime>;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit status. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

export class UsageError extends Error {}
