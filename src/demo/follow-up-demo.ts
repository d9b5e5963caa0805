/**
 * Demo of the follow-up: an action plan for Göteborg with the city's customer-satisfaction index for
 * businesses (NKI in SKR's Insikt survey: 62 in 2009, 67 in 2015, 69 in 2016; 2017 targets 76 for
 * treatment and 72 for efficiency). The figures are published facts; the evaluation behind the plan,
 * its opportunities, actions and statuses are written by the project and labelled as demo.
 */
import type { EvaluationInput } from '../domain/evaluation.ts';
import type { ItemPatch } from '../domain/action-plan.ts';

const DEMO = 'Demo: utvärderingen är ett exempel i kompass demodata för att visa uppföljningen, inte en verklig utvärdering av Göteborg.';

export const GOTEBORG_DEMO_EVALUATION: EvaluationInput = {
  municipalityCode: '1480',
  frameworkId: 'kk2010',
  year: 2016,
  month: 10,
  status: 'review',
  summary: DEMO,
  evaluators: [{ name: 'Demo Utvärderare', organisation: 'kompass demodata', isLead: true }],
  areas: [
    { number: 2, summary: DEMO, improvements: ['Enklare kontakter för företag i tillståndsfrågor', 'Systematiska kundmätningar i alla förvaltningar som möter företag'] },
    { number: 5, summary: DEMO, improvements: ['Kortare handläggningstider och tydligare servicelöften'] },
    { number: 8, summary: DEMO, improvements: ['Ett samlat program för näringslivsklimatet'] },
  ],
  source: { kind: 'demo' },
};

/** What the demo plan's items say, in the order of the opportunities above. */
export const GOTEBORG_DEMO_ITEMS: ItemPatch[] = [
  { comment: 'Demo. En företagslots samordnar förvaltningarnas tillståndsfrågor.', status: 'done', priority: 'high', actions: [{ text: 'Inrätta en företagslots', responsible: 'Lotsfunktionen', unit: 'Business Region Göteborg', start: '2012-12-01', plannedDone: '2013-06-30', done: '2013-05-31' }] },
  { comment: 'Demo. Kundnöjdheten mäts kvartalsvis från 2016.', status: 'ongoing', priority: 'high', actions: [{ text: 'Mäta NKI kvartalsvis i fem tillståndsprocesser', responsible: 'Arbetsgruppen för företagsklimat', unit: 'Styrgruppen för företagsklimat', start: '2016-01-01', plannedDone: '2017-12-31', done: null }] },
  { comment: 'Demo. Återkoppling senast nästa arbetsdag; egna mål för ledtider per förvaltning.', status: 'ongoing', priority: 'medium', actions: [{ text: 'Serviceåtagande om återkoppling nästa arbetsdag', responsible: 'Förvaltningscheferna', unit: 'Berörda förvaltningar', start: '2017-01-01', plannedDone: '2017-06-30', done: null }, { text: 'Utbildning i bemötande', responsible: 'Konsument- och medborgarservice', unit: 'Konsument- och medborgarservice', start: '2017-03-01', plannedDone: '2017-09-30', done: null }] },
  { comment: 'Demo. Programmet tas fram tillsammans med näringslivet.', status: 'not_started', priority: 'medium', actions: [{ text: 'Ta fram ett näringslivsstrategiskt program', responsible: 'Business Region Göteborg', unit: 'Kommunstyrelsen', start: '2017-04-01', plannedDone: '2018-03-31', done: null }] },
];

export const GOTEBORG_NKI = {
  kpi: 'EGEN-NKI-FORETAG',
  name: 'Demo: NKI företagens nöjdhet med kommunens service (Insikt), totalt',
  unit: 'NKI',
  values: [
    { period: 2009, value: 62 },
    { period: 2015, value: 67 },
    { period: 2016, value: 69 },
  ],
  /** 2017 goals, each tied to the plan item it follows up (index in GOTEBORG_DEMO_ITEMS). */
  targets: [
    { label: 'Bemötande', period: 2017, value: 76, item: 2 },
    { label: 'Effektivitet', period: 2017, value: 72, item: 1 },
  ],
} as const;
