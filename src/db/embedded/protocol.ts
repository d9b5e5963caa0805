/**
 * Messages between the main thread and the thread that runs the embedded database (PGlite).
 * Each request carries an id; the thread answers it once, in the order its database finishes them.
 */

export type RowMode = 'array' | 'object';

export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; rowMode: RowMode; tx?: number | undefined }
  /** Opens a transaction; the answer is its number, used by the queries that belong to it. */
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  /** The whole data directory as an uncompressed tar, transferred as an ArrayBuffer. */
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** A database error as plain data: message, name and PostgreSQL's fields (code, detail, constraint …). */
export interface ErrorData {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData };

/** Posted once the database is open and migrated, or with why it could not be. */
export type Ready = { ready: true } | { ready: false; error: ErrorData };

export interface WorkerInput {
  dir: string | null;
  /** A data directory saved by `dump`, to start an in-memory database from. */
  snapshot: ArrayBuffer | null;
  migrationsFolder: string;
}

export function errorData(e: unknown): ErrorData {
  if (!(e instanceof Error)) return { message: String(e), name: 'Error', fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { message: e.message, name: e.name, fields };
}

/** Rebuilds an error on this side of the thread boundary with the same message and fields. */
export function errorFrom(data: ErrorData): Error {
  const e = new Error(data.message);
  e.name = data.name;
  return Object.assign(e, data.fields);
}
