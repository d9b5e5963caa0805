/**
 * Synthetic archives for load tests and benchmarks: seeded, reproducible, and labelled as synthetic
 * in every evaluation (summary, key facts, source, evaluator). Never part of the demo data.
 */
import type { Evaluation } from './evaluation.ts';
import type { FrameworkDef } from './framework.ts';
import { seededRandom } from './random.ts';
export { seededRandom };

export const SYNTH_LABEL = 'Syntetisk testdata';


// Vocabulary of the method's subject (single words, inflections and compounds), not report sentences.
const WORDS = (
  'styrning styrningen uppföljning uppföljningen delaktighet kvalitet kvaliteten brukare brukarna förvaltning förvaltningen nämnd nämnderna ' +
  'strategi strategin mål målen resultat resultaten ledarskap ledarskapet medarbetare medarbetarna samverkan näringsliv näringslivet ' +
  'hållbarhet digitalisering kommunikation jämförelser effektivitet invånare invånarna dialog förtroendevalda politiken ' +
  'budget budgetprocessen verksamhetsplan internkontroll kvalitetsarbete förbättringsarbete värdegrund arbetsmiljö kompetensförsörjning ' +
  'tillgänglighet service synpunkter klagomål e-tjänster öppenhet insyn information målgrupper samhällsutveckling klimatanpassning ' +
  'folkhälsa integration utanförskap skolan äldreomsorgen socialtjänsten kultur fritid föreningslivet företagsklimat planering ' +
  'tydlig tydliga systematisk systematiskt samlad gemensam långsiktig utvecklat utvecklar arbetar följer analyserar redovisar ' +
  'kommunen kommunens organisationen chefer cheferna tjänstepersoner fullmäktige kommunstyrelsen enheterna verksamheterna'
).split(' ');

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'kommunen');
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number, words: number): string {
  const parts: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 10));
    parts.push(sentence(rand, n));
    left -= n;
  }
  return parts.join(' ');
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface SynthOptions {
  evaluations: number;
  seed: number;
  /**
   * Full texts in every `textsEvery`-th evaluation only (1, the default: in all); the others carry
   * their scores, labels and facts but no area texts. Large archives are bounded by indexing the
   * texts for search (24,000 evaluations with full texts are 1.6 GB of text to analyse).
   */
  textsEvery?: number;
  framework: FrameworkDef;
  municipalities: ReadonlyArray<{ code: string; name: string }>;
}

/**
 * Published evaluations over the municipalities in turn, about 36 kB of text each: area summaries,
 * a narrative per subarea, five strengths and three improvement opportunities per area, and a named
 * good example in every tenth area. Every 50th evaluation says "medborgardialogerna" in subarea 1.4.
 */
export function synthesizeEvaluations(options: SynthOptions): Evaluation[] {
  return [...generateEvaluations(options)];
}

/** The evaluations of `synthesizeEvaluations` one at a time (the same for the same seed), for writing in batches. */
export function* generateEvaluations({ evaluations, seed, framework, municipalities, textsEvery = 1 }: SynthOptions): Generator<Evaluation> {
  const rand = seededRandom(seed);
  for (let i = 0; i < evaluations; i++) {
    const m = municipalities[i % municipalities.length];
    if (!m) break;
    const year = Math.min(2100, framework.year + Math.floor(i / municipalities.length) * 3 + Math.floor(rand() * 3));
    const scores: Record<string, number> = {};
    for (const a of framework.areas) for (const s of a.subareas) if (s.max !== null) scores[s.id] = Math.round((0.3 + rand() * 0.7) * s.max * 10) / 10;
    const texts = i % textsEvery === 0;
    const areas = framework.areas.map((a) => {
      if (!texts) return { number: a.number, statedScore: null, summary: '', narratives: {}, strengths: [], improvements: [], goodExamples: [] };
      const narratives = Object.fromEntries(a.subareas.map((s) => [s.id, paragraph(rand, 150)]));
      if (a.number === 1 && i % 50 === 0 && narratives['1.4'] !== undefined) narratives['1.4'] += ' Kommunen har utvecklat medborgardialogerna i alla nämnder.';
      const other = municipalities[Math.floor(rand() * municipalities.length)];
      const sub = a.subareas[Math.floor(rand() * a.subareas.length)];
      return {
        number: a.number,
        statedScore: null,
        summary: paragraph(rand, 60),
        narratives,
        strengths: Array.from({ length: 5 }, () => sentence(rand, 8)),
        improvements: Array.from({ length: 3 }, () => sentence(rand, 8)),
        goodExamples: rand() < 0.1 && other ? [{ municipalityCode: other.code, name: other.name, subareaId: sub?.id ?? null, text: sentence(rand, 12) }] : [],
      };
    });
    const at = `${year}-06-01T00:00:00.000Z`;
    yield {
      id: uuid(rand),
      municipalityCode: m.code,
      municipality: { code: m.code, name: m.name, kind: 'kommun' },
      frameworkId: framework.id,
      year,
      month: 5,
      reportDate: `${year}-05-${String(10 + Math.floor(rand() * 18)).padStart(2, '0')}`,
      periodStart: null,
      periodEnd: null,
      ordinal: null,
      interviews: 20 + Math.floor(rand() * 40),
      interviewsApprox: true,
      status: 'published',
      summary: `${SYNTH_LABEL} (kompass db synth, frö ${seed}), inte en verklig utvärdering.${texts ? ` ${paragraph(rand, 120)}` : ''}`,
      statedTotal: null,
      keyFacts: [{ label: SYNTH_LABEL, value: `Genererad av kompass db synth med frö ${seed}; inte en verklig utvärdering.` }],
      evaluators: [{ name: 'Syntetisk utvärderare', organisation: 'kompass db synth', isLead: true }],
      scores,
      areas,
      source: { kind: 'manual', fileName: `kompass-db-synth-${seed}`, found: [SYNTH_LABEL] },
      sourceHash: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'kompass db synth',
      supersedesId: null,
      supersededById: null,
    };
  }
}
