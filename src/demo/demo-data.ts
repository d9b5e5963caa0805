/**
 * Demo data: figures of published evaluations (facts: points, dates, evaluators) taken from
 * the reports, with short texts written by the kompass project and labelled as demo text.
 * Decimals for Borås 2013 areas 1–3 are recovered from the printed points and percentages:
 * the value with at most two decimals that prints as the given integer and the given percent.
 */
import type { EvaluationInput } from '../domain/evaluation.ts';

const DEMO = 'Demotext skriven av kompass-projektet, inte hämtad ur rapporten.';

/** The areas' printed scores, by area number (only the areas whose score the report gives). */
const statedAreas = (scores: Record<number, number>): EvaluationInput['areas'] => Object.entries(scores).map(([n, statedScore]) => ({ number: Number(n), statedScore }));

const burlovAreas: EvaluationInput['areas'] = [
  {
    number: 1,
    summary: `${DEMO} Kommunen har en samlad syn på demokratiutveckling och dialog med invånarna.`,
    narratives: { '1.3': `${DEMO}\n\nDialogen med invånarna kring **stora infrastrukturprojekt** har utvecklats till en metod som används i hela kommunen.` },
    strengths: ['Samlad syn på demokratiutveckling och dialog', 'Metod för dialog kring komplexa frågor', 'Information anpassad efter olika målgrupper'],
    improvements: ['Webbsändning av fullmäktiges sammanträden', 'Koppla redovisade resultat tydligare till målen'],
    goodExamples: [],
  },
  {
    number: 2,
    summary: `${DEMO} Arbetet mot utanförskap sker på bred front.`,
    strengths: ['Bred samverkan mot utanförskap', 'Ny strategi för kultur och fritid'],
    improvements: ['Samlad strategi för klimatanpassning och cirkulär ekonomi'],
    goodExamples: [],
  },
  { number: 3, summary: DEMO, strengths: ['Tydlig vision och värdegrund', 'Förtroendefullt samspel mellan politik och förvaltning'], improvements: ['Färre och mer uppföljningsbara mål'], goodExamples: [] },
  { number: 4, summary: DEMO, strengths: ['Samverkan med grannkommuner för effektivitet'], improvements: ['Systematiska jämförelser av kostnader och kvalitet'], goodExamples: [] },
  { number: 5, summary: DEMO, strengths: ['Enkla kontaktvägar till kommunen'], improvements: ['Brukarnas möjlighet att påverka utformningen av tjänsterna'], goodExamples: [] },
  { number: 6, summary: DEMO, strengths: ['Central samordning av utvecklingsinsatser'], improvements: ['Systematiskt förbättringsarbete i alla verksamheter'], goodExamples: [] },
  { number: 7, summary: DEMO, strengths: ['Strategi för ett hållbart arbetsliv', 'Arbete med arbetsmiljö och sjukfrånvaro'], improvements: ['Jämställdhets- och mångfaldsarbete med mätbara mål'], goodExamples: [] },
  {
    number: 8,
    summary: DEMO,
    strengths: ['Basuppdrag som tydliggör chefers roller', 'Hög tillit mellan ledningsnivåer'],
    improvements: ['Helhetsgrepp om hur medarbetarskapet ska utvecklas'],
    goodExamples: [],
  },
];

/** kk2010 evaluations known only by the scores their reports print: the total and some or all areas. */
const PRINTED_ONLY: ReadonlyArray<{ municipalityCode: string; year: number; month?: number; ordinal: number; statedTotal: number; areas: Record<number, number>; summary: string }> = [
  { municipalityCode: '1490', year: 2010, ordinal: 2, statedTotal: 390, areas: { 1: 40, 2: 49, 3: 49, 4: 48, 5: 46, 6: 47, 7: 41, 8: 69 }, summary: `${DEMO} Bara områdenas poäng är kända för denna utvärdering.` },
  { municipalityCode: '1880', year: 2010, ordinal: 3, statedTotal: 515, areas: { 3: 66, 4: 59, 5: 51 }, summary: `${DEMO} Totalpoängen och några områdens poäng är kända.` },
  { municipalityCode: '1880', year: 2012, ordinal: 4, statedTotal: 615, areas: { 1: 68, 2: 85, 3: 86, 4: 74, 5: 70 }, summary: `${DEMO} Totalpoängen och några områdens poäng är kända.` },
  { municipalityCode: '1880', year: 2015, month: 10, ordinal: 5, statedTotal: 650, areas: { 3: 89, 4: 80, 8: 90 }, summary: `${DEMO}\n\nÖrebro når 650 poäng, det högsta resultatet dittills. Resultaten är jämnt fördelade över områdena.` },
];

const printedOnly = ({ municipalityCode, year, month, ordinal, statedTotal, areas, summary }: (typeof PRINTED_ONLY)[number]): EvaluationInput => ({
  municipalityCode,
  frameworkId: 'kk2010',
  year,
  ...(month === undefined ? {} : { month }),
  ordinal,
  status: 'published',
  statedTotal,
  summary,
  areas: statedAreas(areas),
  source: { kind: 'demo' },
});

export const DEMO_EVALUATIONS: EvaluationInput[] = [
  {
    municipalityCode: '1231',
    frameworkId: 'kk2020',
    year: 2020,
    month: 12,
    reportDate: '2020-12-08',
    ordinal: 2,
    interviews: 40,
    interviewsApprox: true,
    status: 'published',
    evaluators: [{ name: 'Christine Feuk', organisation: 'SKR', isLead: true }],
    summary: `${DEMO}\n\nBurlövs kommun visar ett jämnt och bra resultat. Samspelet mellan förtroendevalda och tjänstepersoner beskrivs som öppet, och flera förbättringar har gjorts sedan förra utvärderingen.`,
    scores: {
      '1.1': 15, '1.2': 8, '1.3': 25, '1.4': 6, '1.5': 25,
      '2.1': 11, '2.2': 26, '2.3': 18, '2.4': 17,
      '3.1': 8, '3.2': 30, '3.3': 24, '3.4': 18,
      '4.1': 16, '4.2': 19, '4.3': 21, '4.4': 17,
      '5.1': 17, '5.2': 12, '5.3': 17, '5.4': 15, '5.5': 9,
      '6.1': 15, '6.2': 15, '6.3': 19, '6.4': 19,
      '7.1': 15, '7.2': 30, '7.3': 21, '7.4': 12,
      '8.1': 14, '8.2': 16, '8.3': 16, '8.4': 15, '8.5': 14,
    },
    areas: burlovAreas,
    source: { kind: 'demo' },
  },
  {
    municipalityCode: '1490',
    frameworkId: 'kk2010',
    year: 2013,
    month: 5,
    reportDate: '2013-07-04',
    ordinal: 3,
    interviews: 40,
    interviewsApprox: true,
    status: 'published',
    statedTotal: 525,
    evaluators: [
      { name: 'Märit Melbi', organisation: 'SKL', isLead: true },
      { name: 'Martin Lidhamn', organisation: 'SKL', isLead: false },
      { name: 'Anders Bergenek', organisation: 'Halmstads kommun', isLead: false },
    ],
    summary: `${DEMO}\n\nBorås har förbättrat resultatet i alla åtta områden sedan 2010.`,
    scores: {
      '1.1': 3, '1.2': 16.4, '1.3': 20.4, '1.4': 22.2, '1.5': 4.9,
      '2.1': 10.5, '2.2': 9.4, '2.3': 10.5, '2.4': 11.1, '2.5': 9.15, '2.6': 2.25,
      '3.1': 8.25, '3.2': 18.4, '3.3': 20.25, '3.4': 9.8, '3.5': 8.55,
    },
    areas: statedAreas({ 1: 67, 2: 53, 3: 65, 4: 65, 5: 68, 6: 65, 7: 65, 8: 78 }),
    source: { kind: 'demo' },
  },
  ...PRINTED_ONLY.map(printedOnly),
];
