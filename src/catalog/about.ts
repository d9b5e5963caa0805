// Texts written by the kompass project (not taken from SKR's reports). Editable per framework version.
export const ABOUT_KOMMUNKOMPASSEN = [
  'Kommunkompassen är en metod för att utvärdera hur en kommun styr och leder sin verksamhet ur ett helhetsperspektiv. Den mäter inte verksamhetens resultat, utan arbetssätt: demokrati och öppenhet, politisk styrning, service till medborgare och brukare, effektivitet, kvalitetsarbete, kommunen som arbetsgivare, ledarskap och kommunens roll i samhällsutvecklingen.',
  'Utvärderarna hämtar underlag från tre källor: intervjuer med förtroendevalda, chefer, medarbetare och fackliga företrädare, kommunens styrdokument samt kommunens webbplats och sociala medier. Bara det som gäller i dag ger poäng; planer och avsikter gör det inte.',
  'Bedömningen görs inom åtta områden om vardera 100 poäng, totalt 800 poäng. Varje område består av delområden med egna maxpoäng. Resultatet redovisas som poäng, styrkor och förbättringsmöjligheter, och kan jämföras med kommunens tidigare utvärderingar och med genomsnittet för utvärderingar enligt samma version av metoden.',
].join('\n\n');
