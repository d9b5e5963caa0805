import type { FrameworkDef } from '../domain/framework.ts';
import { ABOUT_KOMMUNKOMPASSEN } from './about.ts';
import { catalogAreas } from './catalog-areas.ts';

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
  areas: catalogAreas([
    // area 1
    {
      title: 'Offentlighet och demokrati',
      subareas: [
        ['Finns en plan/strategi för demokratiutveckling och information?', 15, 'Strategi för demokratiutveckling och information'],
        ['Hur informeras medborgarna?', 20, 'Information till medborgare'],
        ['Hur informeras medborgarna om resultat?', 25, 'Information om resultat'],
        ['Hur främjas medborgardialog och deltagande?', 30, 'Dialog och medborgarmedverkan'],
        ['Etik - hur hantera korruption?', 10, 'Etik – motverkan av korruption'],
      ],
    },
    // area 2
    {
      title: 'Tillgänglighet och brukarorientering',
      subareas: [
        ['Finns det en kommunövergripande strategi för brukarorientering?', 15, 'Strategi för brukarorientering'],
        ['Hur arbetar kommunen med tillgänglighet och bemötande?', 25, 'Tillgänglighet och bemötande'],
        ['Hur informerar kommunen om service och tjänster?', 15, 'Information om service och tjänster'],
        ['Hur arbetar kommunen med valfrihet och brukarens påverkan på serviceutbudet?', 15, 'Valfrihet'],
        ['Hur arbetar kommunen med brukarundersökningar?', 15, 'Brukarundersökningar'],
        ['Hur arbetar kommunen med system för service-/kvalitetsdeklarationer, samt synpunkts- och klagomålshantering för medborgare/brukare?', 15, 'Deklarationer och synpunkts-/klagomålshantering'],
      ],
    },
    // area 3
    {
      title: 'Politisk styrning och kontroll',
      subareas: [
        ['Genomsyras hela organisationen av ett helhetstänkande avseende styrning/uppföljning?', 15, 'System för styrning och uppföljning'],
        ['Styrs kommunen av tydliga politiska mål?', 25, 'Politiska mål'],
        ['Hur rapporterar förvaltningen till den politiska nivån och vilka möjligheter har politikerna att utöva tillsyn över förvaltningen?', 25, 'Uppföljning och rapportering'],
        ['Hur är delegation och ansvarsfördelning mellan politisk och tjänstemannanivå?', 20, 'Ansvarsfördelning politiker/tjänstemän'],
        ['Hur främjas den ömsesidiga förståelsen av uppgifter, roller och spelregler mellan politiker och tjänstemän?', 15, 'Samspel och dialog'],
      ],
    },
    // area 4
    {
      title: 'Ledarskap, ansvar och delegation',
      subareas: [
        ['Finns kommunövergripande strategi för ledarskap, ansvar och delegation?', null, 'Strategi för ledarskap, ansvar och delegation'],
        ['Vilket ansvar har resultatenheterna för budget, personal och organisation?', null, 'Enheternas ansvar'],
        ['Hur beskrivs inriktning och ansvar för tvärsektoriellt samarbete?', null, 'Tvärsektoriellt samarbete'],
        ['Hur tydliggörs det personliga uppdraget för alla chefer i organisationen?', null, 'Personligt ansvar och uppdrag för chefer'],
        ['Hur utövas den centrala ledningen över underställda avdelningar/enheter?', null, 'Kommunledningens kommunikation'],
        ['Hur bedrivs kommunens ledarutveckling?', null, 'Ledarutveckling'],
      ],
    },
    // area 5
    {
      title: 'Resultat och effektivitet',
      subareas: [
        ['Strategi för resultatstyrning och effektivitetsutveckling', null],
        ['Hur tydliggör kommunen sambandet mellan kostnader och resultat i budgetprocessen?', null, 'Kostnader och resultat i budgetprocessen'],
        ['Hur arbetar kommunen med utveckling av arbetsprocesser, uppföljning och kontroll?', null, 'Arbetsprocesser, uppföljning och kontroll'],
        ['Hur kommuniceras och förs strategiska diskussioner kring resurser och resultat?', null, 'Kommunikation kring resurser och resultat'],
        ['Hur aktivt används jämförelser som ett led i serviceutveckling och effektivisering?', null, 'Jämförelser'],
        ['Hur sker extern samverkan för att stärka serviceutbudet och öka effektivitet?', null, 'Extern samverkan'],
      ],
    },
    // area 6
    {
      title: 'Kommunen som arbetsgivare – personalpolitik',
      aliases: ['Kommunen som arbetsgivare personalpolitik'],
      subareas: [
        ['Finns en kommunövergripande personalstrategi?', null, 'Personalstrategi'],
        ['Hur tillvaratas befintliga och hur rekryteras nya medarbetare? Kommunen som attraktiv arbetsgivare', null, 'Rekrytering'],
        ['Hur stor vikt läggs vid kompetens- och medarbetarutveckling?', null, 'Kompetens- och medarbetarutveckling'],
        ['Hur sker individuell lönesättning och belöning av goda prestationer?', null, 'Individuell lönesättning'],
        ['Hur bedrivs kommunens arbetsmiljöarbete?', null, 'Arbetsmiljöarbete'],
        ['Hur arbetar kommunen med mångfald (etnicitet, kulturellt och kön)?', null, 'Mångfald'],
      ],
    },
    // area 7
    {
      title: 'Verksamhetsutveckling',
      subareas: [
        ['Hur beskrivs övergripande strategiskt kvalitetsarbete och serviceutveckling?', null, 'Strategiskt kvalitetsarbete'],
        ['Vilka metoder och verktyg finns för kvalitets-/verksamhetsutveckling?', null, 'Verktyg för kvalitets-/verksamhetsutveckling'],
        ['Hur sker lärande och utveckling genom omvärldsspaning och samverkan?', null, 'Lärande genom omvärldsspaning och samverkan'],
        ['Hur arbetar kommunen med kreativitet och innovationer?', null, 'Kreativitet och innovationer'],
        ['Hur arbetar kommunen med IT-stöd för att effektivisera det interna arbetet?', null, 'IT-stöd'],
      ],
    },
    // area 8
    {
      title: 'Kommunen som samhällsbyggare',
      aliases: ['Kommun som samhällsbyggare'],
      subareas: [
        ['Har kommunen övergripande planer/strategier för samhällsbyggande?', null, 'Strategier för samhällsbyggande'],
        ['Hur samverkar kommunen med aktörer inom civilsamhället kring utveckling av lokalsamhället?', null, 'Samarbete med civilsamhället'],
        ['Hur samverkar kommunen med kulturlivet?', null, 'Samarbete med kulturlivet'],
        ['Vilken är kommunens roll i utveckling av näringslivet?', null, 'Stöd till näringslivet'],
        ['Hur arbetar kommunen med internationella kontakter?', null, 'Internationella kontakter'],
        ['Hur arbetar kommunen med hållbar utveckling (miljö, ekonomiskt, socialt)?', null, 'Hållbar utveckling'],
      ],
    },
  ]),
};
