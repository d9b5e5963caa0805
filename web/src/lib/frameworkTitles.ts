/**
 * Framework titles (areas, subareas) in the interface language: the unofficial translations kept as
 * data per framework version on the server (loaded with the language, `titleTranslations.ts`).
 * Untranslated titles stay Swedish.
 */
import { localTitle } from '../../../src/domain/framework.ts';
import { titleTable } from './titleTranslations.ts';
import { useLang, type Lang } from '../i18n/i18n.tsx';
import type { EvaluationSummary, FrameworkDef } from './types.ts';

export function localizeSummary(summary: EvaluationSummary, lang: Lang): EvaluationSummary {
  const table = titleTable(summary.framework.id, lang);
  if (!table) return summary;
  return {
    ...summary,
    areas: summary.areas.map((a) => ({
      ...a,
      title: localTitle(table, a.number, a.title).text,
      subareas: a.subareas.map((s) => ({ ...s, title: localTitle(table, s.id, s.title).text })),
    })),
  };
}

/** The note that titles are an unofficial translation, when they are translated. */
export function useTitleNote(frameworkId: string | undefined): string | null {
  const [lang] = useLang();
  return frameworkId ? (titleTable(frameworkId, lang)?.note ?? null) : null;
}


/** A framework definition with its area and subarea titles in the interface language. */
export function localizeFramework(framework: FrameworkDef, lang: Lang): FrameworkDef {
  const table = titleTable(framework.id, lang);
  if (!table) return framework;
  return {
    ...framework,
    areas: framework.areas.map((a) => ({ ...a, title: localTitle(table, a.number, a.title).text, subareas: a.subareas.map((s) => ({ ...s, title: localTitle(table, s.id, s.title).text })) })),
  };
}

/** One area (number) or subarea (id) title of a framework version in the language, with the language it is in. */
export function localTitleOf(frameworkId: string, lang: Lang, key: number | string, swedish: string): { text: string; lang: string } {
  return localTitle(titleTable(frameworkId, lang), key, swedish);
}

/** One area (number) or subarea (id) title of a version in the interface language. */
export function useLocalTitle(): (frameworkId: string, key: number | string, swedish: string) => string {
  const [lang] = useLang();
  return (frameworkId, key, swedish) => localTitleOf(frameworkId, lang, key, swedish).text;
}
