/**
 * Report import over HTTP: multipart upload of one .pdf, .docx or .txt file (field "file").
 * POST /api/imports/preview reads the report and returns the preview with every problem, saving nothing;
 * POST /api/imports saves it as a draft evaluation (409 with evaluationId when already imported).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { MAX_FILE_BYTES } from '../../importer/extract.ts';
import { createImportService } from '../../services/import.service.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';
import { ImportCreatedOut } from '../../contracts/imports.ts';

const tooLarge = (fileName: string): DomainError =>
  new DomainError('too_large', `Filen "${fileName}" är större än ${MAX_FILE_BYTES / 1024 / 1024} MB; så stora filer kan inte importeras. Inget har sparats.`);

/** Reads the one uploaded file; a file over the limit is refused with 413 (never cut short). */
async function readUpload(req: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string }> {
  if (!req.isMultipart()) throw new DomainError('validation', 'Skicka rapporten som multipart/form-data med fältet "file".');
  const file = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 }, throwFileSizeLimit: true });
  if (!file) throw new DomainError('validation', 'Ingen fil skickades. Bifoga rapporten i fältet "file".');
  const fileName = file.filename || 'rapport';
  let buffer: Buffer;
  try {
    buffer = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || file.file.truncated) throw tooLarge(fileName);
    throw new DomainError('validation', `Filen "${fileName}" kunde inte tas emot helt. Försök igen.`);
  }
  if (file.file.truncated || buffer.length > MAX_FILE_BYTES) throw tooLarge(fileName);
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), fileName };
}

export const importRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    const imports = createImportService({
      db: services.db,
      frameworks: services.frameworks,
      municipalities: services.municipalities,
      evaluations: services.evaluations,
      tasks: services.tasks,
    });

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
        return imports.previewImport({ ...upload, viewer: req.viewer });
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
