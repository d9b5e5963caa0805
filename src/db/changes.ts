/**
 * A revision counter for read caches (score index, framework cache, report cache).
 * Every committed transaction bumps it; on PostgreSQL the bump is also sent to other
 * processes with NOTIFY, so a second instance (or the CLI) never leaves a cache stale.
 */
import type { Db } from './client.ts';

export class ChangeFeed {
  #revision = 0;
  #listeners = new Set<() => void>();
  /** Forwards a local bump to other processes (PostgreSQL NOTIFY); set by the connection. */
  publish: (() => void) | null = null;

  get revision(): number {
    return this.#revision;
  }

  /** A change committed in this process. */
  bump(): void {
    this.#revision += 1;
    for (const l of this.#listeners) l();
    this.publish?.();
  }

  /** A change committed by another process. */
  bumpRemote(): void {
    this.#revision += 1;
    for (const l of this.#listeners) l();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

/** The change feed of a database handle (created on first use). */
export function changeFeedFor(db: Db): ChangeFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = new ChangeFeed();
    feeds.set(db, feed);
  }
  return feed;
}

/**
 * Wraps a Drizzle database so that every transaction bumps the change feed when it ends
 * (committed or rolled back: a bump is harmless, a missed one would leave a cache stale).
 */
export function trackChanges(db: Db): Db {
  const feed = changeFeedFor(db);
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return async (...args: Parameters<Db['transaction']>) => {
          try {
            return await target.transaction(...args);
          } finally {
            feed.bump();
          }
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  feeds.set(wrapped, feed);
  return wrapped;
}

/**
 * A map whose entries are dropped when the data revision changes. Bounded by entries and, with `sizeOf`,
 * by their summed size: past either bound it starts again empty.
 */
export class RevisionMemo<T> {
  #revision = -1;
  #entries = new Map<string, T>();
  #size = 0;
  readonly #feed: ChangeFeed;
  readonly #maxEntries: number;
  readonly #limit: { sizeOf: (value: T) => number; maxSize: number } | undefined;

  constructor(feed: ChangeFeed, maxEntries = 5000, limit?: { sizeOf: (value: T) => number; maxSize: number }) {
    this.#feed = feed;
    this.#maxEntries = maxEntries;
    this.#limit = limit;
  }

  get revision(): number {
    return this.#feed.revision;
  }

  get(key: string): T | undefined {
    if (this.#revision !== this.#feed.revision) this.#clear();
    return this.#entries.get(key);
  }

  /** Stores a value computed at the current revision (call right after a miss, before awaiting). */
  set(key: string, value: T, computedAt = this.#feed.revision): void {
    if (computedAt !== this.#feed.revision) return;
    const size = this.#limit?.sizeOf(value) ?? 0;
    if (this.#limit && size > this.#limit.maxSize) return;
    if (this.#entries.size >= this.#maxEntries || (this.#limit && this.#size + size > this.#limit.maxSize)) this.#clear();
    this.#size += size - (this.#entries.has(key) && this.#limit ? this.#limit.sizeOf(this.#entries.get(key) as T) : 0);
    this.#entries.set(key, value);
  }

  #clear(): void {
    this.#entries.clear();
    this.#size = 0;
    this.#revision = this.#feed.revision;
  }
}
