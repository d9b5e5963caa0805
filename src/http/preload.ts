/**
 * Preload hints written into a page's HTML, so the browser fetches what the page needs while the entry
 * script is still loading instead of one round trip after another: the page's own JavaScript chunks
 * (`modulepreload`, from Vite's build manifest) and, for an evaluation, the two API answers it shows
 * first (`preload as=fetch`, the same addresses the web app asks for: `apiPaths`).
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

export type PreloadHints = (pathname: string) => string;

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
  return (pathname) => {
    for (const page of PAGES) {
      const params = matchPattern(page.pattern, pathname);
      if (!params) continue;
      let files = cache.get(page.module);
      if (!files) {
        files = chunkFiles(page.module);
        cache.set(page.module, files);
      }
      const modules = files.map((f) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(f)}" />`);
      const data = (page.data?.(params) ?? []).map((u) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeHtml(u)}" />`);
      return [...data, ...modules].join('\n    ');
    }
    return '';
  };
}
