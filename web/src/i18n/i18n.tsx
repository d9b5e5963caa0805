/**
 * A small typed i18n layer: `sv.ts` is the source of keys; `en.ts` and `nb.ts` must provide the same
 * keys (test/unit/i18n-catalogs.test.ts). Swedish is bundled with the entry; English and Norwegian
 * are separate chunks, loaded before the first render when chosen (`loadLang`) so no page ever
 * shows a mix. `useT()` returns a translate function; `{name}` placeholders are replaced from the params.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { sv, type MessageKey, type Messages } from './sv.ts';
import { loadTitleTranslations } from '../lib/titleTranslations.ts';
import { setNetworkErrorWording } from '../lib/api.ts';

export type Lang = 'sv' | 'en' | 'nb';
export const LANGS: readonly Lang[] = ['sv', 'en', 'nb'];
const STORAGE_KEY = 'kompass.lang';

const catalogs: Partial<Record<Lang, Messages>> = { sv };

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en' || value === 'nb';
}

/** Loads a language's messages and framework title translations (once); resolves when `translate` can use them. */
export async function loadLang(lang: Lang): Promise<void> {
  // The framework titles' translations are data on the server, loaded with the language.
  const titles = loadTitleTranslations(lang);
  if (!catalogs[lang]) {
    if (lang === 'en') catalogs.en = (await import('./en.ts')).en;
    else if (lang === 'nb') catalogs.nb = (await import('./nb.ts')).nb;
  }
  await titles;
}

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

export function translate(lang: Lang, key: MessageKey, params?: TParams): string {
  const template = (catalogs[lang] ?? sv)[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The language chosen earlier in this browser, else Swedish. */
export function storedLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // localStorage may be unavailable (privacy mode); fall back to Swedish.
  }
  return 'sv';
}

const I18nContext = createContext<I18nValue | null>(null);

/** `initial` must already be loaded (`await loadLang(initial)` before rendering). */
export function I18nProvider({ initial = 'sv', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(catalogs[initial] ? initial : 'sv');
  useEffect(() => {
    document.documentElement.lang = lang;
    // The API client's own message (the server unreachable) in the interface language.
    setNetworkErrorWording(() => ({ title: translate(lang, 'api.networkTitle'), detail: translate(lang, 'api.network') }));
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    void loadLang(next).then(() => {
      setLangState(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // ignore: the choice then lasts for this page only
      }
    });
  }, []);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() must be used inside <I18nProvider>');
  return ctx;
}

export function useT(): TFunction {
  return useI18n().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}
