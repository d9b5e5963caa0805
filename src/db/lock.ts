/**
 * One process at a time on an embedded database directory: PGlite has no server to arbitrate
 * between processes, so a second writer (a CLI command while the server runs) could corrupt it.
 */
import fs from 'node:fs';
import { DomainError } from '../domain/errors.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file or throws a clear error naming the process that holds it. Returns the release function. */
export function lockDataDir(lockFile: string, what: string): () => void {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let content: string;
      try {
        content = fs.readFileSync(lockFile, 'utf8');
      } catch {
        continue; // removed meanwhile: try again
      }
      const holder = Number(content.trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DomainError(
          'conflict',
          `${what} används redan av en annan kompass-process (pid ${holder}${holder === process.pid ? ', den här' : ''}). ` +
            'Stoppa den först, eller gör ändringen genom webbappen eller API:t medan servern kör.',
        );
      }
      // The holder is gone (crashed or killed): the lock is stale.
      try {
        fs.unlinkSync(lockFile);
      } catch {
        // someone else took it over first
      }
    }
  }
  throw new DomainError('conflict', `Kunde inte låsa ${what}.`);
}
