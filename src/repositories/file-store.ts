/**
 * Uploaded files on disk: `<data dir>/files/<generated id>`. The name is always one the server made
 * (a random UUID); nothing a client sends is ever part of a path. Files are written with mode 0600
 * through a temporary name and renamed, so a half-written file is never served.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const STORED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface FileStore {
  /** Writes the bytes under a new generated name and returns it. */
  put(bytes: Uint8Array): Promise<string>;
  get(storedName: string): Promise<Buffer>;
  remove(storedName: string): Promise<void>;
}

export function createFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const pathOf = (storedName: string): string => {
    if (!STORED.test(storedName)) throw new Error('not a stored file name');
    return path.join(root, storedName);
  };
  return {
    async put(bytes) {
      await mkdir(root, { recursive: true, mode: 0o700 });
      const name = randomUUID();
      const tmp = path.join(root, `.${name}.tmp`);
      await writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
      await rename(tmp, pathOf(name));
      return name;
    },
    get: (storedName) => readFile(pathOf(storedName)),
    remove: (storedName) => rm(pathOf(storedName), { force: true }),
  };
}
