import type { Command } from '../types.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { frameworksCommand } from './frameworks.ts';
import { dbCommand } from './db.ts';
import { importCommand } from './import.ts';
import { reportCommand } from './report.ts';
import { userCommand } from './user.ts';

/** Every CLI command. A capability adds its command with one line here. */
export const COMMANDS: Command[] = [serveCommand, migrateCommand, frameworksCommand, dbCommand, reportCommand, importCommand, userCommand];
