/** The one route registry: every in-app link is built here. Shared by the web app and the server (sitemap, page titles, canonical links). */
export const paths = {
  start: () => '/',
  municipality: (code: string) => `/kommuner/${encodeURIComponent(code)}`,
  evaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}`,
  editEvaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/redigera`,
  actionPlan: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/handlingsplan`,
  /** Across municipalities: which kinds of actions go with score changes (association, not proof). */
  followUpAssociations: () => '/uppfoljning/samband',
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
  /** Benchmarks per framework version and year, a municipality's standing in its county or a peer group. */
  benchmarks: (filters: { framework?: string; year?: number; municipality?: string } = {}) => {
    const qs = new URLSearchParams(Object.entries(filters).filter((e) => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();
    return qs ? `/jamforelsetal?${qs}` : '/jamforelsetal';
  },
  concordance: () => '/konkordans',
  /** Conducting an evaluation: questionnaire, evidence register, interview plan, question banks. */
  questionnaires: () => '/fragunderlag',
  questionnaire: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/fragunderlag`,
  evidence: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/underlag`,
  interviews: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/intervjuer`,
  questionBank: (frameworkId: string) => `/ramverk/${encodeURIComponent(frameworkId)}/fragor`,
  /** Framework administration: every version, and one version to view and edit (administrators). */
  /** The signed-in user's notifications in the app. */
  notifications: () => '/aviseringar',
  frameworks: () => '/ramverk',
  framework: (id: string) => `/ramverk/${encodeURIComponent(id)}`,
} as const;

/** API addresses that the web app fetches and the server also names in a page's preload hints (src/http/preload.ts): one place, so they cannot drift apart. */
export const apiPaths = {
  evaluation: (id: string) => `/api/evaluations/${encodeURIComponent(id)}`,
  evaluationSummary: (id: string) => `/api/evaluations/${encodeURIComponent(id)}/summary`,
  /** An evaluation page's chart drawn by the server from the stored scores. */
  evaluationChart: (id: string, kind: 'areaBar' | 'profileRadar') => `/api/evaluations/${encodeURIComponent(id)}/charts/${kind}.svg`,
  /** A municipality's trend drawn by the server. */
  municipalityTrend: (code: string) => `/api/municipalities/${encodeURIComponent(code)}/charts/trend.svg`,
} as const;

/** Route patterns for the router (kept beside the builders so they cannot drift apart). */
export const patterns = {
  start: '/',
  municipality: '/kommuner/:code',
  evaluation: '/utvarderingar/:id',
  editEvaluation: '/utvarderingar/:id/redigera',
  actionPlan: '/utvarderingar/:id/handlingsplan',
  followUpAssociations: '/uppfoljning/samband',
  newEvaluation: '/utvarderingar/ny',
  compare: '/jamfor',
  goodExamples: '/goda-exempel',
  import: '/importera',
  signIn: '/logga-in',
  changePassword: '/konto/losenord',
  resetPassword: '/aterstall-losenord',
  users: '/anvandare',
  benchmarks: '/jamforelsetal',
  concordance: '/konkordans',
  questionnaires: '/fragunderlag',
  questionnaire: '/utvarderingar/:id/fragunderlag',
  evidence: '/utvarderingar/:id/underlag',
  interviews: '/utvarderingar/:id/intervjuer',
  questionBank: '/ramverk/:id/fragor',
  notifications: '/aviseringar',
  frameworks: '/ramverk',
  framework: '/ramverk/:id',
} as const;

/** Server endpoints that are downloads rather than API calls. */
export const downloads = {
  /** The report file; `lang` (en, nb) for headings, labels and framework titles in that language. */
  reportPdf: (id: string, lang = 'sv') => `/api/evaluations/${encodeURIComponent(id)}/report.pdf${lang === 'sv' ? '' : `?lang=${lang}`}`,
  reportDocx: (id: string, lang = 'sv') => `/api/evaluations/${encodeURIComponent(id)}/report.docx${lang === 'sv' ? '' : `?lang=${lang}`}`,
  /** All published scores as open data (CC BY 4.0). */
  openData: (level: 'evaluation' | 'area' | 'subarea', format: 'csv' | 'xlsx' | 'json') => `/api/open-data/scores.${format}?level=${level}`,
  comparison: (ids: readonly string[], format: 'csv' | 'xlsx' | 'json') => `/api/comparisons/export.${format}?ids=${ids.map(encodeURIComponent).join(',')}`,
  questionnaire: (id: string, format: 'pdf' | 'docx') => `/api/evaluations/${encodeURIComponent(id)}/questionnaire/export.${format}`,
  interviewSchedule: (id: string, format: 'pdf' | 'docx') => `/api/evaluations/${encodeURIComponent(id)}/interviews/schedule.${format}`,
  file: (id: string, fileId: string) => `/api/evaluations/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
} as const;
