/**
 * What a link preview or a search engine gets before any script runs: the served HTML of a published
 * evaluation and of a municipality names them in <title>, description, Open Graph and canonical link;
 * drafts stay anonymous; every value is escaped; sitemap.xml and robots.txt list the public pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, evaluationIdOf, listedEvaluations, signIn, type ListedEvaluation, type TestApp } from '../helpers/app.ts';
import { buildEvaluation } from '../helpers/factories.ts';
import { headTags, injectHead } from '../../src/http/page-head.ts';

const INDEX = '<!doctype html>\n<html lang="sv">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Kommunkompassen</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';


void describe('served HTML head, sitemap and robots.txt', () => {
  let t: TestApp;
  let dist: string;
  let items: ListedEvaluation[];
  const find = (code: string, year: number) => evaluationIdOf(items, code, year);
  before(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    t = await createTestApp({ demo: true, webDist: dist, env: { KOMPASS_PUBLIC_URL: 'https://kompass.example.se' } });
    items = await listedEvaluations(t);
  });
  after(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test('a published evaluation: title, description, Open Graph, Twitter and canonical name it', async () => {
    const id = find('1231', 2020);
    const res = await t.app.inject({ url: `/utvarderingar/${id}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const html = res.body;
    assert.match(html, /<title>Burlöv 2020 – Kommunkompassen<\/title>/);
    assert.match(html, /<meta property="og:title" content="Burlöv 2020 – Kommunkompassen" \/>/);
    assert.match(html, /<meta name="description" content="[^"]*Burlöv 2020[^"]*595 av 800 poäng[^"]*"/);
    assert.match(html, /<meta name="twitter:title" content="Burlöv 2020/);
    assert.ok(html.includes(`<link rel="canonical" href="https://kompass.example.se/utvarderingar/${id}" />`), html);
    assert.equal((html.match(/<title>/g) ?? []).length, 1, 'exactly one <title>');
    assert.match(html, /<div id="root"><\/div>/, 'the app itself is unchanged');
  });

  test('a municipality page names the municipality and its evaluations', async () => {
    const html = (await t.app.inject({ url: '/kommuner/1880' })).body;
    assert.match(html, /<title>Örebro – Kommunkompassen<\/title>/);
    assert.match(html, /<meta name="description" content="Örebro \(Örebro län\): 3 publicerade utvärderingar[^"]*2010, 2012, 2015[^"]*650 poäng/);
    assert.ok(html.includes('<link rel="canonical" href="https://kompass.example.se/kommuner/1880" />'));
  });

  test('a draft, an unknown evaluation or an unknown address gets the site head and noindex, never the draft', async () => {
    const draft = await buildEvaluation(t.services, { municipalityCode: '1980', year: 2031 });
    assert.equal(draft.status, 'draft');
    for (const url of [`/utvarderingar/${draft.id}`, '/utvarderingar/00000000-0000-4000-8000-000000000000', '/utvarderingar/inte-ett-id', '/kommuner/9999', '/nagot/annat']) {
      const html = (await t.app.inject({ url })).body;
      assert.match(html, /<title>Kommunkompassen<\/title>/, url);
      assert.doesNotMatch(html, /Västerås/, url);
      assert.match(html, /<meta name="robots" content="noindex" \/>/, url);
    }
  });

  /** The API answers written into the page (`<script type="application/json" id="kompass-data">`). */
  const embedded = (html: string): Record<string, unknown> | null => {
    const m = /<script type="application\/json" id="kompass-data">([\s\S]*?)<\/script>/.exec(html);
    return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : null;
  };

  test('an evaluation page carries the two API answers it shows first, exactly as the API gives them', async () => {
    const id = find('1231', 2020);
    const res = await t.app.inject({ url: `/utvarderingar/${id}` });
    const data = embedded(res.body);
    assert.ok(data, 'the page has its data');
    assert.deepEqual(Object.keys(data).sort(), [`/api/evaluations/${id}`, `/api/evaluations/${id}/summary`]);
    assert.deepEqual(data[`/api/evaluations/${id}`], (await t.app.inject({ url: `/api/evaluations/${id}` })).json());
    assert.deepEqual(data[`/api/evaluations/${id}/summary`], (await t.app.inject({ url: `/api/evaluations/${id}/summary` })).json());
    assert.equal(res.headers['cache-control'], 'private, no-cache');
    // No text of the data can end the script element early.
    assert.equal((res.body.match(/<\/script>/g) ?? []).length, 1);
  });

  test("a draft's data is embedded only for those who may see it", async () => {
    const draft = await buildEvaluation(t.services, { municipalityCode: '1980', year: 2032 });
    const anonymous = await t.app.inject({ url: `/utvarderingar/${draft.id}` });
    assert.equal(embedded(anonymous.body), null);
    assert.equal(anonymous.headers['cache-control'], 'no-cache');
    const evaluator = await signIn(t, 'evaluator');
    const staff = await t.app.inject({ url: `/utvarderingar/${draft.id}`, headers: { cookie: evaluator.cookie } });
    const data = embedded(staff.body);
    assert.equal((data?.[`/api/evaluations/${draft.id}`] as { status?: string } | undefined)?.status, 'draft');
    assert.match(staff.body, /<title>Kommunkompassen<\/title>/, 'the head still never names a draft');
  });

  test('the start page is served with its head (also for "/")', async () => {
    const html = (await t.app.inject({ url: '/' })).body;
    assert.match(html, /<title>Kommunkompassen – utvärderingar/);
    assert.ok(html.includes('<link rel="canonical" href="https://kompass.example.se/" />'));
    assert.doesNotMatch(html, /noindex/);
  });

  test('every value is escaped', () => {
    const meta = { title: 'A "B" <script>alert(1)</script> & C', description: "it's <b>", path: '/x?a=1&b="2"', type: 'website' as const };
    const tags = headTags(meta, 'https://e.se');
    assert.doesNotMatch(tags, /<script>|<b>/);
    assert.match(tags, /<title>A &quot;B&quot; &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; C<\/title>/);
    assert.match(tags, /content="it&#39;s &lt;b&gt;"/);
    assert.match(tags, /href="https:\/\/e\.se\/x\?a=1&amp;b=%222%22"/);
    // A "$&" in a value must not be read as a replacement pattern.
    assert.match(injectHead(INDEX, { ...meta, title: 'Kost $& $1' }, 'https://e.se'), /<title>Kost \$&amp; \$1<\/title>/);
  });

  test('sitemap.xml lists every published evaluation and the municipalities, no drafts', async () => {
    const draft = await buildEvaluation(t.services, { municipalityCode: '1980', year: 2032 });
    const res = await t.app.inject({ url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/xml/);
    const xml = res.body;
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    for (const i of items.filter((x) => x.status === 'published')) assert.ok(xml.includes(`<loc>https://kompass.example.se/utvarderingar/${i.id}</loc>`), i.id);
    assert.ok(!xml.includes(draft.id), 'a draft is not listed');
    assert.match(xml, /<loc>https:\/\/kompass.example.se\/kommuner\/1880<\/loc><lastmod>\d{4}-\d\d-\d\d<\/lastmod>/);
    assert.ok(xml.includes('<loc>https://kompass.example.se/kommuner/0114</loc>'), 'municipalities without evaluations too');
  });

  test('robots.txt allows the public pages, keeps crawlers out of the API and editing, and names the sitemap', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^User-agent: \*$/m);
    assert.match(res.body, /^Disallow: \/api\/$/m);
    assert.match(res.body, /^Disallow: \/\*\/redigera$/m);
    assert.match(res.body, /^Sitemap: https:\/\/kompass.example.se\/sitemap.xml$/m);
  });
});
