/**
 * What the server writes into the web app's index.html before any script runs, so that links shared
 * on social media and search engines see a real title, description and canonical address:
 * `<title>`, meta description, canonical link, Open Graph and Twitter card tags. Also the sitemap
 * and robots.txt. Pure string functions; every value is escaped for its HTML or XML context.
 */
import type { PageMeta } from '../services/public-pages.service.ts';
import { escapeHtml } from '../domain/text.ts';

export { escapeHtml };

/** Joins the public origin and a path into an absolute URL ("https://example.se/kommuner/1880"). */
export function absoluteUrl(origin: string, pathname: string): string {
  return new URL(pathname, origin.endsWith('/') ? origin : `${origin}/`).toString();
}

/** The tags that replace the `<title>` of index.html. */
export function headTags(meta: PageMeta, origin: string): string {
  const url = escapeHtml(absoluteUrl(origin, meta.path));
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description);
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${url}" />`,
    `<meta property="og:site_name" content="Kommunkompassen" />`,
    `<meta property="og:type" content="${meta.type === 'article' ? 'article' : 'website'}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${url}" />`,
    `<meta property="og:locale" content="sv_SE" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
    ...(meta.noindex ? ['<meta name="robots" content="noindex" />'] : []),
  ].join('\n    ');
}

/** index.html with its `<title>` replaced by the page's head tags (and `extra` tags after them: preload hints). */
export function injectHead(indexHtml: string, meta: PageMeta, origin: string, extra = ''): string {
  const tags = extra ? `${headTags(meta, origin)}\n    ${extra}` : headTags(meta, origin);
  if (/<title>[\s\S]*?<\/title>/.test(indexHtml)) return indexHtml.replace(/<title>[\s\S]*?<\/title>/, () => tags);
  return indexHtml.replace('</head>', () => `    ${tags}\n  </head>`);
}

export interface SitemapEntry {
  path: string;
  /** ISO date-time of the last change, when known. */
  lastModified?: string | undefined;
}

export function sitemapXml(entries: readonly SitemapEntry[], origin: string): string {
  const urls = entries.map((e) => {
    const loc = `<loc>${escapeHtml(absoluteUrl(origin, e.path))}</loc>`;
    const lastmod = e.lastModified ? `<lastmod>${escapeHtml(e.lastModified.slice(0, 10))}</lastmod>` : '';
    return `  <url>${loc}${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Public pages may be crawled; the API, editing and account pages may not. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Disallow: /api/',
    'Disallow: /importera',
    'Disallow: /anvandare',
    'Disallow: /konto/',
    'Disallow: /aterstall-losenord',
    'Disallow: /utvarderingar/ny',
    'Disallow: /*/redigera',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(origin, '/sitemap.xml')}`,
    '',
  ].join('\n');
}
