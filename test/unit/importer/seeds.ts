/**
 * Reads the shared seed reports for importer tests: `shared/seeds` beside the repository, or beside the
 * nearest directory above it that has one (a checkout in a subfolder, e.g. a git worktree).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findSeeds(): string {
  let dir = path.resolve(import.meta.dirname, '../../..');
  const first = path.resolve(dir, '..', 'shared/seeds');
  for (;;) {
    const parent = path.dirname(dir);
    const candidate = path.join(parent, 'shared/seeds');
    if (existsSync(candidate)) return candidate;
    if (parent === dir) return first;
    dir = parent;
  }
}

export const SEEDS_DIR = findSeeds();

export function seedPath(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`Seed ${prefix} saknas i ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, file);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}
