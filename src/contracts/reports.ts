/** The evaluation report as a file (PDF or DOCX). */
import { z } from 'zod';
import { safeText } from './common.ts';

export const ReportParams = z.object({ id: z.uuid('id ska vara ett UUID'), format: safeText(16) });
export const ReportQuery = z.object({
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
  /** Headings, labels and framework titles in this language (sv, en or nb); the texts stay as written, in Swedish. */
  lang: z.enum(['sv', 'en', 'nb'], 'lang ska vara sv, en eller nb').default('sv'),
});
