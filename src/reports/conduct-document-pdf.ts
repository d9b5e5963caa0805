/** Questionnaire and interview-schedule documents → PDF/A-2b with Typst. */
import type { ConductDocument } from './conduct-document.ts';
import { compileTypstPdf } from './pdf.ts';
import { CONDUCT_TEMPLATE } from './typst/conduct-template.ts';

export function renderConductPdf(doc: ConductDocument): Buffer {
  return compileTypstPdf(CONDUCT_TEMPLATE, { 'data.json': Buffer.from(JSON.stringify(doc), 'utf8') }, doc.meta.date);
}
