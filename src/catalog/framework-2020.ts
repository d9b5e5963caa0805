import type { FrameworkDef } from '../domain/framework.ts';
import { ABOUT_KOMMUNKOMPASSEN } from './about.ts';

/** The 2019/2020 revision. Titles and maxima as printed in the score tables of reports made with it. */
export const FRAMEWORK_2020: FrameworkDef = {
  id: 'kk2020',
  name: 'Kommunkompassen 2020',
  year: 2020,
  origin: 'catalog',
  needsReview: false,
  about: ABOUT_KOMMUNKOMPASSEN,
  notes: 'Revisionen 2019/2020. Områden, delområden och maxpoäng enligt poängtabellerna i rapporter gjorda med versionen.',
  areas: [
    {
      number: 1,
      title: 'Samspel mellan förtroendevalda och medborgare',
      aliases: ['Offentlighet och demokrati'],
      introduction: '',
      subareas: [
        { id: '1.1', title: 'Strategi för demokratiutveckling och information', max: 20 },
        { id: '1.2', title: 'Kommunens information till medborgarna', heading: 'Kommunens information till medborgare', max: 10 },
        { id: '1.3', title: 'Medborgarnas möjlighet till dialog med politiken', max: 30 },
        { id: '1.4', title: 'Transparens kring resultat', max: 10 },
        { id: '1.5', title: 'Förutsättningar för politiken', max: 30 },
      ],
    },
    {
      number: 2,
      title: 'Samhällsutveckling',
      introduction: '',
      subareas: [
        { id: '2.1', title: 'Strategiskt arbete', heading: 'Strategi för hållbar utveckling', max: 15 },
        { id: '2.2', title: 'Social hållbarhet', max: 30 },
        { id: '2.3', title: 'Ekologisk hållbarhet', max: 30 },
        { id: '2.4', title: 'Civilsamhälle, näringsliv och kultur', max: 25 },
      ],
    },
    {
      number: 3,
      title: 'Styrning och kontroll',
      introduction: '',
      subareas: [
        { id: '3.1', title: 'Strategi för styrning', max: 10 },
        { id: '3.2', title: 'Politisk styrning', max: 40 },
        { id: '3.3', title: 'Uppföljning och analys', max: 30 },
        { id: '3.4', title: 'Samspel mellan rollerna som förtroendevald respektive tjänsteperson', max: 20 },
      ],
    },
    {
      number: 4,
      title: 'Effektivitet',
      introduction: '',
      subareas: [
        { id: '4.1', title: 'Strategi för effektivitet', max: 20 },
        { id: '4.2', title: 'Jämförelser för effektivitet', max: 30 },
        { id: '4.3', title: 'Nya arbetssätt och ny teknik som ökar effektivitet', max: 30 },
        { id: '4.4', title: 'Samverkan för effektivitet', max: 20 },
      ],
    },
    {
      number: 5,
      title: 'Brukarens fokus',
      introduction: '',
      subareas: [
        { id: '5.1', title: 'Strategi för brukarens fokus', max: 20 },
        { id: '5.2', title: 'Fokus på service', max: 20 },
        { id: '5.3', title: 'Förenklade kontakter med kommunen', max: 20 },
        { id: '5.4', title: 'Information kring kommunens serviceutbud', max: 20 },
        { id: '5.5', title: 'Möjlighet att påverka utformningen av de egna tjänsterna', max: 20 },
      ],
    },
    {
      number: 6,
      title: 'Kvalitetsutveckling',
      introduction: '',
      subareas: [
        { id: '6.1', title: 'Strategi för kvalitetsutveckling', max: 20 },
        { id: '6.2', title: 'Centrala utvecklingsinsatser för bättre kvalitet', max: 20 },
        { id: '6.3', title: 'Förbättringsarbete', max: 30 },
        { id: '6.4', title: 'Samverkan för kvalitetsutveckling', max: 30 },
      ],
    },
    {
      number: 7,
      title: 'Arbetsliv',
      introduction: '',
      subareas: [
        { id: '7.1', title: 'Strategier för ett hållbart arbetsliv', max: 15 },
        { id: '7.2', title: 'Strategisk kompetensförsörjning', max: 40 },
        { id: '7.3', title: 'Arbetsmiljö och sjukfrånvaro', max: 25 },
        { id: '7.4', title: 'Jämställdhet och mångfald', max: 20 },
      ],
    },
    {
      number: 8,
      title: 'Chefs- och ledarskap samt medarbetarskap',
      introduction: '',
      subareas: [
        { id: '8.1', title: 'Strategi för chefs- och ledarskap samt medarbetarskap', max: 20 },
        { id: '8.2', title: 'Högsta cheferna som förebilder', max: 20 },
        { id: '8.3', title: 'Chefers uppdrag', max: 20 },
        { id: '8.4', title: 'Intern kommunikation', max: 20 },
        { id: '8.5', title: 'Utveckling av ledarskap och medarbetarskap', max: 20 },
      ],
    },
  ],
};
