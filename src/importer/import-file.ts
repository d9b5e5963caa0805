/**
 * Imports an uploaded file: extract its text (txt, docx, pdf), then parse it.
 * `importReportFile` never throws for bad files (the refusal is a preview problem); `importExtraction`
 * parses what `extractReport` produced (the server extracts in a worker thread, see src/workers).
 */
import { DomainError } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { extractReport, type Extraction } from './extract.ts';
import { hashBytes, importReportText, refused } from './import-report.ts';
import type { ImportResult } from './types.ts';

/** Parses an extracted report. */
export function importExtraction(extraction: Extraction, args: { fileName: string; frameworks: readonly FrameworkDef[]; sourceHash: string }): ImportResult {
  return importReportText(extraction.text, { fileName: args.fileName, frameworks: args.frameworks, sourceHash: args.sourceHash });
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
