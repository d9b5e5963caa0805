/** The one route registry: every in-app link is built here. */
export const paths = {
  start: () => '/',
  municipality: (code: string) => `/kommuner/${encodeURIComponent(code)}`,
  evaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}`,
  editEvaluation: (id: string) => `/utvarderingar/${encodeURIComponent(id)}/redigera`,
  newEvaluation: (municipalityCode?: string) => (municipalityCode ? `/utvarderingar/ny?kommun=${encodeURIComponent(municipalityCode)}` : '/utvarderingar/ny'),
  compare: (ids: readonly string[] = []) => (ids.length > 0 ? `/jamfor?ids=${ids.map(encodeURIComponent).join(',')}` : '/jamfor'),
  import: () => '/importera',
} as const;

/** Route patterns for the router (kept beside the builders so they cannot drift apart). */
export const patterns = {
  start: '/',
  municipality: '/kommuner/:code',
  evaluation: '/utvarderingar/:id',
  editEvaluation: '/utvarderingar/:id/redigera',
  newEvaluation: '/utvarderingar/ny',
  compare: '/jamfor',
  import: '/importera',
} as const;

/** Server endpoints that are downloads rather than API calls. */
export const downloads = {
  reportPdf: (id: string) => `/api/evaluations/${encodeURIComponent(id)}/report.pdf`,
  reportDocx: (id: string) => `/api/evaluations/${encodeURIComponent(id)}/report.docx`,
} as const;
