/**
 * Concordance between the 2010 revision (kk2010) and the 2019/2020 revision (kk2020), written from the
 * area and subarea titles of the two versions (src/catalog/framework-2010.ts, framework-2020.ts).
 * A pair is listed only where the titles really correspond; `same` where the subject is the same,
 * `partial` where the content overlaps but was reshaped. The 2010 subareas without a counterpart
 * (e.g. 1.5 ethics, 2.5 user surveys, 4.2 the units' responsibility, 6.4 individual pay) are left out,
 * as are the many-to-one merges of 2020 (2.4 civil society, business and culture), which no single
 * 2010 subarea covers. Loaded into the database at start when absent; an administrator may edit it.
 */
import type { ConcordancePair } from '../domain/concordance.ts';

const area = (from: number, to: number, relation: ConcordancePair['relation'] = 'partial'): ConcordancePair => ({ level: 'area', from: String(from), to: String(to), relation });
const sub = (from: string, to: string, relation: ConcordancePair['relation'] = 'partial'): ConcordancePair => ({ level: 'subarea', from, to, relation });

export const CONCORDANCE_KK2010_KK2020 = {
  fromFrameworkId: 'kk2010',
  toFrameworkId: 'kk2020',
  notes:
    'Skriven utifrån områdes- och delområdestitlarna i 2010 och 2020 års versioner. Områdena motsvarar varandra delvis: 2020 års revision omformade innehållet, så jämförelser över versionerna är ungefärliga.',
  pairs: [
    // Offentlighet och demokrati → Samspel mellan förtroendevalda och medborgare
    area(1, 1),
    // Tillgänglighet och brukarorientering → Brukarens fokus
    area(2, 5),
    // Politisk styrning och kontroll → Styrning och kontroll
    area(3, 3),
    // Ledarskap, ansvar och delegation → Chefs- och ledarskap samt medarbetarskap
    area(4, 8),
    // Resultat och effektivitet → Effektivitet
    area(5, 4),
    // Kommunen som arbetsgivare – personalpolitik → Arbetsliv
    area(6, 7),
    // Verksamhetsutveckling → Kvalitetsutveckling
    area(7, 6),
    // Kommunen som samhällsbyggare → Samhällsutveckling
    area(8, 2),

    sub('1.1', '1.1', 'same'), // Strategi för demokratiutveckling och information
    sub('1.2', '1.2', 'same'), // Information till medborgare → Kommunens information till medborgarna
    sub('1.3', '1.4'), // Information om resultat → Transparens kring resultat
    sub('1.4', '1.3'), // Dialog och medborgarmedverkan → Medborgarnas möjlighet till dialog med politiken
    sub('2.1', '5.1'), // Strategi för brukarorientering → Strategi för brukarens fokus
    sub('2.3', '5.4'), // Information om service och tjänster → Information kring kommunens serviceutbud
    sub('2.4', '5.5'), // Valfrihet, brukarens påverkan → Möjlighet att påverka utformningen av de egna tjänsterna
    sub('3.1', '3.1'), // System för styrning och uppföljning → Strategi för styrning
    sub('3.2', '3.2'), // Politiska mål → Politisk styrning
    sub('3.3', '3.3'), // Rapportering och politisk tillsyn → Uppföljning och analys
    sub('3.5', '3.4', 'same'), // Samspel och förståelse mellan politiker och tjänstemän → Samspel mellan rollerna
    sub('4.1', '8.1'), // Strategi för ledarskap, ansvar och delegation → Strategi för chefs- och ledarskap
    sub('4.4', '8.3'), // Personligt ansvar och uppdrag för chefer → Chefers uppdrag
    sub('4.5', '8.4'), // Kommunledningens kommunikation → Intern kommunikation
    sub('4.6', '8.5'), // Ledarutveckling → Utveckling av ledarskap och medarbetarskap
    sub('5.1', '4.1'), // Strategi för resultatstyrning och effektivitetsutveckling → Strategi för effektivitet
    sub('5.5', '4.2'), // Jämförelser → Jämförelser för effektivitet
    sub('5.6', '4.4'), // Extern samverkan → Samverkan för effektivitet
    sub('6.1', '7.1'), // Personalstrategi → Strategier för ett hållbart arbetsliv
    sub('6.2', '7.2'), // Rekrytering → Strategisk kompetensförsörjning
    sub('6.5', '7.3'), // Arbetsmiljöarbete → Arbetsmiljö och sjukfrånvaro
    sub('6.6', '7.4'), // Mångfald → Jämställdhet och mångfald
    sub('7.1', '6.1'), // Strategiskt kvalitetsarbete → Strategi för kvalitetsutveckling
    sub('7.3', '6.4'), // Lärande genom omvärldsspaning och samverkan → Samverkan för kvalitetsutveckling
    sub('7.5', '4.3'), // IT-stöd för att effektivisera → Nya arbetssätt och ny teknik som ökar effektivitet
    sub('8.1', '2.1'), // Strategier för samhällsbyggande → Strategiskt arbete (strategi för hållbar utveckling)
  ],
} as const satisfies { fromFrameworkId: string; toFrameworkId: string; notes: string; pairs: readonly ConcordancePair[] };
