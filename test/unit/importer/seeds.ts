/** Reads the shared seed reports (shared/seeds beside the repository) for importer tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `shared/seeds` next to the repository, or next to the folder holding it (a git worktree). */
const REPO = path.resolve(import.meta.dirname, '../../..');
export const SEEDS_DIR =
  [path.resolve(REPO, '..', 'shared/seeds'), path.resolve(REPO, '../..', 'shared/seeds')].find((d) => existsSync(d)) ?? path.resolve(REPO, '..', 'shared/seeds');

export function seedPath(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`Seed ${prefix} saknas i ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, file);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}
