import type { FrameworkDef } from '../domain/framework.ts';
import { ABOUT_KOMMUNKOMPASSEN } from './about.ts';

/**
 * The 2010 revision (used roughly 2010–2015). Titles are the questions printed in the score tables;
 * headings are the short names used in the area sections. Maxima are known for areas 1–3 only;
 * for areas 4–8 the sources do not give them, so they are null (unknown), never invented.
 */
export const FRAMEWORK_2010: FrameworkDef = {
  id: 'kk2010',
  name: 'Kommunkompassen 2010',
  year: 2010,
  origin: 'catalog',
  needsReview: false,
  about: ABOUT_KOMMUNKOMPASSEN,
  notes: 'Revisionen 2010. Maxpoäng för delområdena i område 4–8 är okända i källorna och markeras som okända.',
  areas: [
    {
      number: 1,
      title: 'Offentlighet och demokrati',
      introduction: '',
      subareas: [
        { id: '1.1', title: 'Finns en plan/strategi för demokratiutveckling och information?', heading: 'Strategi för demokratiutveckling och information', max: 15 },
        { id: '1.2', title: 'Hur informeras medborgarna?', heading: 'Information till medborgare', max: 20 },
        { id: '1.3', title: 'Hur informeras medborgarna om resultat?', heading: 'Information om resultat', max: 25 },
        { id: '1.4', title: 'Hur främjas medborgardialog och deltagande?', heading: 'Dialog och medborgarmedverkan', max: 30 },
        { id: '1.5', title: 'Etik - hur hantera korruption?', heading: 'Etik – motverkan av korruption', max: 10 },
      ],
    },
    {
      number: 2,
      title: 'Tillgänglighet och brukarorientering',
      introduction: '',
      subareas: [
        { id: '2.1', title: 'Finns det en kommunövergripande strategi för brukarorientering?', heading: 'Strategi för brukarorientering', max: 15 },
        { id: '2.2', title: 'Hur arbetar kommunen med tillgänglighet och bemötande?', heading: 'Tillgänglighet och bemötande', max: 25 },
        { id: '2.3', title: 'Hur informerar kommunen om service och tjänster?', heading: 'Information om service och tjänster', max: 15 },
        { id: '2.4', title: 'Hur arbetar kommunen med valfrihet och brukarens påverkan på serviceutbudet?', heading: 'Valfrihet', max: 15 },
        { id: '2.5', title: 'Hur arbetar kommunen med brukarundersökningar?', heading: 'Brukarundersökningar', max: 15 },
        { id: '2.6', title: 'Hur arbetar kommunen med system för service-/kvalitetsdeklarationer, samt synpunkts- och klagomålshantering för medborgare/brukare?', heading: 'Deklarationer och synpunkts-/klagomålshantering', max: 15 },
      ],
    },
    {
      number: 3,
      title: 'Politisk styrning och kontroll',
      introduction: '',
      subareas: [
        { id: '3.1', title: 'Genomsyras hela organisationen av ett helhetstänkande avseende styrning/uppföljning?', heading: 'System för styrning och uppföljning', max: 15 },
        { id: '3.2', title: 'Styrs kommunen av tydliga politiska mål?', heading: 'Politiska mål', max: 25 },
        { id: '3.3', title: 'Hur rapporterar förvaltningen till den politiska nivån och vilka möjligheter har politikerna att utöva tillsyn över förvaltningen?', heading: 'Uppföljning och rapportering', max: 25 },
        { id: '3.4', title: 'Hur är delegation och ansvarsfördelning mellan politisk och tjänstemannanivå?', heading: 'Ansvarsfördelning politiker/tjänstemän', max: 20 },
        { id: '3.5', title: 'Hur främjas den ömsesidiga förståelsen av uppgifter, roller och spelregler mellan politiker och tjänstemän?', heading: 'Samspel och dialog', max: 15 },
      ],
    },
    {
      number: 4,
      title: 'Ledarskap, ansvar och delegation',
      introduction: '',
      subareas: [
        { id: '4.1', title: 'Finns kommunövergripande strategi för ledarskap, ansvar och delegation?', heading: 'Strategi för ledarskap, ansvar och delegation', max: null },
        { id: '4.2', title: 'Vilket ansvar har resultatenheterna för budget, personal och organisation?', heading: 'Enheternas ansvar', max: null },
        { id: '4.3', title: 'Hur beskrivs inriktning och ansvar för tvärsektoriellt samarbete?', heading: 'Tvärsektoriellt samarbete', max: null },
        { id: '4.4', title: 'Hur tydliggörs det personliga uppdraget för alla chefer i organisationen?', heading: 'Personligt ansvar och uppdrag för chefer', max: null },
        { id: '4.5', title: 'Hur utövas den centrala ledningen över underställda avdelningar/enheter?', heading: 'Kommunledningens kommunikation', max: null },
        { id: '4.6', title: 'Hur bedrivs kommunens ledarutveckling?', heading: 'Ledarutveckling', max: null },
      ],
    },
    {
      number: 5,
      title: 'Resultat och effektivitet',
      introduction: '',
      subareas: [
        { id: '5.1', title: 'Strategi för resultatstyrning och effektivitetsutveckling', max: null },
        { id: '5.2', title: 'Hur tydliggör kommunen sambandet mellan kostnader och resultat i budgetprocessen?', heading: 'Kostnader och resultat i budgetprocessen', max: null },
        { id: '5.3', title: 'Hur arbetar kommunen med utveckling av arbetsprocesser, uppföljning och kontroll?', heading: 'Arbetsprocesser, uppföljning och kontroll', max: null },
        { id: '5.4', title: 'Hur kommuniceras och förs strategiska diskussioner kring resurser och resultat?', heading: 'Kommunikation kring resurser och resultat', max: null },
        { id: '5.5', title: 'Hur aktivt används jämförelser som ett led i serviceutveckling och effektivisering?', heading: 'Jämförelser', max: null },
        { id: '5.6', title: 'Hur sker extern samverkan för att stärka serviceutbudet och öka effektivitet?', heading: 'Extern samverkan', max: null },
      ],
    },
    {
      number: 6,
      title: 'Kommunen som arbetsgivare – personalpolitik',
      aliases: ['Kommunen som arbetsgivare personalpolitik'],
      introduction: '',
      subareas: [
        { id: '6.1', title: 'Finns en kommunövergripande personalstrategi?', heading: 'Personalstrategi', max: null },
        { id: '6.2', title: 'Hur tillvaratas befintliga och hur rekryteras nya medarbetare? Kommunen som attraktiv arbetsgivare', heading: 'Rekrytering', max: null },
        { id: '6.3', title: 'Hur stor vikt läggs vid kompetens- och medarbetarutveckling?', heading: 'Kompetens- och medarbetarutveckling', max: null },
        { id: '6.4', title: 'Hur sker individuell lönesättning och belöning av goda prestationer?', heading: 'Individuell lönesättning', max: null },
        { id: '6.5', title: 'Hur bedrivs kommunens arbetsmiljöarbete?', heading: 'Arbetsmiljöarbete', max: null },
        { id: '6.6', title: 'Hur arbetar kommunen med mångfald (etnicitet, kulturellt och kön)?', heading: 'Mångfald', max: null },
      ],
    },
    {
      number: 7,
      title: 'Verksamhetsutveckling',
      introduction: '',
      subareas: [
        { id: '7.1', title: 'Hur beskrivs övergripande strategiskt kvalitetsarbete och serviceutveckling?', heading: 'Strategiskt kvalitetsarbete', max: null },
        { id: '7.2', title: 'Vilka metoder och verktyg finns för kvalitets-/verksamhetsutveckling?', heading: 'Verktyg för kvalitets-/verksamhetsutveckling', max: null },
        { id: '7.3', title: 'Hur sker lärande och utveckling genom omvärldsspaning och samverkan?', heading: 'Lärande genom omvärldsspaning och samverkan', max: null },
        { id: '7.4', title: 'Hur arbetar kommunen med kreativitet och innovationer?', heading: 'Kreativitet och innovationer', max: null },
        { id: '7.5', title: 'Hur arbetar kommunen med IT-stöd för att effektivisera det interna arbetet?', heading: 'IT-stöd', max: null },
      ],
    },
    {
      number: 8,
      title: 'Kommunen som samhällsbyggare',
      aliases: ['Kommun som samhällsbyggare'],
      introduction: '',
      subareas: [
        { id: '8.1', title: 'Har kommunen övergripande planer/strategier för samhällsbyggande?', heading: 'Strategier för samhällsbyggande', max: null },
        { id: '8.2', title: 'Hur samverkar kommunen med aktörer inom civilsamhället kring utveckling av lokalsamhället?', heading: 'Samarbete med civilsamhället', max: null },
        { id: '8.3', title: 'Hur samverkar kommunen med kulturlivet?', heading: 'Samarbete med kulturlivet', max: null },
        { id: '8.4', title: 'Vilken är kommunens roll i utveckling av näringslivet?', heading: 'Stöd till näringslivet', max: null },
        { id: '8.5', title: 'Hur arbetar kommunen med internationella kontakter?', heading: 'Internationella kontakter', max: null },
        { id: '8.6', title: 'Hur arbetar kommunen med hållbar utveckling (miljö, ekonomiskt, socialt)?', heading: 'Hållbar utveckling', max: null },
      ],
    },
  ],
};
