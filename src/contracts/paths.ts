/** The one route registry: every in-app link is built here. Shared by the web app and the server (sitemap, page titles, canonical links). */
export const paths = {
  start: () => '/',
  municipality: (code: string) => `/kommuner/${encodeURIComponent(code)}`,
  evaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}`,
  editEvaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/redigera`,
  actionPlan: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/handlingsplan`,
  newEvaluation: (municipalityCode?: string) => (municipalityCode ? `/utvarderingar/ny?kommun=${encodeURIComponent(municipalityCode)}` : '/utvarderingar/ny'),
  compare: (ids: readonly string[] = []) => (ids.length > 0 ? `/jamfor?ids=${ids.map(encodeURIComponent).join(',')}` : '/jamfor'),
  /** Good examples, optionally filtered by framework version and subarea ("1.3"). */
  goodExamples: (filters: { framework?: string; subarea?: string } = {}) => {
    const qs = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
    return qs ? `/goda-exempel?${qs}` : '/goda-exempel';
  },
  import: () => '/importera',
  /** Sign-in; `next` is where to return afterwards (a path inside the app). */
  signIn: (next?: string) => (next && next !== '/' ? `/logga-in?till=${encodeURIComponent(next)}` : '/logga-in'),
  changePassword: () => '/konto/losenord',
  resetPassword: () => '/aterstall-losenord',
  users: () => '/anvandare',
} as const;

/** Route patterns for the router (kept beside the builders so they cannot drift apart). */
export const patterns = {
  start: '/',
  municipality: '/kommuner/:code',
  evaluation: '/utvarderingar/:id',
  editEvaluation: '/utvarderingar/:id/redigera',
  actionPlan: '/utvarderingar/:id/handlingsplan',
  newEvaluation: '/utvarderingar/ny',
  compare: '/jamfor',
  goodExamples: '/goda-exempel',
  import: '/importera',
  signIn: '/logga-in',
  changePassword: '/konto/losenord',
  resetPassword: '/aterstall-losenord',
  users: '/anvandare',
} as const;

/** Server endpoints that are downloads rather than API calls. */
export const downloads = {
  /** The report file; `lang` (en, nb) for headings, labels and framework titles in that language. */
  reportPdf: (id: string, lang = 'sv') => `/api/evaluations/${encodeURIComponent(id)}/report.pdf${lang === 'sv' ? '' : `?lang=${lang}`}`,
  reportDocx: (id: string, lang = 'sv') => `/api/evaluations/${encodeURIComponent(id)}/report.docx${lang === 'sv' ? '' : `?lang=${lang}`}`,
} as const;
