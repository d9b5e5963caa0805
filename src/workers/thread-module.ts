/**
 * The module a worker thread starts from. A thread starts without the parent's module hooks, so a
 * thread that loads the TypeScript sources would register tsx itself: a loader-hooks thread of its
 * own, the transformer and its caches (the embedded database's thread: 206 MB resident with tsx,
 * 161 MB from plain JavaScript, measured on 2,400 evaluations). The thread starts from the bundle
 * bin/bundle.mjs makes of its sources instead, or from `fallback` (an entry that registers tsx) when
 * no bundle can be made.
 */
import { bundled } from '../../bin/bundle.mjs';

const made = new Map<string, Promise<URL>>();

/** The file URL to start a thread from for the TypeScript module `source`. */
export function threadModule(source: URL, fallback: URL): Promise<URL> {
  let found = made.get(source.href);
  if (!found) {
    found = bundled(source).then((url) => url ?? fallback);
    made.set(source.href, found);
  }
  return found;
}
