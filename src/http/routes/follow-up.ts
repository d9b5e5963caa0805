/**
 * Follow-up over HTTP: action plans (from an evaluation's improvement opportunities), their items,
 * history, exports, effect; report-backs and their documents; indicators with targets and values,
 * and file import (Kolada JSON or CSV). The services decide access (404 for what the viewer may not see).
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActionPlanOut,
  AddItemBody,
  AssociationsOut,
  AssociationsQuery,
  FollowUpOverviewOut,
  IndicatorImportOut,
  IndicatorListOut,
  IndicatorOut,
  PlanEffectOut,
  ReportBackListOut,
  ReportBackOut,
  EvaluationIdParams,
  ExportParams,
  IndicatorBody,
  IndicatorParams,
  IndicatorPatchBody,
  ItemParams,
  MunicipalityParams,
  OverviewQuery,
  PlanIdParams,
  PlanSettingsBody,
  ReportBackBody,
  ReportBackFileParams,
  ReportBackParams,
  ReportBackPatchBody,
  TargetBody,
  TargetParams,
  UpdateItemBody,
  ValueBody,
  VersionQuery,
} from '../../contracts/follow-up.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';
import { contentDisposition } from './reports.ts';

const MAX_INDICATOR_FILE = 10 * 1024 * 1024;
const signedIn = requireRole('admin', 'evaluator', 'municipality');
const owners = requireRole('municipality', 'admin');

async function readUpload(req: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string; municipality?: string }> {
  if (!req.isMultipart()) throw new DomainError('unsupported', 'Skicka filen som multipart/form-data i fältet "file".');
  let upload: { bytes: Uint8Array; fileName: string } | null = null;
  let municipality: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer().catch(() => undefined);
        continue;
      }
      try {
        upload = { bytes: new Uint8Array(await part.toBuffer()), fileName: part.filename || 'indikatorer' };
      } catch {
        throw new DomainError('validation', `Filen "${part.filename}" är för stor; högst 10 MB kan importeras.`);
      }
    } else if (part.fieldname === 'municipality' && typeof part.value === 'string' && part.value) municipality = part.value;
  }
  if (!upload) throw new DomainError('validation', 'Ingen fil skickades. Bifoga filen i fältet "file".');
  return { ...upload, ...(municipality ? { municipality } : {}) };
}

const sendFile = (reply: FastifyReply, file: { body: Buffer; contentType: string; fileName: string }): FastifyReply =>
  reply
    .type(file.contentType)
    .header('Cache-Control', 'private, no-store')
    .header('Content-Disposition', contentDisposition('attachment', file.fileName))
    .header('Content-Length', String(file.body.length))
    .send(file.body);

export const followUpRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_INDICATOR_FILE, files: 1, fields: 5 } });
    const plans = services.actionPlans;
    const rbs = services.reportBacks;
    const ind = services.indicators;
    const tags = ['follow-up'];

    // ---------- action plans ----------
    app.post(
      '/api/evaluations/:id/action-plan',
      { preHandler: owners, schema: { tags, summary: 'Skapa handlingsplanen från utvärderingens förbättringsmöjligheter (finns den redan returneras den)', params: EvaluationIdParams, response: { 200: ActionPlanOut, 201: ActionPlanOut } } },
      async (req, reply) => {
        const { plan, created } = await plans.createActionPlan({ evaluationId: req.params.id, viewer: req.viewer });
        return reply.status(created ? 201 : 200).send(plan);
      },
    );
    app.get('/api/evaluations/:id/action-plan', { schema: { tags, summary: 'Utvärderingens handlingsplan', params: EvaluationIdParams, response: { 200: ActionPlanOut } } }, async (req) =>
      plans.getActionPlanForEvaluation({ evaluationId: req.params.id, viewer: req.viewer }),
    );
    app.get('/api/action-plans/:id', { schema: { tags, summary: 'En handlingsplan', params: PlanIdParams, response: { 200: ActionPlanOut } } }, async (req) => plans.getActionPlan({ id: req.params.id, viewer: req.viewer }));
    app.patch(
      '/api/action-plans/:id',
      { preHandler: owners, schema: { tags, summary: 'Ändra rubrik, diarienummer, handläggare, uppföljningstakt eller publicering', params: PlanIdParams, body: PlanSettingsBody, response: { 200: ActionPlanOut } } },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return plans.updateActionPlan({ id: req.params.id, expectedVersion, patch, viewer: req.viewer });
      },
    );
    app.post(
      '/api/action-plans/:id/items',
      { preHandler: owners, schema: { tags, summary: 'Lägg till en egen åtgärdspunkt', params: PlanIdParams, body: AddItemBody, response: { 201: ActionPlanOut } } },
      async (req, reply) => reply.status(201).send(await plans.addItem({ id: req.params.id, expectedVersion: req.body.expectedVersion, item: req.body.item, viewer: req.viewer })),
    );
    app.patch(
      '/api/action-plans/:id/items/:itemId',
      { preHandler: owners, schema: { tags, summary: 'Ändra en åtgärdspunkt: kommentar, åtgärder, status, prioritet', params: ItemParams, body: UpdateItemBody, response: { 200: ActionPlanOut } } },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return plans.updateItem({ id: req.params.id, itemId: req.params.itemId, expectedVersion, patch, viewer: req.viewer });
      },
    );
    app.delete(
      '/api/action-plans/:id/items/:itemId',
      { preHandler: owners, schema: { tags, summary: 'Ta bort en egen åtgärdspunkt', params: ItemParams, querystring: VersionQuery, response: { 200: ActionPlanOut } } },
      async (req) => plans.deleteItem({ id: req.params.id, itemId: req.params.itemId, expectedVersion: req.query.expectedVersion, viewer: req.viewer }),
    );
    app.get('/api/action-plans/:id/history', { preHandler: signedIn, schema: { tags, summary: 'Handlingsplanens ändringshistorik', params: PlanIdParams } }, async (req) => ({
      items: await plans.listHistory({ id: req.params.id, viewer: req.viewer }),
    }));
    app.get('/api/action-plans/:id/export.:format', { schema: { tags, summary: 'Handlingsplanen som CSV eller XLSX', params: ExportParams } }, async (req, reply) =>
      sendFile(reply, await plans.exportActionPlan({ id: req.params.id, format: req.params.format, viewer: req.viewer })),
    );
    app.get('/api/action-plans/:id/effect', { schema: { tags, summary: 'Effekt: åtgärdspunkter per delområde och poängförändring till nästa jämförbara utvärdering', params: PlanIdParams, response: { 200: PlanEffectOut } } }, async (req) =>
      plans.getEffect({ id: req.params.id, viewer: req.viewer }),
    );
    app.get('/api/follow-up/overview', { preHandler: signedIn, schema: { tags, summary: 'Uppföljning: vad som är dags och försenat i kommunens handlingsplaner', querystring: OverviewQuery, response: { 200: FollowUpOverviewOut } } }, async (req) => ({
      items: await plans.followUpOverview({ viewer: req.viewer, municipalityCode: req.query.municipality }),
    }));
    app.get('/api/follow-up/associations', { schema: { tags, summary: 'Samband mellan genomförda åtgärder per delområde och poängförändring (alla kommuner med två jämförbara utvärderingar)', querystring: AssociationsQuery, response: { 200: AssociationsOut } } }, async (req) =>
      plans.getAssociations({ frameworkId: req.query.framework, viewer: req.viewer }),
    );

    // ---------- report-backs ----------
    app.post(
      '/api/action-plans/:id/report-backs',
      { preHandler: owners, schema: { tags, summary: 'Gör nästa återrapportering (sparas; nästa visar vad som ändrats sedan)', params: PlanIdParams, body: ReportBackBody, response: { 201: ReportBackOut } } },
      async (req, reply) => reply.status(201).send(await rbs.createReportBack({ planId: req.params.id, input: req.body ?? {}, viewer: req.viewer })),
    );
    app.get('/api/action-plans/:id/report-backs', { schema: { tags, summary: 'Planens återrapporteringar', params: PlanIdParams, response: { 200: ReportBackListOut } } }, async (req) => ({
      items: await rbs.listReportBacks({ planId: req.params.id, viewer: req.viewer }),
    }));
    app.get('/api/action-plans/:id/report-backs/:n', { schema: { tags, summary: 'En återrapportering', params: ReportBackParams, response: { 200: ReportBackOut } } }, async (req) =>
      rbs.getReportBack({ planId: req.params.id, number: req.params.n, viewer: req.viewer }),
    );
    app.patch(
      '/api/action-plans/:id/report-backs/:n',
      { preHandler: owners, schema: { tags, summary: 'Ändra återrapporteringens texter (förslag till beslut, sammanfattning, nästa steg)', params: ReportBackParams, body: ReportBackPatchBody, response: { 200: ReportBackOut } } },
      async (req) => rbs.updateReportBack({ planId: req.params.id, number: req.params.n, input: req.body, viewer: req.viewer }),
    );
    app.get('/api/action-plans/:id/report-backs/:n.:format', { schema: { tags, summary: 'Återrapporteringen som DOCX eller PDF', params: ReportBackFileParams } }, async (req, reply) =>
      sendFile(reply, await rbs.renderReportBack({ planId: req.params.id, number: req.params.n, format: req.params.format, viewer: req.viewer })),
    );

    // ---------- indicators ----------
    app.get('/api/municipalities/:code/indicators', { schema: { tags, summary: 'Kommunens indikatorer med mätvärden och mål', params: MunicipalityParams, response: { 200: IndicatorListOut } } }, async (req) => ({
      items: await ind.listIndicators({ municipalityCode: req.params.code, viewer: req.viewer }),
    }));
    app.post(
      '/api/municipalities/:code/indicators',
      { preHandler: owners, schema: { tags, summary: 'Lägg till en indikator', params: MunicipalityParams, body: IndicatorBody, response: { 201: IndicatorOut } } },
      async (req, reply) => reply.status(201).send(await ind.createIndicator({ municipalityCode: req.params.code, input: req.body, viewer: req.viewer })),
    );
    app.patch('/api/indicators/:id', { preHandler: owners, schema: { tags, summary: 'Ändra en indikator', params: IndicatorParams, body: IndicatorPatchBody, response: { 200: IndicatorOut } } }, async (req) =>
      ind.updateIndicator({ id: req.params.id, patch: req.body, viewer: req.viewer }),
    );
    app.post('/api/indicators/:id/values', { preHandler: owners, schema: { tags, summary: 'Registrera ett mätvärde för ett år', params: IndicatorParams, body: ValueBody, response: { 200: IndicatorOut } } }, async (req) =>
      ind.recordValue({ id: req.params.id, period: req.body.period, value: req.body.value, gender: req.body.gender, viewer: req.viewer }),
    );
    app.post('/api/indicators/:id/targets', { preHandler: owners, schema: { tags, summary: 'Sätt ett mål (värde, år och datum), gärna kopplat till en åtgärdspunkt', params: IndicatorParams, body: TargetBody, response: { 201: IndicatorOut } } }, async (req, reply) =>
      reply.status(201).send(await ind.addTarget({ id: req.params.id, target: req.body, viewer: req.viewer })),
    );
    app.delete('/api/indicators/:id/targets/:targetId', { preHandler: owners, schema: { tags, summary: 'Ta bort ett mål', params: TargetParams, response: { 200: IndicatorOut } } }, async (req) =>
      ind.deleteTarget({ id: req.params.id, targetId: req.params.targetId, viewer: req.viewer }),
    );
    app.post(
      '/api/indicators/import',
      { preHandler: owners, schema: { tags, summary: 'Importera mätvärden: Kolada-JSON eller CSV (fältet "file"); inget sparas om filen har fel', consumes: ['multipart/form-data'], response: { 200: IndicatorImportOut } } },
      async (req) => {
        const upload = await readUpload(req);
        return ind.importFile({ fileName: upload.fileName, bytes: upload.bytes, municipalityCode: upload.municipality, viewer: req.viewer });
      },
    );
  };
