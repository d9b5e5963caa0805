/** Reads the shared seed reports (../shared/seeds relative to the repository) for importer tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../..', 'shared/seeds');

export function seedPath(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`Seed ${prefix} saknas i ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, file);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}
