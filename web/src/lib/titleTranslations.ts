/**
 * The unofficial translations of the framework titles (areas, subareas), kept as data per version on the
 * server and loaded with the interface language (`loadLang`), so the first page in English or Norwegian
 * already shows them. An administrator's edit replaces a version's entry at once.
 */
import type { FrameworkTranslations, TitleLang, TitleTable, TitleTranslation } from '../../../src/domain/framework.ts';
import { apiFetch } from './api.ts';

const loaded: Partial<Record<TitleLang, Record<string, TitleTranslation>>> = {};

/** Loads every version's titles in the language (once); a failure leaves the titles Swedish. */
export async function loadTitleTranslations(lang: string): Promise<void> {
  if ((lang !== 'en' && lang !== 'nb') || loaded[lang]) return;
  try {
    loaded[lang] = (await apiFetch(`/api/framework-titles/${lang}`, { contract: 'frameworks.titles' })).frameworks;
  } catch {
    // Titles then stay Swedish (marked so); the next language change tries again.
  }
}

/** A version's titles in the language, or null (then they stay Swedish). */
export function titleTable(frameworkId: string, lang: string): TitleTable | null {
  if (lang !== 'en' && lang !== 'nb') return null;
  const t = loaded[lang]?.[frameworkId];
  return t ? { ...t, lang } : null;
}

/** After a version's translations are saved: the pages show the new titles without a reload. */
export function replaceTitleTranslations(frameworkId: string, translations: FrameworkTranslations | undefined): void {
  for (const lang of ['en', 'nb'] as const) {
    const table = loaded[lang];
    if (!table) continue;
    const t = translations?.[lang];
    if (t) table[frameworkId] = t;
    else delete table[frameworkId];
  }
}
