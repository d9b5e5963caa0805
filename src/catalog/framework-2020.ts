import type { FrameworkDef } from '../domain/framework.ts';
import { ABOUT_KOMMUNKOMPASSEN } from './about.ts';
import { catalogAreas } from './catalog-areas.ts';

/** The 2019/2020 revision. Titles and maxima as printed in the score tables of reports made with it. */
export const FRAMEWORK_2020: FrameworkDef = {
  id: 'kk2020',
  name: 'Kommunkompassen 2020',
  year: 2020,
  origin: 'catalog',
  needsReview: false,
  about: ABOUT_KOMMUNKOMPASSEN,
  notes: 'Revisionen 2019/2020. Områden, delområden och maxpoäng enligt poängtabellerna i rapporter gjorda med versionen.',
  areas: catalogAreas([
    // area 1
    {
      title: 'Samspel mellan förtroendevalda och medborgare',
      aliases: ['Offentlighet och demokrati'],
      subareas: [
        ['Strategi för demokratiutveckling och information', 20],
        ['Kommunens information till medborgarna', 10, 'Kommunens information till medborgare'],
        ['Medborgarnas möjlighet till dialog med politiken', 30],
        ['Transparens kring resultat', 10],
        ['Förutsättningar för politiken', 30],
      ],
    },
    // area 2
    {
      title: 'Samhällsutveckling',
      subareas: [
        ['Strategiskt arbete', 15, 'Strategi för hållbar utveckling'],
        ['Social hållbarhet', 30],
        ['Ekologisk hållbarhet', 30],
        ['Civilsamhälle, näringsliv och kultur', 25],
      ],
    },
    // area 3
    {
      title: 'Styrning och kontroll',
      subareas: [
        ['Strategi för styrning', 10],
        ['Politisk styrning', 40],
        ['Uppföljning och analys', 30],
        ['Samspel mellan rollerna som förtroendevald respektive tjänsteperson', 20],
      ],
    },
    // area 4
    {
      title: 'Effektivitet',
      subareas: [
        ['Strategi för effektivitet', 20],
        ['Jämförelser för effektivitet', 30],
        ['Nya arbetssätt och ny teknik som ökar effektivitet', 30],
        ['Samverkan för effektivitet', 20],
      ],
    },
    // area 5
    {
      title: 'Brukarens fokus',
      subareas: [
        ['Strategi för brukarens fokus', 20],
        ['Fokus på service', 20],
        ['Förenklade kontakter med kommunen', 20],
        ['Information kring kommunens serviceutbud', 20],
        ['Möjlighet att påverka utformningen av de egna tjänsterna', 20],
      ],
    },
    // area 6
    {
      title: 'Kvalitetsutveckling',
      subareas: [
        ['Strategi för kvalitetsutveckling', 20],
        ['Centrala utvecklingsinsatser för bättre kvalitet', 20],
        ['Förbättringsarbete', 30],
        ['Samverkan för kvalitetsutveckling', 30],
      ],
    },
    // area 7
    {
      title: 'Arbetsliv',
      subareas: [
        ['Strategier för ett hållbart arbetsliv', 15],
        ['Strategisk kompetensförsörjning', 40],
        ['Arbetsmiljö och sjukfrånvaro', 25],
        ['Jämställdhet och mångfald', 20],
      ],
    },
    // area 8
    {
      title: 'Chefs- och ledarskap samt medarbetarskap',
      subareas: [
        ['Strategi för chefs- och ledarskap samt medarbetarskap', 20],
        ['Högsta cheferna som förebilder', 20],
        ['Chefers uppdrag', 20],
        ['Intern kommunikation', 20],
        ['Utveckling av ledarskap och medarbetarskap', 20],
      ],
    },
  ]),
};
