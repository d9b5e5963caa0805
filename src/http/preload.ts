/**
 * What a page's HTML carries so the browser does not wait one round trip after another: the page's own
 * JavaScript chunks (`modulepreload`, from Vite's build manifest) and, for an evaluation, the two API
 * answers it shows first (the same addresses the web app asks for: `apiPaths`), written into the page
 * itself (`embeddedData`, read by web/src/lib/embedded.ts instead of fetching them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiPaths, patterns } from '../contracts/paths.ts';
import { escapeHtml } from '../domain/text.ts';
import { matchPattern } from '../services/public-pages.service.ts';

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public pages: their route, their module in the web app (the manifest's key) and the data they fetch first. */
const PAGES: Array<{ pattern: string; module: string; data?: (params: Record<string, string>) => string[] }> = [
  { pattern: patterns.start, module: 'src/features/start/StartPage.tsx' },
  { pattern: patterns.newEvaluation, module: 'src/features/edit/NewEvaluationPage.tsx' },
  {
    pattern: patterns.evaluation,
    module: 'src/features/evaluations/EvaluationPage.tsx',
    data: ({ id }) => (id && UUID.test(id) ? [apiPaths.evaluation(id), apiPaths.evaluationSummary(id)] : []),
  },
  { pattern: patterns.municipality, module: 'src/features/municipalities/MunicipalityPage.tsx' },
  { pattern: patterns.compare, module: 'src/features/compare/ComparePage.tsx' },
  { pattern: patterns.goodExamples, module: 'src/features/good-examples/GoodExamplesPage.tsx' },
  { pattern: patterns.benchmarks, module: 'src/features/benchmarks/BenchmarksPage.tsx' },
  { pattern: patterns.signIn, module: 'src/features/account/SignInPage.tsx' },
];

export interface PreloadHints {
  /** The `<link>` tags for the page's chunks. */
  hints: (pathname: string) => string;
  /** The API addresses whose answers the page shows first (embedded in its HTML). */
  dataPaths: (pathname: string) => string[];
}

/** The id of the script element holding the embedded API answers (web/src/lib/embedded.ts reads it). */
export const EMBEDDED_DATA_ID = 'kompass-data';

/**
 * API answers (each the JSON text the API sent, by its address) as one JSON script element (not
 * executed: `type="application/json"`), joined without parsing them again. `<` is escaped so no text in
 * the data can close the element (in JSON it can only stand inside a string, where `\u003c` means the same).
 */
export function embeddedData(replies: Record<string, string>): string {
  const entries = Object.entries(replies);
  if (entries.length === 0) return '';
  const json = `{${entries.map(([address, body]) => `${JSON.stringify(address)}:${body}`).join(',')}}`.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${EMBEDDED_DATA_ID}">${json}</script>`;
}

/** Reads the build manifest of `webDist` once; without one (a development build) no hints are written. */
export function createPreloadHints(webDist: string, indexHtml: string): PreloadHints {
  let manifest: Manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(webDist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    manifest = {};
  }
  /** The chunk's file and every chunk it imports statically, minus what index.html already loads. */
  const chunkFiles = (key: string): string[] => {
    const out = new Set<string>();
    const visit = (k: string) => {
      const chunk = manifest[k];
      if (!chunk || out.has(chunk.file)) return;
      out.add(chunk.file);
      for (const i of chunk.imports ?? []) visit(i);
    };
    visit(key);
    return [...out].filter((f) => !indexHtml.includes(`/${f}`));
  };
  const cache = new Map<string, string[]>();
  const pageOf = (pathname: string) => {
    for (const page of PAGES) {
      const params = matchPattern(page.pattern, pathname);
      if (params) return { page, params };
    }
    return null;
  };
  return {
    hints: (pathname) => {
      const match = pageOf(pathname);
      if (!match) return '';
      let files = cache.get(match.page.module);
      if (!files) {
        files = chunkFiles(match.page.module);
        cache.set(match.page.module, files);
      }
      return files.map((f) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(f)}" />`).join('\n    ');
    },
    dataPaths: (pathname) => {
      const match = pageOf(pathname);
      return match?.page.data?.(match.params) ?? [];
    },
  };
}
