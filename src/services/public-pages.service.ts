/**
 * What search engines and link previews learn about the public pages before any script runs: the
 * title, description and canonical path of a page (municipalities and published evaluations by name
 * and score), and the list of public pages for the sitemap. Reads only what the public may see.
 */
import { paths, patterns } from '../contracts/paths.ts';
import { PUBLIC, type Viewer } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';
import { formatPercent, formatPrintedPoints } from '../domain/scoring.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Canonical path of the page (without query string, except where the query is the page). */
  path: string;
  type: 'website' | 'article';
  /** Pages that should not be indexed (sign-in, editing, unknown addresses). */
  noindex?: boolean;
}

const SITE = 'Kommunkompassen';
const SITE_DESCRIPTION =
  'Publicerade utvärderingar enligt Kommunkompassen: hur kommuner och regioner styrs och leds, poäng per område, styrkor och förbättringsmöjligheter, jämförelser och goda exempel.';

/** Matches a path against a route pattern with `:param` segments; returns the decoded params. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  if (pattern === '/') return pathname === '/' || pathname === '' ? {} : null;
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

const isNotFound = (e: unknown) => e instanceof DomainError && e.code === 'not_found';

export function createPublicPagesService(deps: { evaluations: EvaluationService; municipalities: MunicipalityService }) {
  const { evaluations, municipalities } = deps;

  const published = async (viewer: Viewer, municipalityCode?: string) =>
    (await evaluations.listEvaluations({ filter: { status: 'published', limit: 10_000, ...(municipalityCode ? { municipalityCode } : {}) }, viewer })).items;

  const evaluationMeta = async (id: string, viewer: Viewer): Promise<PageMeta | null> => {
    try {
      const s = await evaluations.getSummary({ id, viewer });
      if (s.status !== 'published') return null;
      const score = s.total === null ? 'totalpoängen är okänd' : `${formatPrintedPoints(s.total)} av ${s.max} poäng (${formatPercent(s.percent)})`;
      return {
        title: `${s.municipality.name} ${s.year} – ${SITE}`,
        description: `Utvärdering av ${s.municipality.name} ${s.year} enligt ${s.framework.name}: ${score}. Poäng per område, styrkor och förbättringsmöjligheter.`,
        path: paths.evaluation(id),
        type: 'article',
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  };

  const municipalityMeta = async (code: string, viewer: Viewer): Promise<PageMeta | null> => {
    try {
      const m = await municipalities.getMunicipality({ code });
      const items = (await published(viewer, code)).sort((a, b) => a.year - b.year);
      const latest = items[items.length - 1];
      const what = m.kind === 'region' || m.name === m.countyName ? m.name : `${m.name} (${m.countyName})`;
      const description =
        latest === undefined
          ? `${what} har ännu ingen publicerad utvärdering enligt ${SITE}.`
          : `${what}: ${items.length === 1 ? 'en publicerad utvärdering' : `${items.length} publicerade utvärderingar`} enligt ${SITE} (${items.map((i) => i.year).join(', ')}), senast ${latest.year}${latest.total === null ? '' : ` med ${formatPrintedPoints(latest.total)} poäng`}.`;
      return { title: `${m.name} – ${SITE}`, description, path: paths.municipality(m.code), type: 'website' };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  };

  const STATIC: Array<{ pattern: string; meta: PageMeta }> = [
    { pattern: patterns.start, meta: { title: `${SITE} – utvärderingar av hur kommuner styrs och leds`, description: SITE_DESCRIPTION, path: paths.start(), type: 'website' } },
    {
      pattern: patterns.compare,
      meta: { title: `Jämför utvärderingar – ${SITE}`, description: 'Jämför publicerade utvärderingar enligt Kommunkompassen område för område.', path: paths.compare(), type: 'website' },
    },
    {
      pattern: patterns.goodExamples,
      meta: { title: `Goda exempel – ${SITE}`, description: 'Goda exempel ur publicerade utvärderingar enligt Kommunkompassen, per område och delområde.', path: paths.goodExamples(), type: 'website' },
    },
    {
      pattern: patterns.benchmarks,
      meta: { title: `Jämförelsetal och öppna data – ${SITE}`, description: 'Medelvärde, median och spridning per område och delområde i publicerade utvärderingar enligt Kommunkompassen, kommunens placering i länet, och alla poäng som öppna data.', path: paths.benchmarks(), type: 'website' },
    },
    { pattern: patterns.signIn, meta: { title: `Logga in – ${SITE}`, description: SITE_DESCRIPTION, path: paths.signIn(), type: 'website', noindex: true } },
  ];

  return {
    /**
     * Head metadata for a path of the web app. Municipalities and published evaluations get their own
     * title and description; other public pages a fixed one; anything else the site's, not indexed.
     */
    async getPageMeta({ pathname, viewer }: { pathname: string; viewer: Viewer }): Promise<PageMeta> {
      const fallback: PageMeta = { title: SITE, description: SITE_DESCRIPTION, path: pathname, type: 'website', noindex: true };
      const evaluation = matchPattern(patterns.evaluation, pathname);
      if (evaluation?.id) return (await evaluationMeta(evaluation.id, viewer)) ?? fallback;
      const municipality = matchPattern(patterns.municipality, pathname);
      if (municipality?.code) return (await municipalityMeta(municipality.code, viewer)) ?? fallback;
      return STATIC.find((s) => matchPattern(s.pattern, pathname))?.meta ?? fallback;
    },

    /** Every public page worth indexing: start, compare, good examples, every municipality and region, and every published evaluation. */
    async listSitemap({ viewer }: { viewer: Viewer }): Promise<Array<{ path: string; lastModified?: string }>> {
      const items = await published(viewer);
      const latestByMunicipality = new Map<string, string>();
      for (const i of items) {
        const prev = latestByMunicipality.get(i.municipality.code);
        if (!prev || prev < i.updatedAt) latestByMunicipality.set(i.municipality.code, i.updatedAt);
      }
      const places = await municipalities.listMunicipalities();
      return [
        { path: paths.start() },
        { path: paths.goodExamples() },
        { path: paths.compare() },
        ...places.map((m) => {
          const lastModified = latestByMunicipality.get(m.code);
          return lastModified ? { path: paths.municipality(m.code), lastModified } : { path: paths.municipality(m.code) };
        }),
        ...items.map((i) => ({ path: paths.evaluation(i.id), lastModified: i.updatedAt })),
      ];
    },
  };
}
export type PublicPagesService = ReturnType<typeof createPublicPagesService>;

/** The viewer the served HTML is written for: always the public, so a shared link never names a draft. */
export const PAGE_VIEWER: Viewer = PUBLIC;
