/**
 * Report import over HTTP: multipart upload of one .pdf, .docx or .txt file (field "file").
 * POST /api/imports/preview reads the report and returns the preview with every problem, saving nothing;
 * POST /api/imports saves it as a draft evaluation (409 with evaluationId when already imported); an optional
 * form field "corrections" (JSON list) carries the user's fixes from the preview, applied before saving.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { MAX_FILE_BYTES } from '../../importer/extract.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';
import { ImportCorrectionsSchema, ImportCreatedOut } from '../../contracts/imports.ts';
import type { ImportCorrection } from '../../importer/corrections.ts';

const tooLarge = (fileName: string): DomainError =>
  new DomainError('too_large', `Filen "${fileName}" är större än ${MAX_FILE_BYTES / 1024 / 1024} MB; så stora filer kan inte importeras. Inget har sparats.`);

interface Upload {
  bytes: Uint8Array;
  fileName: string;
  /** Corrections from the preview (form field "corrections", JSON), empty when none were sent. */
  corrections: ImportCorrection[];
}

function parseCorrections(raw: string | null): ImportCorrection[] {
  if (raw === null || raw.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DomainError('validation', 'Fältet "corrections" ska vara en JSON-lista med rättelser.');
  }
  const parsed = ImportCorrectionsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('validation', `Rättelserna är ogiltiga: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'okänt fel'}.`);
  }
  return parsed.data;
}

/**
 * Reads the one uploaded file and the optional "corrections" field (before or after the file);
 * a file over the limit is refused with 413 (never cut short).
 */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new DomainError('validation', 'Skicka rapporten som multipart/form-data med fältet "file".');
  let upload: { bytes: Uint8Array; fileName: string } | null = null;
  let correctionsRaw: string | null = null;
  const parts = req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 2 * 1024 * 1024 } });
  // A malformed multipart body (no boundary, cut short, too many parts) is the sender's mistake: 400, not 500.
  const next = async () => {
    try {
      return await parts.next();
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError('validation', 'Uppladdningen kunde inte läsas: skicka rapporten som multipart/form-data med fältet "file".');
    }
  };
  for (let r = await next(); !r.done; r = await next()) {
    const part = r.value;
    if (part.type === 'field') {
      if (part.fieldname === 'corrections' && typeof part.value === 'string') correctionsRaw = part.value;
      continue;
    }
    const fileName = part.filename || 'rapport';
    let buffer: Buffer;
    try {
      buffer = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) throw tooLarge(fileName);
      throw new DomainError('validation', `Filen "${fileName}" kunde inte tas emot helt. Försök igen.`);
    }
    if (part.file.truncated || buffer.length > MAX_FILE_BYTES) throw tooLarge(fileName);
    upload ??= { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), fileName };
  }
  if (!upload) throw new DomainError('validation', 'Ingen fil skickades. Bifoga rapporten i fältet "file".');
  return { ...upload, corrections: parseCorrections(correctionsRaw) };
}

export const importRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    const { imports } = services;

    app.post(
      '/api/imports/preview',
      {
        preHandler: requireRole('admin', 'evaluator'),
        schema: {
          tags: ['imports'],
          summary: 'Förhandsgranska en rapport (.pdf, .docx, .txt): vad som hittades och alla problem; inget sparas',
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => {
        const upload = await readUpload(req);
        return imports.previewImport({ bytes: upload.bytes, fileName: upload.fileName, viewer: req.viewer });
      },
    );

    app.post(
      '/api/imports',
      {
        preHandler: requireRole('admin', 'evaluator'),
        schema: {
          tags: ['imports'],
          summary: 'Importera en rapport som utkast (409 om rapporten redan är importerad)',
          consumes: ['multipart/form-data'],
          response: {
            201: ImportCreatedOut,
          },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        const out = await imports.importReport({ ...upload, viewer: req.viewer });
        return reply.status(201).send({
          evaluationId: out.evaluation.id,
          earlier: out.earlier.map((e) => ({ id: e.id, year: e.year })),
          earlierSkipped: out.earlierSkipped,
          registeredFrameworkId: out.registeredFrameworkId,
          problems: out.preview.problems,
        });
      },
    );
  };
