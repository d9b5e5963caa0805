/**
 * Imports an uploaded file: extract its text (txt, docx, pdf), then parse it.
 * `importReportFile` never throws for bad files (the refusal is a preview problem); `importExtraction`
 * parses what `extractReport` produced (the server extracts in a worker thread, see src/workers).
 */
import { DomainError } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { extractReport, type Extraction } from './extract.ts';
import { hashBytes, importReportText, refused } from './import-report.ts';
import { layoutPdf } from './pdf-layout.ts';
import type { ImportResult } from './types.ts';

/** Page numbers as a short Swedish list: "3–5, 8". */
function pageList(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === (pages[j] ?? 0) + 1) j += 1;
    runs.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * Parses an extracted report. For a PDF the text is rebuilt from the positioned items (pages set in two
 * columns are read column by column, see pdf-layout.ts), and the preview says which pages were.
 */
export function importExtraction(extraction: Extraction, args: { fileName: string; frameworks: readonly FrameworkDef[]; sourceHash: string }): ImportResult {
  const laid = extraction.pages ? layoutPdf(extraction.pages) : null;
  const result = importReportText(laid?.text ?? extraction.text, { fileName: args.fileName, frameworks: args.frameworks, sourceHash: args.sourceHash });
  if (laid && laid.twoColumnPages.length > 0) {
    const n = laid.twoColumnPages.length;
    result.preview.problems.push({
      severity: 'info',
      code: 'two-columns',
      message: `${n === 1 ? 'Sidan' : 'Sidorna'} ${pageList(laid.twoColumnPages)} är satta i två spalter; texten har lästs spalt för spalt (vänster spalt först). Kontrollera att texterna hänger ihop.`,
    });
  }
  return result;
}

/** Extracts and parses in one go; an unreadable file becomes a refused result. Throws only for unexpected errors. */
export async function importReportFile(args: { bytes: Uint8Array; fileName: string; frameworks: readonly FrameworkDef[] }): Promise<ImportResult> {
  const { bytes, fileName, frameworks } = args;
  const sourceHash = hashBytes(bytes);
  let extraction: Extraction;
  try {
    extraction = await extractReport(bytes, fileName);
  } catch (err) {
    const message = err instanceof DomainError ? err.message : `Filen "${fileName}" kunde inte läsas.`;
    return refused(fileName, sourceHash, `${message} Inget har sparats.`);
  }
  return importExtraction(extraction, { fileName, frameworks, sourceHash });
}
