/** Imports an uploaded file: extract its text (txt, docx, pdf), then parse it. Never throws for bad files. */
import { DomainError } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { extractText } from './extract.ts';
import { hashBytes, importReportText, refused } from './import-report.ts';
import type { ImportResult } from './types.ts';

export async function importReportFile(args: { bytes: Uint8Array; fileName: string; frameworks: readonly FrameworkDef[] }): Promise<ImportResult> {
  const { bytes, fileName, frameworks } = args;
  const sourceHash = hashBytes(bytes);
  let text: string;
  try {
    text = (await extractText(bytes, fileName)).text;
  } catch (err) {
    const message = err instanceof DomainError ? err.message : `Filen "${fileName}" kunde inte läsas.`;
    return refused(fileName, sourceHash, `${message} Inget har sparats.`);
  }
  return importReportText(text, { fileName, frameworks, sourceHash });
}
