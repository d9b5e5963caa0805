/**
 * The question banks (frågeunderlag) a framework version starts with, as data: per subarea the
 * questions the municipality answers before the evaluators' visit. Written for kompass from the
 * subarea titles; an administrator edits them afterwards (table `question_bank`). A version with
 * no bank here (the 2010 revision, variants from imports) starts from `defaultQuestions`.
 * Every question asks about the current state: the method gives points only for what is in place.
 */
import type { SubareaDef } from '../domain/framework.ts';

export interface BankQuestion {
  text: string;
  help?: string;
}

const DOCUMENTS: BankQuestion = {
  text: 'Vilka beslutade styrdokument gäller för detta område i dag?',
  help: 'Ange titel, beslutande organ och datum, och bifoga dokumentet eller en länk.',
};

const KK2020: Record<string, BankQuestion[]> = {
  '1.1': [
    { text: 'Finns en beslutad strategi för demokratiutveckling och information till medborgarna? Hur omsätts den i arbetet?' },
    { text: 'Vem ansvarar för att strategin följs upp, och när följdes den senast upp?' },
  ],
  '1.2': [
    { text: 'Hur informerar kommunen medborgarna om beslut, verksamhet och möjligheter att påverka (webb, sociala medier, tryckt material)?' },
    { text: 'Hur säkerställs att informationen är tillgänglig för personer med funktionsnedsättning och för dem som inte talar svenska?' },
  ],
  '1.3': [
    { text: 'På vilka sätt kan medborgarna föra dialog med de förtroendevalda (medborgardialoger, förslag, frågestunder)?' },
    { text: 'Ge exempel från det senaste året där synpunkter från en dialog påverkade ett beslut.' },
  ],
  '1.4': [
    { text: 'Hur redovisar kommunen sina resultat för medborgarna, och jämförs de med andra kommuner?' },
    { text: 'Var publiceras resultaten, och hur ofta uppdateras de?' },
  ],
  '1.5': [
    { text: 'Vilka förutsättningar ges de förtroendevalda för sitt uppdrag (introduktion, utbildning, arvoden, stöd)?' },
    { text: 'Hur arbetar kommunen med etik och för att motverka korruption och otillbörlig påverkan på förtroendevalda?' },
  ],
  '2.1': [
    { text: 'Finns en övergripande strategi för hållbar samhällsutveckling, och hur är den kopplad till budget och mål?' },
    { text: 'Hur samordnas arbetet mellan förvaltningar och bolag?' },
  ],
  '2.2': [
    { text: 'Hur arbetar kommunen med social hållbarhet, till exempel trygghet, folkhälsa och integration?' },
    { text: 'Vilka mått följer kommunen för social hållbarhet, och vad visar de senaste resultaten?' },
  ],
  '2.3': [
    { text: 'Hur arbetar kommunen med ekologisk hållbarhet, till exempel klimat, energi och natur?' },
    { text: 'Vilka miljö- och klimatmål finns, och hur redovisas utfallet?' },
  ],
  '2.4': [
    { text: 'Hur samverkar kommunen med civilsamhället, näringslivet och kulturlivet?' },
    { text: 'Finns överenskommelser eller forum för samverkan, och hur ofta träffas de?' },
  ],
  '3.1': [
    { text: 'Beskriv kommunens styrmodell: hur hänger vision, mål, budget och uppföljning ihop?' },
    { text: 'Hur känner förtroendevalda och chefer till styrmodellen?' },
  ],
  '3.2': [
    { text: 'Hur formulerar fullmäktige och nämnderna sina mål, och hur mäts de?' },
    { text: 'Hur säkerställs att målen är få, tydliga och möjliga att följa upp?' },
  ],
  '3.3': [
    { text: 'Hur följs verksamhetens resultat och ekonomi upp under året, och hur rapporteras de till nämnder och fullmäktige?' },
    { text: 'Hur analyseras resultaten, och hur leder analysen till beslut om åtgärder?' },
  ],
  '3.4': [
    { text: 'Hur tydliggörs rollfördelningen mellan förtroendevalda och tjänstepersoner (delegationsordning, reglementen, utbildning)?' },
    { text: 'Hur förs dialogen mellan politisk ledning och förvaltningsledning?' },
  ],
  '4.1': [
    { text: 'Finns en strategi för effektivitet och produktivitet, och hur styr den verksamheternas arbete?' },
    { text: 'Hur definierar kommunen effektivitet i sina verksamheter?' },
  ],
  '4.2': [
    { text: 'Hur använder kommunen jämförelser av kostnader och resultat (till exempel Kolada, KKiK) för att förbättra verksamheten?' },
    { text: 'Ge exempel på en förändring som gjorts efter en jämförelse.' },
  ],
  '4.3': [
    { text: 'Vilka nya arbetssätt och vilken ny teknik har införts för att öka effektiviteten (digitalisering, automatisering)?' },
    { text: 'Hur följs nyttan av sådana förändringar upp?' },
  ],
  '4.4': [
    { text: 'Med vilka andra kommuner, regioner eller organisationer samverkar kommunen för att bli effektivare?' },
    { text: 'Hur utvärderas samverkan?' },
  ],
  '5.1': [
    { text: 'Finns en strategi för service och bemötande av brukare och medborgare? Hur omsätts den i verksamheterna?' },
    { text: 'Vem ansvarar för strategin, och hur följs den upp?' },
  ],
  '5.2': [
    { text: 'Hur arbetar kommunen med servicegarantier eller åtaganden, och hur följs de upp?' },
    { text: 'Hur tas synpunkter och klagomål om servicen om hand?' },
  ],
  '5.3': [
    { text: 'Hur har kommunen förenklat kontakterna för medborgare och företag (kontaktcenter, e-tjänster, öppettider)?' },
    { text: 'Hur mäts tillgängligheten per telefon och e-post, och vad visar mätningarna?' },
  ],
  '5.4': [
    { text: 'Hur informerar kommunen om sitt serviceutbud och om vad brukarna kan förvänta sig?' },
    { text: 'Hur kan brukarna jämföra utförare eller enheter?' },
  ],
  '5.5': [
    { text: 'Hur kan brukarna påverka utformningen av de tjänster de själva får (brukarråd, undersökningar, valfrihet)?' },
    { text: 'Ge exempel på en tjänst som ändrats efter brukarnas synpunkter.' },
  ],
  '6.1': [
    { text: 'Finns en strategi för kvalitetsutveckling som gäller hela kommunen?' },
    { text: 'Hur stöds verksamheterna i att arbeta systematiskt med kvalitet?' },
  ],
  '6.2': [
    { text: 'Vilka centrala utvecklingsinsatser pågår för bättre kvalitet, och hur har de valts ut?' },
    { text: 'Hur följs insatsernas effekter upp?' },
  ],
  '6.3': [
    { text: 'Hur fångas och genomförs förbättringsförslag från medarbetare?' },
    { text: 'Hur sprids goda exempel mellan verksamheterna?' },
  ],
  '6.4': [
    { text: 'Hur samverkar kommunen med andra för att lära och utveckla kvaliteten (nätverk, jämförelser, omvärldsbevakning)?' },
    { text: 'Ge exempel på något kommunen har infört efter att ha lärt av andra.' },
  ],
  '7.1': [
    { text: 'Finns en strategi för ett hållbart arbetsliv och en attraktiv arbetsgivare? Hur följs den upp?' },
    { text: 'Hur arbetar kommunen med heltid, arbetstider och arbetsvillkor?' },
  ],
  '7.2': [
    { text: 'Hur planerar kommunen sin kompetensförsörjning på kort och lång sikt?' },
    { text: 'Hur arbetar kommunen med rekrytering, introduktion och att behålla medarbetare?' },
  ],
  '7.3': [
    { text: 'Hur bedrivs det systematiska arbetsmiljöarbetet, och hur följs sjukfrånvaron upp?' },
    { text: 'Vilka åtgärder har vidtagits för att minska sjukfrånvaron, och med vilket resultat?' },
  ],
  '7.4': [
    { text: 'Hur arbetar kommunen med jämställdhet och mångfald som arbetsgivare (lönekartläggning, rekrytering)?' },
    { text: 'Vilka resultat visar de senaste kartläggningarna?' },
  ],
  '8.1': [
    { text: 'Finns en strategi eller policy för chefs- och ledarskap samt medarbetarskap?' },
    { text: 'Hur är den känd och använd i organisationen?' },
  ],
  '8.2': [
    { text: 'Hur agerar de högsta cheferna som förebilder, och hur följs deras ledarskap upp?' },
    { text: 'Hur möter kommunledningen medarbetarna i verksamheterna?' },
  ],
  '8.3': [
    { text: 'Hur tydliggörs varje chefs uppdrag, ansvar och befogenheter (uppdragsbeskrivningar, medarbetarsamtal)?' },
    { text: 'Hur många medarbetare har en chef i genomsnitt, och hur ser kommunen på det?' },
  ],
  '8.4': [
    { text: 'Hur sker den interna kommunikationen mellan ledning, chefer och medarbetare?' },
    { text: 'Hur vet kommunen att den interna kommunikationen fungerar?' },
  ],
  '8.5': [
    { text: 'Vilka program finns för att utveckla chefer och medarbetare (chefsutbildning, medarbetarundersökningar)?' },
    { text: 'Hur följs resultaten av medarbetarundersökningar upp och omsätts i åtgärder?' },
  ],
};

export const QUESTION_BANKS: Readonly<Record<string, Readonly<Record<string, BankQuestion[]>>>> = { kk2020: KK2020 };

/**
 * Questions for a subarea of a version without its own bank: the subarea itself asked about the
 * current state, its governing documents, and how the work is followed up.
 */
export function defaultQuestions(subarea: SubareaDef): BankQuestion[] {
  const topic = (subarea.heading ?? subarea.title).replace(/\?$/, '');
  const first = subarea.title.trim().endsWith('?')
    ? { text: `${subarea.title.trim()} Beskriv hur det ser ut i dag.` }
    : { text: `Hur arbetar kommunen i dag med ${topic.charAt(0).toLowerCase()}${topic.slice(1)}?` };
  return [first, DOCUMENTS, { text: 'Hur följs arbetet upp, och vilka resultat kan kommunen visa?' }];
}

/** The starting questions of one subarea in a version. */
export function startingQuestions(frameworkId: string, subarea: SubareaDef): BankQuestion[] {
  const own = QUESTION_BANKS[frameworkId]?.[subarea.id];
  return own ? [...own, DOCUMENTS] : defaultQuestions(subarea);
}
