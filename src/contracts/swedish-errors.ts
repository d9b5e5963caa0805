/**
 * Zod's messages in Swedish, so problem details (`errors[]`) never carry the library's English.
 * Installed once for the process (and the web app in development) by importing `./common.ts`.
 * A schema's own message (e.g. `z.uuid('id ska vara ett UUID')`) still wins over these.
 */
import { z } from 'zod';
import { MISSING_MESSAGE } from '../domain/issue-facts.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  boolean: 'sant eller falskt (true/false)',
  object: 'ett objekt',
  array: 'en lista',
  null: 'null',
  undefined: 'inget värde',
  date: 'ett datum',
  function: 'en funktion',
  symbol: 'en symbol',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'en lista';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

const FORMATS: Record<string, string> = {
  uuid: 'ett UUID',
  guid: 'ett UUID',
  email: 'en e-postadress',
  url: 'en webbadress',
  date: 'ett datum ÅÅÅÅ-MM-DD',
  datetime: 'en tidpunkt (ISO 8601)',
  regex: 'rätt format',
};

const plural = (n: number | bigint, one: string, many: string): string => `${n} ${Number(n) === 1 ? one : many}`;

type Issue = z.core.$ZodRawIssue;

/** The Swedish message for one zod issue. */
export function swedishZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return MISSING_MESSAGE;
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return `Fel typ: ska vara ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
      return `Fel typ: ska vara ${TYPE_NAMES[issue.expected] ?? issue.expected}, inte ${received(issue.input)}.`;
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `För lång: högst ${plural(max, 'tecken', 'tecken')}${typeof issue.input === 'string' ? ` (texten har ${issue.input.length})` : ''}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `För många: högst ${plural(max, 'post', 'poster')}.`;
      if (issue.origin === 'file') return `Filen är för stor: högst ${max} byte.`;
      return issue.inclusive === false ? `För stort: ska vara mindre än ${max}.` : `För stort: högst ${max}.`;
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'Får inte vara tom.' : `För kort: minst ${plural(min, 'tecken', 'tecken')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `För få: minst ${plural(min, 'post', 'poster')}.`;
      return issue.inclusive === false ? `För litet: ska vara större än ${min}.` : `För litet: minst ${min}.`;
    }
    case 'invalid_format':
      return `Ogiltigt format: ska vara ${FORMATS[issue.format] ?? issue.format}.`;
    case 'not_multiple_of':
      return `Ska vara en multipel av ${issue.divisor}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? `Okänt fält: ${issue.keys[0]}.` : `Okända fält: ${issue.keys.join(', ')}.`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Ska vara ${JSON.stringify(issue.values[0])}.` : `Ska vara ett av: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      return 'Ogiltigt värde: passar inte någon av de tillåtna formerna.';
    case 'invalid_key':
      return 'Ogiltig nyckel.';
    case 'invalid_element':
      return 'Ogiltigt värde i listan.';
    default:
      return 'Ogiltigt värde.';
  }
}

let installed = false;

/** Makes every zod schema in this process answer in Swedish. Idempotent. */
export function useSwedishZodErrors(): void {
  if (installed) return;
  z.config({ localeError: (issue) => swedishZodMessage(issue) });
  installed = true;
}

