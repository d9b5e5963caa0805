/**
 * API answers the server wrote into the page's HTML (src/http/preload.ts: a JSON script element keyed by
 * API address), so the first page shown needs no request of its own before its content is drawn. They are
 * the answers of the moment the page was served: they serve the first render only, and are dropped right
 * after it (a later visit to the same page, in the same tab, asks the server again).
 */
const ELEMENT_ID = 'kompass-data';

let answers: Record<string, unknown> | null | undefined;
let dropping = false;

function read(): Record<string, unknown> | null {
  if (answers !== undefined) return answers;
  answers = null;
  if (typeof document === 'undefined') return answers;
  const el = document.getElementById(ELEMENT_ID);
  if (!el?.textContent) return answers;
  try {
    const parsed: unknown = JSON.parse(el.textContent);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
  } catch {
    answers = null;
  }
  el.remove();
  return answers;
}

/** The embedded answer for an API address, if the page came with one (and the first render is not over). */
export function embeddedAnswer<T>(path: string): T | undefined {
  const all = read();
  if (!all || !(path in all)) return undefined;
  if (!dropping) {
    dropping = true;
    // After the first render (React may render it twice in development), every answer is stale.
    setTimeout(() => {
      answers = null;
    }, 0);
  }
  return all[path] as T;
}
