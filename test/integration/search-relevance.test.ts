import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC, SYSTEM } from '../../src/domain/access.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { readSeed } from '../unit/importer/seeds.ts';

/**
 * Relevance on real reports: the seeds Burlöv 2020, Borås 2013 and Örebro 2015, imported and published.
 * Each query names the passage that must come first (municipality, year, anchor on the evaluation page)
 * and others that must be among the first hits.
 */
const CASES: Array<{ q: string; first: string; alsoTop?: string[]; why: string }> = [
  { q: 'friskvårdsbidrag', first: 'Borås 2013 d-6.2', why: 'a word found in one subarea text' },
  { q: 'projektmodell', first: 'Borås 2013 d-4.3', why: 'a word found in one subarea text' },
  { q: 'webbsändning', first: 'Borås 2013 s-1-2', alsoTop: ['Borås 2013 d-1.2'], why: 'the strength first, then the text with the verb "webbsänds"' },
  { q: 'fusk oegentligheter', first: 'Burlöv 2020 s-1-7', alsoTop: ['Burlöv 2020 d-1.5'], why: 'both words, the short strength before the long text' },
  { q: 'resultatstyrning', first: 'Burlöv 2020 d-3.2', alsoTop: ['Örebro 2015 s-5-1'], why: 'the text using the word twice first' },
  { q: 'brukarundersokning', first: 'Burlöv 2020 d-5.4', alsoTop: ['Burlöv 2020 s-5-4'], why: 'ö typed as o, plural forms' },
  { q: 'intranat', first: 'Burlöv 2020 d-8.4', alsoTop: ['Borås 2013 d-4.3', 'Borås 2013 d-7.4'], why: 'ä typed as a, definite form "intranätet"' },
  { q: 'ledarutveckling', first: 'Burlöv 2020 s-8-5', alsoTop: ['Borås 2013 s-4-2'], why: 'the first part of the compound "ledarutvecklingsprogram"' },
];

describe(`search relevance on the imported seed reports (${testDbKind()})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
    for (const seed of ['001', '002', '004']) {
      const { evaluation } = await ctx.services.imports.importReport({ viewer: SYSTEM, bytes: new TextEncoder().encode(readSeed(seed)), fileName: `${seed}.txt` });
      await ctx.services.evaluations.changeStatus({ id: evaluation.id, expectedVersion: evaluation.version, status: 'published', viewer: SYSTEM });
    }
  });
  after(async () => ctx.close());

  for (const c of CASES) {
    test(`"${c.q}": ${c.why}`, async () => {
      const res = await ctx.services.goodExamples.searchGoodExamples({ viewer: PUBLIC, query: { q: c.q }, limit: 5 });
      const hits = res.items.map((h) => `${h.municipality.name} ${h.year} ${h.anchor}`);
      assert.equal(hits[0], c.first, `first hit of ${hits.join(' | ')}`);
      for (const expected of c.alsoTop ?? []) assert.ok(hits.includes(expected), `${expected} among ${hits.join(' | ')}`);
      assert.ok(res.items[0]?.excerpt.some((p) => p.hit), 'the first hit is highlighted');
    });
  }
});
