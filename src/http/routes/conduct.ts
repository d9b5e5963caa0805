/**
 * Conducting an evaluation: question banks, the municipality's questionnaire, uploaded files, the
 * evidence register and the interview plan. Handlers validate, call one service, shape the reply;
 * the services decide access (src/policies/questionnaire|evidence|interview.policy.ts).
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { MAX_EVIDENCE_FILE_BYTES } from '../../domain/evidence.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';
import { contentDisposition } from './reports.ts';
import {
  BankParams,
  BankSubareaParams,
  DocumentParams,
  EvaluationParams,
  EvidenceBody,
  EvidenceDeleteQuery,
  EvidenceUpdateBody,
  EvidenceItemOut,
  EvidenceListOut,
  EvidenceQuery,
  FileOut,
  FileParams,
  InterviewPlanOut,
  ItemParams,
  QuestionBankOut,
  QuestionBankSubareaBody,
  QuestionnaireBody,
  QuestionnaireListOut,
  QuestionnaireOut,
  SessionBody,
  SessionParams,
} from '../../contracts/conduct.ts';

const tooLarge = (): DomainError => new DomainError('too_large', `Filen är större än ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB. Inget har sparats.`);

/** One file (field "file") and its purpose (field "purpose": questionnaire or evidence). A file over the limit is refused, never cut short. */
async function readUpload(req: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string; purpose: 'questionnaire' | 'evidence' }> {
  if (!req.isMultipart()) throw new DomainError('validation', 'Skicka filen som multipart/form-data med fälten "purpose" och "file".');
  let purpose: string | null = null;
  let upload: { bytes: Uint8Array; fileName: string } | null = null;
  const parts = req.parts({ limits: { fileSize: MAX_EVIDENCE_FILE_BYTES, files: 1, fields: 3, fieldSize: 1024 } });
  const next = async () => {
    try {
      return await parts.next();
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw new DomainError('validation', 'Uppladdningen kunde inte läsas: skicka filen som multipart/form-data med fälten "purpose" och "file".');
    }
  };
  for (let r = await next(); !r.done; r = await next()) {
    const part = r.value;
    if (part.type === 'field') {
      if (part.fieldname === 'purpose' && typeof part.value === 'string') purpose = part.value;
      continue;
    }
    let buffer: Buffer;
    try {
      buffer = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) throw tooLarge();
      throw new DomainError('validation', 'Filen kunde inte tas emot helt. Försök igen.');
    }
    if (part.file.truncated || buffer.length > MAX_EVIDENCE_FILE_BYTES) throw tooLarge();
    upload ??= { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), fileName: part.filename || 'fil' };
  }
  if (purpose !== 'questionnaire' && purpose !== 'evidence') throw new DomainError('validation', 'Fältet "purpose" ska vara "questionnaire" (bilaga till frågeunderlaget) eller "evidence" (underlag).');
  if (!upload) throw new DomainError('validation', 'Ingen fil skickades. Bifoga filen i fältet "file".');
  return { ...upload, purpose };
}

const sendDocument = (reply: FastifyReply, file: { body: Buffer; contentType: string; fileName: string }): FastifyReply =>
  reply
    .type(file.contentType)
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', contentDisposition('attachment', file.fileName))
    .header('Content-Length', String(file.body.length))
    .send(file.body);

const SIGNED_IN = requireRole('admin', 'evaluator', 'municipality');
const tags = ['conduct'];

export const conductRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_FILE_BYTES, files: 1, fields: 3 } });
    const { questionnaires: q, evidence: ev, interviews: iv } = services;

    // ---------- question banks ----------
    app.get('/api/frameworks/:id/questions', { schema: { tags, summary: 'Frågebanken (frågeunderlaget) för en ramverksversion, per delområde', params: BankParams, response: { 200: QuestionBankOut } } }, async (req) =>
      q.getQuestionBank({ frameworkId: req.params.id, viewer: req.viewer }),
    );
    app.put(
      '/api/frameworks/:id/questions/:subareaId',
      { preHandler: requireRole('admin'), bodyLimit: 256 * 1024, schema: { tags, summary: 'Ersätt frågorna för ett delområde (administratör)', params: BankSubareaParams, body: QuestionBankSubareaBody, response: { 200: QuestionBankOut } } },
      async (req) => q.updateQuestionBank({ frameworkId: req.params.id, subareaId: req.params.subareaId, questions: req.body.questions, viewer: req.viewer }),
    );

    // ---------- questionnaire ----------
    app.get('/api/questionnaires', { schema: { tags, summary: 'Frågeunderlag som rör mig: kommunens egna, mina tilldelade utvärderingars', response: { 200: QuestionnaireListOut } } }, async (req) =>
      q.listQuestionnaires({ viewer: req.viewer }),
    );
    app.get('/api/evaluations/:id/questionnaire', { schema: { tags, summary: 'Utvärderingens frågeunderlag med kommunens svar', params: EvaluationParams, response: { 200: QuestionnaireOut } } }, async (req) =>
      q.getQuestionnaire({ id: req.params.id, viewer: req.viewer }),
    );
    app.put(
      '/api/evaluations/:id/questionnaire',
      { preHandler: SIGNED_IN, bodyLimit: 2 * 1024 * 1024, schema: { tags, summary: 'Spara svaren (halvvägs) eller lämna in frågeunderlaget (kommunen)', params: EvaluationParams, body: QuestionnaireBody, response: { 200: QuestionnaireOut } } },
      async (req) => q.saveQuestionnaire({ id: req.params.id, expectedVersion: req.body.expectedVersion, answers: req.body.answers, submit: req.body.submit, viewer: req.viewer }),
    );
    app.post(
      '/api/evaluations/:id/questionnaire/reopen',
      { preHandler: requireRole('admin', 'evaluator'), schema: { tags, summary: 'Öppna ett inlämnat frågeunderlag igen (huvudutvärderaren)', params: EvaluationParams, response: { 200: QuestionnaireOut } } },
      async (req) => q.reopenQuestionnaire({ id: req.params.id, viewer: req.viewer }),
    );
    app.get('/api/evaluations/:id/questionnaire/export.:format', { schema: { tags, summary: 'Frågeunderlaget med svar som PDF eller DOCX', params: DocumentParams } }, async (req, reply) =>
      sendDocument(reply, await q.getQuestionnaireDocument({ id: req.params.id, format: req.params.format, viewer: req.viewer })),
    );

    // ---------- files ----------
    app.post(
      '/api/evaluations/:id/files',
      { preHandler: SIGNED_IN, schema: { tags, summary: 'Ladda upp en fil (PDF, DOCX, XLSX, PNG, JPEG, text; högst 20 MB) till frågeunderlaget eller underlaget', params: EvaluationParams, consumes: ['multipart/form-data'], response: { 201: FileOut } } },
      async (req, reply) => {
        const upload = await readUpload(req);
        return reply.status(201).send(await ev.uploadFile({ id: req.params.id, ...upload, viewer: req.viewer }));
      },
    );
    app.get('/api/evaluations/:id/files/:fileId', { schema: { tags, summary: 'Hämta en uppladdad fil (som bilaga, aldrig visad i webbläsaren)', params: FileParams } }, async (req, reply) => {
      const file = await ev.downloadFile({ id: req.params.id, fileId: req.params.fileId, viewer: req.viewer });
      return sendDocument(reply, { body: file.body, contentType: file.mediaType, fileName: file.fileName });
    });

    // ---------- evidence register ----------
    app.get('/api/evaluations/:id/evidence', { schema: { tags, summary: 'Underlaget: styrdokument, iakttagelser på webb och sociala medier, intervjuanteckningar (filtrerbart per delområde)', params: EvaluationParams, querystring: EvidenceQuery, response: { 200: EvidenceListOut } } }, async (req) =>
      ev.listEvidence({ id: req.params.id, subareaId: req.query.subarea, viewer: req.viewer }),
    );
    app.post(
      '/api/evaluations/:id/evidence',
      { preHandler: requireRole('admin', 'evaluator'), bodyLimit: 256 * 1024, schema: { tags, summary: 'Lägg till underlag kopplat till delområden', params: EvaluationParams, body: EvidenceBody, response: { 201: EvidenceItemOut } } },
      async (req, reply) => reply.status(201).send(await ev.createEvidence({ id: req.params.id, input: req.body, viewer: req.viewer })),
    );
    app.put(
      '/api/evaluations/:id/evidence/:itemId',
      { preHandler: requireRole('admin', 'evaluator'), bodyLimit: 256 * 1024, schema: { tags, summary: 'Ändra underlag (409 om någon annan har ändrat det sedan expectedVersion)', params: ItemParams, body: EvidenceUpdateBody, response: { 200: EvidenceItemOut } } },
      async (req) => {
        const { expectedVersion, ...input } = req.body;
        return ev.updateEvidence({ id: req.params.id, itemId: req.params.itemId, expectedVersion, input, viewer: req.viewer });
      },
    );
    app.delete('/api/evaluations/:id/evidence/:itemId', { preHandler: requireRole('admin', 'evaluator'), schema: { tags, summary: 'Ta bort underlag (och dess fil, om inget annat underlag använder den)', params: ItemParams, querystring: EvidenceDeleteQuery } }, async (req, reply) => {
      await ev.deleteEvidence({ id: req.params.id, itemId: req.params.itemId, expectedVersion: req.query.expectedVersion, viewer: req.viewer });
      return reply.status(204).send();
    });

    // ---------- interview plan ----------
    app.get('/api/evaluations/:id/interviews', { schema: { tags, summary: 'Intervjuplanen: dagar, pass, antal intervjuade (anteckningar bara för utvärderarna)', params: EvaluationParams, response: { 200: InterviewPlanOut } } }, async (req) =>
      iv.getInterviewPlan({ id: req.params.id, viewer: req.viewer }),
    );
    app.post(
      '/api/evaluations/:id/interviews',
      { preHandler: requireRole('admin', 'evaluator'), schema: { tags, summary: 'Lägg till ett intervjupass (antalet intervjuade förs in i utvärderingens fakta)', params: EvaluationParams, body: SessionBody, response: { 201: InterviewPlanOut } } },
      async (req, reply) => reply.status(201).send(await iv.createSession({ id: req.params.id, input: req.body, viewer: req.viewer })),
    );
    app.put(
      '/api/evaluations/:id/interviews/:sessionId',
      { preHandler: requireRole('admin', 'evaluator'), schema: { tags, summary: 'Ändra ett intervjupass', params: SessionParams, body: SessionBody, response: { 200: InterviewPlanOut } } },
      async (req) => iv.updateSession({ id: req.params.id, sessionId: req.params.sessionId, input: req.body, viewer: req.viewer }),
    );
    app.delete('/api/evaluations/:id/interviews/:sessionId', { preHandler: requireRole('admin', 'evaluator'), schema: { tags, summary: 'Ta bort ett intervjupass', params: SessionParams, response: { 200: InterviewPlanOut } } }, async (req) =>
      iv.deleteSession({ id: req.params.id, sessionId: req.params.sessionId, viewer: req.viewer }),
    );
    app.get('/api/evaluations/:id/interviews/schedule.:format', { schema: { tags, summary: 'Intervjuschemat för kommunen som PDF eller DOCX', params: DocumentParams } }, async (req, reply) =>
      sendDocument(reply, await iv.getSchedule({ id: req.params.id, format: req.params.format, viewer: req.viewer })),
    );
  };
