/**
 * Unofficial translations of the framework versions' area and subarea titles, as data per version.
 * Keyed by framework id and language; a title without a translation is shown in Swedish and marked
 * `lang="sv"`. Used by the web app (English interface). Variants derived from an import have titles of
 * their own and so no translation: they stay Swedish.
 */
export type TitleLang = 'en';

export interface TitleTable {
  /** Shown beside translated titles: these are not SKR's own wording. */
  note: string;
  areas: Readonly<Record<number, string>>;
  subareas: Readonly<Record<string, string>>;
}

const KK2020_EN: TitleTable = {
  note: 'Area and subarea titles: unofficial English translation of the 2020 revision.',
  areas: {
    1: 'Interplay between elected representatives and citizens',
    2: 'Community development',
    3: 'Steering and control',
    4: 'Efficiency',
    5: 'Focus on the service user',
    6: 'Quality development',
    7: 'Working life',
    8: 'Management, leadership and employeeship',
  },
  subareas: {
    '1.1': 'Strategy for developing democracy and information',
    '1.2': "The municipality's information to citizens",
    '1.3': "Citizens' opportunities for dialogue with politicians",
    '1.4': 'Transparency about results',
    '1.5': 'Conditions for political work',
    '2.1': 'Strategic work',
    '2.2': 'Social sustainability',
    '2.3': 'Ecological sustainability',
    '2.4': 'Civil society, business and culture',
    '3.1': 'Strategy for steering',
    '3.2': 'Political steering',
    '3.3': 'Follow-up and analysis',
    '3.4': 'Interplay between the roles of elected representative and official',
    '4.1': 'Strategy for efficiency',
    '4.2': 'Comparisons for efficiency',
    '4.3': 'New ways of working and new technology that increase efficiency',
    '4.4': 'Collaboration for efficiency',
    '5.1': 'Strategy for focus on the service user',
    '5.2': 'Focus on service',
    '5.3': 'Simpler contacts with the municipality',
    '5.4': "Information about the municipality's services",
    '5.5': 'Opportunity to influence the design of one’s own services',
    '6.1': 'Strategy for quality development',
    '6.2': 'Central development efforts for better quality',
    '6.3': 'Improvement work',
    '6.4': 'Collaboration for quality development',
    '7.1': 'Strategies for a sustainable working life',
    '7.2': 'Strategic skills supply',
    '7.3': 'Work environment and sickness absence',
    '7.4': 'Gender equality and diversity',
    '8.1': 'Strategy for management, leadership and employeeship',
    '8.2': 'Top managers as role models',
    '8.3': "Managers' assignments",
    '8.4': 'Internal communication',
    '8.5': 'Development of leadership and employeeship',
  },
};

const KK2010_EN: TitleTable = {
  note: 'Area and subarea titles: unofficial English translation of the 2010 revision.',
  areas: {
    1: 'Openness and democracy',
    2: 'Accessibility and user orientation',
    3: 'Political steering and control',
    4: 'Leadership, responsibility and delegation',
    5: 'Results and efficiency',
    6: 'The municipality as employer – personnel policy',
    7: 'Organisational development',
    8: 'The municipality as community builder',
  },
  subareas: {
    '1.1': 'Is there a plan or strategy for developing democracy and information?',
    '1.2': 'How are citizens informed?',
    '1.3': 'How are citizens informed about results?',
    '1.4': 'How are citizen dialogue and participation promoted?',
    '1.5': 'Ethics – how is corruption dealt with?',
    '2.1': 'Is there a municipality-wide strategy for user orientation?',
    '2.2': 'How does the municipality work with accessibility and treatment of people?',
    '2.3': 'How does the municipality inform about its services?',
    '2.4': "How does the municipality work with freedom of choice and users' influence on its services?",
    '2.5': 'How does the municipality work with user surveys?',
    '2.6': 'How does the municipality work with service and quality declarations, and with suggestions and complaints from citizens and users?',
    '3.1': 'Is the whole organisation permeated by a holistic view of steering and follow-up?',
    '3.2': 'Is the municipality steered by clear political goals?',
    '3.3': 'How does the administration report to the political level, and how can politicians oversee the administration?',
    '3.4': 'How are delegation and responsibilities divided between the political level and officials?',
    '3.5': 'How is mutual understanding of tasks, roles and rules between politicians and officials promoted?',
    '4.1': 'Is there a municipality-wide strategy for leadership, responsibility and delegation?',
    '4.2': 'What responsibility do the units have for budget, staff and organisation?',
    '4.3': 'How are the direction of and responsibility for cross-sector collaboration described?',
    '4.4': 'How is the personal assignment of every manager made clear?',
    '4.5': 'How does central management lead subordinate departments and units?',
    '4.6': "How is the municipality's leadership development carried out?",
    '5.1': 'Strategy for steering by results and improving efficiency',
    '5.2': 'How does the municipality make the link between costs and results clear in the budget process?',
    '5.3': 'How does the municipality develop work processes, follow-up and control?',
    '5.4': 'How are strategic discussions on resources and results held and communicated?',
    '5.5': 'How actively are comparisons used to develop services and efficiency?',
    '5.6': 'How does external collaboration strengthen services and increase efficiency?',
    '6.1': 'Is there a municipality-wide personnel strategy?',
    '6.2': 'How are existing staff made use of and new staff recruited? The municipality as an attractive employer',
    '6.3': 'How much weight is given to skills and staff development?',
    '6.4': 'How are individual pay and rewards for good performance set?',
    '6.5': "How is the municipality's work environment work carried out?",
    '6.6': 'How does the municipality work with diversity (ethnicity, culture and gender)?',
    '7.1': 'How are overall strategic quality work and service development described?',
    '7.2': 'What methods and tools are there for quality and organisational development?',
    '7.3': 'How do learning and development happen through external scanning and collaboration?',
    '7.4': 'How does the municipality work with creativity and innovation?',
    '7.5': 'How does the municipality use IT to make internal work more efficient?',
    '8.1': 'Does the municipality have overall plans or strategies for community building?',
    '8.2': 'How does the municipality collaborate with civil society on developing the local community?',
    '8.3': 'How does the municipality collaborate with cultural life?',
    '8.4': "What is the municipality's role in developing the local economy?",
    '8.5': 'How does the municipality work with international contacts?',
    '8.6': 'How does the municipality work with sustainable development (environmental, economic, social)?',
  },
};

export const FRAMEWORK_TITLE_TRANSLATIONS: Readonly<Record<string, Partial<Record<TitleLang, TitleTable>>>> = {
  kk2020: { en: KK2020_EN },
  kk2010: { en: KK2010_EN },
};

/** The translation table of a framework version in a language, or null (then titles stay Swedish). */
export function titleTable(frameworkId: string, lang: string): TitleTable | null {
  if (lang !== 'en') return null;
  return FRAMEWORK_TITLE_TRANSLATIONS[frameworkId]?.[lang] ?? null;
}

/** A title in the language when translated, else as given, with the language it is in. */
export function localTitle(table: TitleTable | null, key: number | string, swedish: string): { text: string; lang: 'sv' | TitleLang } {
  const t = table ? (typeof key === 'number' ? table.areas[key] : table.subareas[key]) : undefined;
  return t ? { text: t, lang: 'en' } : { text: swedish, lang: 'sv' };
}
