/**
 * Permission matrix: every API route (as listed by the OpenAPI document) × every role, with the
 * expected status. A route without an entry here fails the test, so a new route must be classified.
 * Also: no draft leaks through lists, summaries, reports or history to those who may not see drafts,
 * and concurrent edits of the same subarea by two evaluators never lose a change.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { svChartLabels } from '../../src/charts/definitions.ts';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import type { EvaluationStatus } from '../../src/domain/evaluation.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { buildUser, createTestApp, signIn, TEST_PASSWORD, type SignedIn, type TestApp } from '../helpers/app.ts';
import { buildFramework, scoresFor } from '../helpers/factories.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';

const ROLES = ['anonymous', 'admin', 'lead', 'member', 'otherEvaluator', 'municipality', 'otherMunicipality'] as const;
type RoleKey = (typeof ROLES)[number];
type Expect = Record<RoleKey, number>;

/** The same status for every role. */
const all = (status: number): Expect => Object.fromEntries(ROLES.map((r) => [r, status])) as Expect;
/** anonymous 401, municipality users 403, staff `ok`. */
const staffOnly = (ok: number): Expect => ({ anonymous: 401, admin: ok, lead: ok, member: ok, otherEvaluator: ok, municipality: 403, otherMunicipality: 403 });
const adminOnly = (ok: number): Expect => ({ anonymous: 401, admin: ok, lead: 403, member: 403, otherEvaluator: 403, municipality: 403, otherMunicipality: 403 });
/** Writes on an evaluation: assigned evaluators (and admins). */
const editors = (ok: number): Expect => ({ anonymous: 401, admin: ok, lead: ok, member: ok, otherEvaluator: 403, municipality: 403, otherMunicipality: 403 });
/** Lead evaluator decisions: publish, delete, assign. */
const leads = (ok: number): Expect => ({ anonymous: 401, admin: ok, lead: ok, member: 403, otherEvaluator: 403, municipality: 403, otherMunicipality: 403 });
/** Reading an evaluation in a status. */
const reading = (status: EvaluationStatus): Expect => ({
  anonymous: status === 'published' ? 200 : 404,
  admin: 200,
  lead: 200,
  member: 200,
  otherEvaluator: 200,
  municipality: status === 'draft' ? 404 : 200,
  otherMunicipality: status === 'published' ? 200 : 404,
});
/** Reading history, comments, assignments (signed in; municipality users only their own). */
const internals = (status: EvaluationStatus): Expect => ({
  ...reading(status),
  anonymous: 401,
  otherMunicipality: status === 'published' ? 403 : 404,
});

interface Fixture {
  evaluationId: string;
  version: number;
  frameworkId: string;
  /** Current version of the shared framework and of the fresh target user (writes send them back). */
  frameworkVersion: number;
  userId: string;
  userVersion: number;
  /** Set when the case asks for an action plan on the evaluation (municipality 1231's). */
  plan: { id: string; version: number; itemId: string; ownItemId: string; indicatorId: string; targetId: string };
  /** Set when the case asks for a peer group (saved by the municipality user of 1231). */
  peerGroup: { id: string; version: number };
  /** A thread started by the municipality user (cases with `comment`). */
  commentId: string;
}

interface Case {
  /** Status of the evaluation the request is about (a fresh one per request). */
  on?: EvaluationStatus;
  label?: string;
  request: (f: Fixture) => { url: string; payload?: unknown };
  expect: Expect;
  /** Sign in a fresh session for the request (logout). */
  freshSession?: boolean;
  /**
   * Make an action plan (with an own item, a report-back, an indicator and a target) on the evaluation.
   * `published-untied`: the plan is published but the indicator's only target is tied to an item that is not public.
   */
  plan?: 'unpublished' | 'published' | 'published-untied';
  /** Make a peer group owned by the municipality user. */
  peerGroup?: true;
  /** Start a comment thread by the municipality user on the evaluation (in review). */
  comment?: boolean;
}

/** Changes to a municipality's action plan and indicators: its own users (and admins); evaluators read only. */
const planOwners = (ok: number): Expect => ({ anonymous: 401, admin: ok, lead: 403, member: 403, otherEvaluator: 403, municipality: ok, otherMunicipality: 404 });
/** Reading a plan (and its report-backs, export, effect): owners and staff; everyone once published. */
const planReading = (published: boolean): Expect => ({ anonymous: published ? 200 : 404, admin: 200, lead: 200, member: 200, otherEvaluator: 200, municipality: 200, otherMunicipality: published ? 200 : 404 });
const planCases = (route: (f: Fixture) => string): Case[] =>
  (['unpublished', 'published'] as const).map((plan) => ({ on: 'published', plan, label: `plan ${plan}`, request: (f: Fixture) => ({ url: route(f) }), expect: planReading(plan === 'published') }));

const uniqueFramework = () => ({ ...structuredClone(FRAMEWORK_2020), id: `perm-${randomBytes(5).toString('hex')}`, name: 'Behörighetstest', origin: 'custom' as const });

const SESSION = { day: '2031-05-04', startsAt: '09:00', endsAt: '10:00', groupName: 'Kommunstyrelsens presidium', roles: ['politicians'], people: 3 };

const MATRIX: Record<string, Case[]> = {
  'GET /api/health': [{ request: () => ({ url: '/api/health' }), expect: all(200) }],
  // Draws the data it is sent, reads nothing: the same for everyone.
  'POST /api/charts/svg': [
    {
      request: () => ({
        url: '/api/charts/svg',
        payload: { spec: { kind: 'trend', data: { points: [{ year: 2020, total: 600, frameworkId: 'kk2020', frameworkName: 'Kommunkompassen 2020' }], labels: svChartLabels } }, width: 400, height: 300 },
      }),
      expect: all(200),
    },
  ],
  'GET /api/frameworks': [{ request: () => ({ url: '/api/frameworks' }), expect: all(200) }],
  'POST /api/frameworks': [{ request: () => ({ url: '/api/frameworks', payload: uniqueFramework() }), expect: adminOnly(201) }],
  'GET /api/frameworks/{id}': [{ request: () => ({ url: '/api/frameworks/kk2020' }), expect: all(200) }],
  'PUT /api/frameworks/{id}': [
    { request: (f) => ({ url: `/api/frameworks/${f.frameworkId}`, payload: { ...structuredClone(FRAMEWORK_2020), id: f.frameworkId, name: 'Ändrad', origin: 'custom', expectedVersion: f.frameworkVersion } }), expect: adminOnly(200) },
  ],
  // Administration: counts include drafts, so only administrators read them. The shared framework is no
  // variant, so accepting or merging it is refused by the rule (422) once the role may ask at all.
  'GET /api/framework-titles/{lang}': [{ request: () => ({ url: '/api/framework-titles/en' }), expect: all(200) }],
  'GET /api/admin/frameworks': [{ request: () => ({ url: '/api/admin/frameworks' }), expect: adminOnly(200) }],
  'GET /api/admin/frameworks/{id}': [{ request: () => ({ url: '/api/admin/frameworks/kk2020' }), expect: adminOnly(200) }],
  'POST /api/frameworks/{id}/accept': [{ label: 'on a version that is no variant', request: (f) => ({ url: `/api/frameworks/${f.frameworkId}/accept`, payload: { expectedVersion: f.frameworkVersion } }), expect: adminOnly(422) }],
  'POST /api/frameworks/{id}/rename': [{ request: (f) => ({ url: `/api/frameworks/${f.frameworkId}/rename`, payload: { name: `Namn ${randomUUID()}`, expectedVersion: f.frameworkVersion } }), expect: adminOnly(200) }],
  'POST /api/frameworks/{id}/merge': [{ label: 'on a version that is no variant', request: (f) => ({ url: `/api/frameworks/${f.frameworkId}/merge`, payload: { into: 'kk2020', expectedVersion: f.frameworkVersion } }), expect: adminOnly(422) }],
  'GET /api/good-examples': [{ request: () => ({ url: '/api/good-examples?q=dialog' }), expect: all(200) }],
  'GET /api/municipalities': [{ request: () => ({ url: '/api/municipalities?q=burl' }), expect: all(200) }],
  'GET /api/municipalities/{code}': [{ request: () => ({ url: '/api/municipalities/1231' }), expect: all(200) }],
  'GET /api/evaluations': [{ request: () => ({ url: '/api/evaluations' }), expect: all(200) }],
  'POST /api/evaluations': [{ request: () => ({ url: '/api/evaluations', payload: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2030 } }), expect: staffOnly(201) }],
  'GET /api/evaluations/same-year': [{ on: 'draft', request: () => ({ url: '/api/evaluations/same-year?municipality=1231&year=2023' }), expect: staffOnly(200) }],
  'GET /api/evaluations/{id}': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}` }), expect: reading(on) })),
  'GET /api/evaluations/{id}/summary': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/summary` }), expect: reading(on) })),
  'PATCH /api/evaluations/{id}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}`, payload: { expectedVersion: f.version, interviews: 12 } }), expect: editors(200) },
    { on: 'review', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}`, payload: { expectedVersion: f.version, interviews: 12 } }), expect: editors(200) },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}`, payload: { expectedVersion: f.version, interviews: 12 } }), expect: { ...editors(422) } },
  ],
  'DELETE /api/evaluations/{id}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}?expectedVersion=${f.version}` }), expect: leads(204) },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}?expectedVersion=${f.version}` }), expect: leads(422) },
  ],
  'PUT /api/evaluations/{id}/scores': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/scores`, payload: { expectedVersion: f.version, scores: { '1.1': 3 } } }), expect: editors(200) },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/scores`, payload: { expectedVersion: f.version, scores: { '1.1': 3 } } }), expect: editors(422) },
  ],
  'PUT /api/evaluations/{id}/areas/{number}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/areas/2`, payload: { expectedVersion: f.version, strengths: ['Tydligt'] } }), expect: editors(200) },
  ],
  'POST /api/evaluations/{id}/status': [
    { on: 'draft', label: '→ review', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/status`, payload: { expectedVersion: f.version, status: 'review' } }), expect: editors(200) },
    { on: 'review', label: '→ published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/status`, payload: { expectedVersion: f.version, status: 'published' } }), expect: leads(200) },
    { on: 'published', label: '→ draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/status`, payload: { expectedVersion: f.version, status: 'draft' } }), expect: editors(422) },
  ],
  'GET /api/evaluations/{id}/history': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/history` }), expect: internals(on) })),
  'GET /api/evaluations/{id}/comments': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/comments` }), expect: internals(on) })),
  'POST /api/evaluations/{id}/comments': [
    { on: 'review', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/comments`, payload: { body: 'Stämmer detta?', areaNumber: 2 } }), expect: { ...internals('review'), admin: 201, lead: 201, member: 201, otherEvaluator: 201, municipality: 201 } },
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/comments`, payload: { body: 'Intern fråga' } }), expect: { ...internals('draft'), admin: 201, lead: 201, member: 201, otherEvaluator: 201 } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/comments`, payload: { body: 'För sent' } }), expect: { ...internals('published'), admin: 422, lead: 422, member: 422, otherEvaluator: 422, municipality: 422 } },
  ],
  'GET /api/evaluations/{id}/assignments': (['draft', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/assignments` }), expect: internals(on) })),
  'PUT /api/evaluations/{id}/assignments': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/assignments`, payload: { expectedVersion: f.version, assignments: [{ userId: f.userId, isLead: true }] } }), expect: leads(200) },
  ],
  'POST /api/evaluations/{id}/corrections': [
    // A correction belongs to the original team (evaluators assigned to it) or an administrator.
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/corrections` }), expect: editors(201) },
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/corrections` }), expect: editors(422) },
  ],
  // A page's chart, drawn from the stored scores: seen by those who may read the evaluation (a draft is 404 for the public).
  'GET /api/evaluations/{id}/charts/{file}': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/charts/areaBar.svg` }), expect: reading(on) })),
  // The trend of the evaluations the viewer may see (everyone sees the published ones).
  'GET /api/municipalities/{code}/charts/{file}': [{ request: () => ({ url: '/api/municipalities/1231/charts/trend.svg' }), expect: all(200) }],
  'GET /api/evaluations/{id}/report.{format}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/report.docx` }), expect: reading('draft') },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/report.docx` }), expect: reading('published') },
  ],
  'POST /api/evaluations/{id}/action-plan': [
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/action-plan` }), expect: { ...planOwners(201), otherMunicipality: 403 } },
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/action-plan` }), expect: { ...planOwners(404), admin: 422 } },
  ],
  'GET /api/evaluations/{id}/action-plan': planCases((f) => `/api/evaluations/${f.evaluationId}/action-plan`),
  'GET /api/action-plans/{id}': planCases((f) => `/api/action-plans/${f.plan.id}`),
  'PATCH /api/action-plans/{id}': [{ on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}`, payload: { expectedVersion: f.plan.version, caseNumber: 'KS 2024/12' } }), expect: planOwners(200) }],
  'POST /api/action-plans/{id}/items': [{ on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/items`, payload: { expectedVersion: f.plan.version, item: { improvement: 'Egen punkt' } } }), expect: planOwners(201) }],
  'PATCH /api/action-plans/{id}/items/{itemId}': [
    { on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/items/${f.plan.itemId}`, payload: { expectedVersion: f.plan.version, status: 'ongoing' } }), expect: planOwners(200) },
    { on: 'published', plan: 'published', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/items/${f.plan.itemId}`, payload: { expectedVersion: f.plan.version, status: 'ongoing' } }), expect: { ...planOwners(200), otherMunicipality: 403 } },
  ],
  'DELETE /api/action-plans/{id}/items/{itemId}': [{ on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/items/${f.plan.ownItemId}?expectedVersion=${f.plan.version}` }), expect: planOwners(200) }],
  'GET /api/action-plans/{id}/history': [{ on: 'published', plan: 'published', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/history` }), expect: { ...planReading(true), anonymous: 401, otherMunicipality: 403 } }],
  'GET /api/action-plans/{id}/export.{format}': planCases((f) => `/api/action-plans/${f.plan.id}/export.csv`),
  'GET /api/action-plans/{id}/effect': planCases((f) => `/api/action-plans/${f.plan.id}/effect`),
  'GET /api/follow-up/overview': [{ request: () => ({ url: '/api/follow-up/overview' }), expect: { ...all(200), anonymous: 401 } }],
  'GET /api/follow-up/associations': [{ request: () => ({ url: '/api/follow-up/associations?framework=kk2020' }), expect: all(200) }],
  'POST /api/action-plans/{id}/report-backs': [{ on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/report-backs`, payload: {} }), expect: planOwners(201) }],
  'GET /api/action-plans/{id}/report-backs': planCases((f) => `/api/action-plans/${f.plan.id}/report-backs`),
  'GET /api/action-plans/{id}/report-backs/{n}': planCases((f) => `/api/action-plans/${f.plan.id}/report-backs/1`),
  'PATCH /api/action-plans/{id}/report-backs/{n}': [{ on: 'published', plan: 'unpublished', request: (f) => ({ url: `/api/action-plans/${f.plan.id}/report-backs/1`, payload: { decisionProposal: ['Rapporten läggs till handlingarna.'] } }), expect: planOwners(200) }],
  'GET /api/action-plans/{id}/report-backs/{n}.{format}': planCases((f) => `/api/action-plans/${f.plan.id}/report-backs/1.docx`),
  // Indicators are public once the municipality has a published plan (earlier cases publish plans for 1231).
  'GET /api/municipalities/{code}/indicators': [{ on: 'published', plan: 'published', request: () => ({ url: '/api/municipalities/1231/indicators' }), expect: planReading(true) }],
  'POST /api/municipalities/{code}/indicators': [{ request: () => ({ url: '/api/municipalities/1231/indicators', payload: { name: `Nöjdhet ${randomBytes(4).toString('hex')}`, unit: 'index' } }), expect: { ...planOwners(201), otherMunicipality: 403 } }],
  'PATCH /api/indicators/{id}': [
    { on: 'published', plan: 'published', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}`, payload: { unit: 'procent' } }), expect: { ...planOwners(200), otherMunicipality: 403 } },
    // Published plan, but the indicator is tied only to an item that is not public: others do not see it at all.
    { on: 'published', plan: 'published-untied', label: 'indicator tied to an unpublished item', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}`, payload: { unit: 'procent' } }), expect: planOwners(200) },
  ],
  'POST /api/indicators/{id}/values': [
    { on: 'published', plan: 'published', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}/values`, payload: { period: 2022, value: 71 } }), expect: { ...planOwners(200), otherMunicipality: 403 } },
    { on: 'published', plan: 'published-untied', label: 'indicator tied to an unpublished item', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}/values`, payload: { period: 2022, value: 71 } }), expect: planOwners(200) },
  ],
  'POST /api/indicators/{id}/targets': [{ on: 'published', plan: 'published', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}/targets`, payload: { period: 2025, value: 80 } }), expect: { ...planOwners(201), otherMunicipality: 403 } }],
  'DELETE /api/indicators/{id}/targets/{targetId}': [{ on: 'published', plan: 'published', request: (f) => ({ url: `/api/indicators/${f.plan.indicatorId}/targets/${f.plan.targetId}` }), expect: { ...planOwners(200), otherMunicipality: 403 } }],
  'POST /api/indicators/import': [{ request: () => ({ url: '/api/indicators/import', payload: {} }), expect: { ...planOwners(415), otherMunicipality: 415 } }],
  'GET /api/evaluations/{id}/independent-scores': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/independent-scores` }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 404, otherMunicipality: 404 } },
    { on: 'review', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/independent-scores` }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 403, otherMunicipality: 404 } },
  ],
  'PUT /api/evaluations/{id}/independent-scores': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/independent-scores`, payload: { scores: { '1.1': 3 }, submitted: false } }), expect: { anonymous: 401, admin: 403, lead: 200, member: 200, otherEvaluator: 403, municipality: 404, otherMunicipality: 404 } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/independent-scores`, payload: { scores: { '1.1': 3 }, submitted: false } }), expect: { anonymous: 401, admin: 403, lead: 422, member: 422, otherEvaluator: 403, municipality: 403, otherMunicipality: 403 } },
  ],
  'PUT /api/evaluations/{id}/consensus': [
    { on: 'draft', label: 'nobody has scored yet', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/consensus`, payload: { expectedVersion: f.version, items: [{ subareaId: '1.1', value: 3, reason: 'Överens' }] } }), expect: { anonymous: 401, admin: 422, lead: 422, member: 403, otherEvaluator: 403, municipality: 404, otherMunicipality: 404 } },
  ],
  'GET /api/evaluations/{id}/stage': (['draft', 'published'] as const).map((on) => ({
    on,
    request: (f: Fixture) => ({ url: `/api/evaluations/${f.evaluationId}/stage` }),
    expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 200, municipality: 200, otherMunicipality: 404 },
  })),
  'POST /api/evaluations/{id}/stage': [
    { on: 'draft', label: 'leaving the agreement (lead)', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/stage`, payload: { expectedVersion: f.version, to: 'questionnaire_sent', reason: 'Muntlig överenskommelse' } }), expect: { ...leads(200), otherMunicipality: 404 } },
    { on: 'review', label: 'back to the report draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/stage`, payload: { expectedVersion: f.version, to: 'report_draft' } }), expect: { ...editors(200), otherMunicipality: 404 } },
  ],
  'PATCH /api/evaluations/{id}/stage': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/stage`, payload: { expectedVersion: f.version, agreementDate: '2026-02-01', deadlines: { request: '2026-02-15' } } }), expect: { ...editors(200), otherMunicipality: 404 } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/stage`, payload: { expectedVersion: f.version, feedbackNotes: 'För sent' } }), expect: { ...editors(422), otherMunicipality: 404 } },
  ],
  'GET /api/worklist': [{ request: () => ({ url: '/api/worklist' }), expect: { ...all(200), anonymous: 401 } }],
  'POST /api/evaluations/{id}/comments/{commentId}/resolution': [
    { on: 'review', comment: true, request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/comments/${f.commentId}/resolution`, payload: { resolved: true } }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 200, otherMunicipality: 404 } },
  ],
  // Questionnaire, question banks, files, evidence register, interview plan.
  'GET /api/frameworks/{id}/questions': [{ request: () => ({ url: '/api/frameworks/kk2020/questions' }), expect: { ...all(200), anonymous: 401 } }],
  'PUT /api/frameworks/{id}/questions/{subareaId}': [{ request: (f) => ({ url: `/api/frameworks/${f.frameworkId}/questions/1.1`, payload: { questions: [{ text: 'Hur ser strategin ut i dag?' }] } }), expect: adminOnly(200) }],
  'GET /api/questionnaires': [{ request: () => ({ url: '/api/questionnaires' }), expect: { ...all(200), anonymous: 401 } }],
  'GET /api/evaluations/{id}/questionnaire': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/questionnaire` }), expect: { ...all(200), anonymous: 401, otherMunicipality: 404 } },
  ],
  'PUT /api/evaluations/{id}/questionnaire': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/questionnaire`, payload: { expectedVersion: 0, answers: {}, submit: false } }), expect: { anonymous: 401, admin: 403, lead: 403, member: 403, otherEvaluator: 403, municipality: 200, otherMunicipality: 404 } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/questionnaire`, payload: { expectedVersion: 0, answers: {}, submit: false } }), expect: { anonymous: 401, admin: 403, lead: 403, member: 403, otherEvaluator: 403, municipality: 422, otherMunicipality: 404 } },
  ],
  'POST /api/evaluations/{id}/questionnaire/reopen': [
    { on: 'draft', label: 'not submitted', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/questionnaire/reopen` }), expect: { anonymous: 401, admin: 422, lead: 422, member: 403, otherEvaluator: 403, municipality: 403, otherMunicipality: 403 } },
  ],
  'GET /api/evaluations/{id}/questionnaire/export.{format}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/questionnaire/export.docx` }), expect: { ...all(200), anonymous: 401, otherMunicipality: 404 } },
  ],
  'POST /api/evaluations/{id}/files': [{ on: 'draft', label: 'not multipart', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/files`, payload: {} }), expect: { ...all(400), anonymous: 401 } }],
  'GET /api/evaluations/{id}/files/{fileId}': [
    { on: 'draft', label: 'unknown file', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/files/${randomUUID()}` }), expect: { ...all(404), anonymous: 401 } },
  ],
  'GET /api/evaluations/{id}/evidence': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/evidence` }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 403, otherMunicipality: 404 } },
  ],
  'POST /api/evaluations/{id}/evidence': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/evidence`, payload: { kind: 'document', title: 'Budget 2031', subareaIds: ['3.2'] } }), expect: { ...editors(201) } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/evidence`, payload: { kind: 'document', title: 'Budget 2031', subareaIds: ['3.2'] } }), expect: { ...editors(422) } },
  ],
  'PUT /api/evaluations/{id}/evidence/{itemId}': [
    { on: 'draft', label: 'unknown item', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/evidence/${randomUUID()}`, payload: { kind: 'website', title: 'Webbplatsen', expectedVersion: 1 } }), expect: { ...editors(404) } },
  ],
  'DELETE /api/evaluations/{id}/evidence/{itemId}': [
    { on: 'draft', label: 'unknown item', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/evidence/${randomUUID()}?expectedVersion=1` }), expect: { ...editors(404) } },
  ],
  'GET /api/evaluations/{id}/interviews': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews` }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 200, otherMunicipality: 404 } },
  ],
  'POST /api/evaluations/{id}/interviews': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews`, payload: SESSION }), expect: { ...editors(201) } },
    { on: 'published', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews`, payload: SESSION }), expect: { ...editors(422) } },
  ],
  'PUT /api/evaluations/{id}/interviews/{sessionId}': [
    { on: 'draft', label: 'unknown session', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews/${randomUUID()}`, payload: SESSION }), expect: { ...editors(404) } },
  ],
  'DELETE /api/evaluations/{id}/interviews/{sessionId}': [
    { on: 'draft', label: 'unknown session', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews/${randomUUID()}` }), expect: { ...editors(404) } },
  ],
  'GET /api/evaluations/{id}/interviews/schedule.{format}': [
    { on: 'draft', request: (f) => ({ url: `/api/evaluations/${f.evaluationId}/interviews/schedule.docx` }), expect: { anonymous: 401, admin: 200, lead: 200, member: 200, otherEvaluator: 403, municipality: 200, otherMunicipality: 404 } },
  ],
  'GET /api/calibration': [{ request: () => ({ url: '/api/calibration' }), expect: { ...staffOnly(200) } }],
  'POST /api/imports/preview': [{ request: () => ({ url: '/api/imports/preview', payload: {} }), expect: staffOnly(400) }],
  'POST /api/imports': [{ request: () => ({ url: '/api/imports', payload: {} }), expect: staffOnly(400) }],
  // A new unknown account per request: the same (account, address) pair would be throttled after 5 failures.
  'POST /api/auth/login': [{ request: () => ({ url: '/api/auth/login', payload: { email: `ingen-${randomBytes(4).toString('hex')}@test.kompass.se`, password: 'fel-lösenord-123' } }), expect: all(401) }],
  'POST /api/auth/logout': [{ freshSession: true, request: () => ({ url: '/api/auth/logout' }), expect: all(204) }],
  'GET /api/auth/me': [{ request: () => ({ url: '/api/auth/me' }), expect: all(200) }],
  'POST /api/auth/password': [{ request: () => ({ url: '/api/auth/password', payload: { currentPassword: 'fel-lösenord-123', newPassword: 'nytt-lösenord-456' } }), expect: { ...all(400), anonymous: 401 } }],
  'POST /api/auth/password-reset': [{ request: () => ({ url: '/api/auth/password-reset', payload: { token: 'ogiltig-token-123', password: 'nytt-lösenord-456' } }), expect: all(400) }],
  'GET /api/auth/oidc/login': [{ request: () => ({ url: '/api/auth/oidc/login' }), expect: all(404) }],
  'GET /api/auth/oidc/callback': [{ request: () => ({ url: '/api/auth/oidc/callback?code=x&state=y' }), expect: all(404) }],
  'GET /api/benchmarks': [{ request: () => ({ url: '/api/benchmarks?framework=kk2020' }), expect: all(200) }],
  'GET /api/benchmarks/versions': [{ request: () => ({ url: '/api/benchmarks/versions' }), expect: all(200) }],
  'GET /api/benchmarks/municipalities/{code}': [{ request: () => ({ url: '/api/benchmarks/municipalities/1231?framework=kk2020' }), expect: all(200) }],
  // Peer groups are private to the user who saved them: anyone else is told it does not exist.
  'GET /api/peer-groups': [{ request: () => ({ url: '/api/peer-groups' }), expect: { ...all(200), anonymous: 401 } }],
  'POST /api/peer-groups': [{ request: () => ({ url: '/api/peer-groups', payload: { name: 'Grannar', municipalityCodes: ['1280', '1281'] } }), expect: { ...all(201), anonymous: 401 } }],
  'GET /api/peer-groups/{id}': [{ peerGroup: true, request: (f) => ({ url: `/api/peer-groups/${f.peerGroup.id}` }), expect: { ...all(404), anonymous: 401, municipality: 200 } }],
  'PUT /api/peer-groups/{id}': [{ peerGroup: true, request: (f) => ({ url: `/api/peer-groups/${f.peerGroup.id}`, payload: { name: 'Fem grannar', municipalityCodes: ['1280'], expectedVersion: f.peerGroup.version } }), expect: { ...all(404), anonymous: 401, municipality: 200 } }],
  'DELETE /api/peer-groups/{id}': [{ peerGroup: true, request: (f) => ({ url: `/api/peer-groups/${f.peerGroup.id}` }), expect: { ...all(404), anonymous: 401, municipality: 204 } }],
  'GET /api/concordances': [{ request: () => ({ url: '/api/concordances' }), expect: all(200) }],
  'GET /api/concordances/{from}/{to}': [{ request: () => ({ url: '/api/concordances/kk2020/kk2010' }), expect: all(200) }],
  'PUT /api/concordances/{from}/{to}': [{ request: (f) => ({ url: `/api/concordances/${f.frameworkId}/kk2010`, payload: { pairs: [{ level: 'area', from: '5', to: '2', relation: 'partial' }] } }), expect: adminOnly(200) }],
  'GET /api/open-data/scores.{format}': [{ request: () => ({ url: '/api/open-data/scores.csv?level=area' }), expect: all(200) }],
  'GET /api/comparisons': (['draft', 'review', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/comparisons?ids=${f.evaluationId}` }), expect: reading(on) })),
  'GET /api/comparisons/export.{format}': (['draft', 'published'] as const).map((on) => ({ on, request: (f: Fixture) => ({ url: `/api/comparisons/export.csv?ids=${f.evaluationId}` }), expect: reading(on) })),
  'GET /api/me/notifications': [{ request: () => ({ url: '/api/me/notifications' }), expect: { ...all(200), anonymous: 401 } }],
  'POST /api/me/notifications/read': [{ request: () => ({ url: '/api/me/notifications/read', payload: {} }), expect: { ...all(200), anonymous: 401 } }],
  'GET /api/users': [{ request: () => ({ url: '/api/users' }), expect: adminOnly(200) }],
  'POST /api/users': [{ request: () => ({ url: '/api/users', payload: { email: `ny-${randomBytes(4).toString('hex')}@test.kompass.se`, name: 'Ny', role: 'evaluator' } }), expect: adminOnly(201) }],
  'GET /api/users/{id}': [{ request: (f) => ({ url: `/api/users/${f.userId}` }), expect: adminOnly(200) }],
  'PATCH /api/users/{id}': [{ request: (f) => ({ url: `/api/users/${f.userId}`, payload: { name: 'Omdöpt', expectedVersion: f.userVersion } }), expect: adminOnly(200) }],
  'POST /api/users/{id}/password-reset': [{ request: (f) => ({ url: `/api/users/${f.userId}/password-reset` }), expect: adminOnly(201) }],
  'GET /api/users/{id}/history': [{ request: (f) => ({ url: `/api/users/${f.userId}/history` }), expect: adminOnly(200) }],
};

void describe('permission matrix: every route × every role', () => {
  let t: TestApp;
  const sessions = {} as Record<Exclude<RoleKey, 'anonymous'>, SignedIn>;
  const viewers = {} as Record<Exclude<RoleKey, 'anonymous'>, Viewer>;
  let routes: string[] = [];
  let frameworkId = '';

  before(async () => {
    t = await createTestApp();
    frameworkId = (await buildFramework(t.services)).id;
    const make = async (key: Exclude<RoleKey, 'anonymous'>, role: 'admin' | 'evaluator' | 'municipality', municipalityCode?: string) => {
      const u = await buildUser(t.services, role, municipalityCode ? { municipalityCode } : {});
      viewers[key] = viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
      sessions[key] = await signIn(t, { email: u.email, password: u.password });
    };
    await make('admin', 'admin');
    await make('lead', 'evaluator');
    await make('member', 'evaluator');
    await make('otherEvaluator', 'evaluator');
    await make('municipality', 'municipality', '1231');
    await make('otherMunicipality', 'municipality', '1480');
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
  });
  after(async () => t.close());

  const noGroup: Fixture['peerGroup'] = { id: '00000000-0000-4000-8000-000000000000', version: 1 };
  const noPlan: Fixture['plan'] = { id: '', version: 0, itemId: '', ownItemId: '', indicatorId: '', targetId: '' };
  /** An action plan on the evaluation (municipality 1231's), with an own item, report-back 1, an indicator and a target. */
  const withPlan = async (f: Fixture, published: boolean, untied = false): Promise<Fixture> => {
    const owner = viewers.municipality;
    let plan = (await t.services.actionPlans.createActionPlan({ evaluationId: f.evaluationId, viewer: owner })).plan;
    plan = await t.services.actionPlans.addItem({ id: plan.id, expectedVersion: plan.version, item: { improvement: 'Egen punkt att ta bort' }, viewer: owner });
    if (untied) plan = await t.services.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: plan.version, patch: { public: false }, viewer: owner });
    if (published) plan = await t.services.actionPlans.updateActionPlan({ id: plan.id, expectedVersion: plan.version, patch: { published: true }, viewer: owner });
    await t.services.reportBacks.createReportBack({ planId: plan.id, input: {}, viewer: owner });
    const indicator = await t.services.indicators.createIndicator({ municipalityCode: '1231', input: { kpi: `P${randomBytes(5).toString('hex')}`, name: 'Behörighetsindikator' }, viewer: owner });
    const withTarget = await t.services.indicators.addTarget({ id: indicator.id, target: { period: 2026, value: 75, planItemId: plan.items[0]?.id ?? null }, viewer: owner });
    const first = plan.items[0];
    const own = plan.items.find((i) => i.source === 'own');
    if (!first || !own) throw new Error('fixture plan without items');
    return { ...f, plan: { id: plan.id, version: plan.version, itemId: first.id, ownItemId: own.id, indicatorId: indicator.id, targetId: withTarget.targets[0]?.id ?? '' } };
  };

  const fixture = async (on: EvaluationStatus | undefined, plan?: Case['plan'], comment?: boolean, peerGroup?: true): Promise<Fixture> => {
    let f = await baseFixture(on);
    if (comment) f = { ...f, commentId: (await t.services.workflow.addComment({ id: f.evaluationId, body: 'Stämmer siffran?', viewer: viewers.municipality })).id };
    if (peerGroup) {
      const g = await t.services.benchmarks.createPeerGroup({ input: { name: 'Behörighetsgrupp', municipalityCodes: ['1280', '1283'] }, viewer: viewers.municipality });
      f = { ...f, peerGroup: { id: g.id, version: g.version } };
    }
    return plan ? withPlan(f, plan !== 'unpublished', plan === 'published-untied') : f;
  };

  const baseFixture = async (on: EvaluationStatus | undefined): Promise<Fixture> => {
    // A user without a password (no argon2 work) for the user routes; the framework is shared (PUT is idempotent).
    const target = await t.services.users.createUser({ viewer: SYSTEM, input: { email: `target-${randomBytes(5).toString('hex')}@test.kompass.se`, name: 'Mål', role: 'evaluator' } });
    const fw = { id: frameworkId, version: (await t.services.frameworks.getFramework({ id: frameworkId })).version };
    const ids = { frameworkId: fw.id, frameworkVersion: fw.version, userId: target.id, userVersion: target.version };
    if (!on) return { evaluationId: '', version: 0, ...ids, plan: noPlan, peerGroup: noGroup, commentId: '' };
    const e = await t.services.evaluations.createEvaluation({
      input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2023, scores: scoresFor(FRAMEWORK_2020, 0.6), status: on === 'published' ? 'published' : 'draft' },
      viewer: viewers.lead,
    });
    await createAssignmentRepository(t.services.db).replace(e.id, [
      { userId: viewers.lead.userId ?? '', isLead: true },
      { userId: viewers.member.userId ?? '', isLead: false },
    ]);
    let version = e.version;
    if (on === 'review') version = (await t.services.evaluations.changeStatus({ id: e.id, expectedVersion: version, status: 'review', viewer: viewers.lead })).version;
    return { evaluationId: e.id, version, ...ids, plan: noPlan, peerGroup: noGroup, commentId: '' };
  };

  void test('every route in the OpenAPI document has a matrix entry, and every entry is a route', () => {
    const missing = routes.filter((r) => !MATRIX[r]);
    assert.deepEqual(missing, [], `routes without a permission matrix entry: ${missing.join(', ')}`);
    const stale = Object.keys(MATRIX).filter((k) => !routes.includes(k));
    assert.deepEqual(stale, [], `matrix entries for routes that do not exist: ${stale.join(', ')}`);
  });

  for (const [route, cases] of Object.entries(MATRIX)) {
    const [method = 'GET'] = route.split(' ');
    for (const c of cases) {
      void test(`${route}${c.on ? ` on ${c.on}` : ''}${c.label ? ` ${c.label}` : ''}`, async () => {
        const got: Partial<Record<RoleKey, number>> = {};
        // A read changes nothing, so every role reads the same fixture; a write gets a fresh one per role.
        const shared = method === 'GET' ? await fixture(c.on, c.plan, c.comment, c.peerGroup) : null;
        for (const role of ROLES) {
          const f = shared ?? (await fixture(c.on, c.plan, c.comment, c.peerGroup));
          const { url, payload } = c.request(f);
          let headers: Record<string, string> = {};
          if (role !== 'anonymous') {
            headers = c.freshSession ? (await signIn(t, { email: (await t.services.users.getUser({ id: viewers[role].userId ?? '', viewer: viewers.admin })).email, password: TEST_PASSWORD })).headers : sessions[role].headers;
          }
          const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
          got[role] = res.statusCode;
          if (res.statusCode >= 400) {
            assert.match(String(res.headers['content-type']), /problem\+json/, `${role}: ${res.body}`);
            assert.doesNotMatch(res.body, /at .*\.ts:\d+|"stack"|select .* from|insert into|violates/i, `${role}: internals in the error body`);
          }
        }
        assert.deepEqual(got, c.expect);
      });
    }
  }

  void test('indicators: the public and other municipalities see only those tied to published items, with only those targets', async () => {
    const tied = await fixture('published', 'published');
    const untied = await fixture('published', 'published-untied');
    const list = async (headers: Record<string, string>) =>
      ((await t.app.inject({ url: '/api/municipalities/1231/indicators', headers })).json() as { items: Array<{ id: string; targets: Array<{ id: string }> }> }).items;
    for (const [who, headers] of [['anonymous', {}], ['otherMunicipality', sessions.otherMunicipality.headers]] as const) {
      const items = await list(headers);
      assert.deepEqual(items.find((i) => i.id === tied.plan.indicatorId)?.targets.map((x) => x.id), [tied.plan.targetId], who);
      assert.ok(!items.some((i) => i.id === untied.plan.indicatorId), `${who} sees an indicator tied only to an unpublished item`);
    }
    for (const role of ['municipality', 'lead', 'admin'] as const) {
      const ids = (await list(sessions[role].headers)).map((i) => i.id);
      assert.ok(ids.includes(tied.plan.indicatorId) && ids.includes(untied.plan.indicatorId), role);
    }
  });

  void test('no draft leaks: lists, filters, summaries, reports and history hide drafts from the public and other municipalities', async () => {
    const draft = await fixture('draft');
    const review = await fixture('review');
    const published = await fixture('published');
    const idsFor = async (headers: Record<string, string>, query = ''): Promise<string[]> =>
      ((await t.app.inject({ url: `/api/evaluations?limit=500${query}`, headers })).json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
    for (const [who, headers] of [['anonymous', {}], ['otherMunicipality', sessions.otherMunicipality.headers]] as const) {
      for (const q of ['', '&status=draft', '&status=review', '&municipality=1231', '&year=2023']) {
        const ids = await idsFor(headers, q);
        assert.ok(!ids.includes(draft.evaluationId) && !ids.includes(review.evaluationId), `${who} ${q} lists a draft`);
      }
      assert.deepEqual(await idsFor(headers, '&status=draft'), []);
      const count = (await t.app.inject({ url: '/api/evaluations?status=review', headers })).json() as { count: number };
      assert.equal(count.count, 0, `${who}: the count reveals drafts`);
    }
    const own = await idsFor(sessions.municipality.headers, '&municipality=1231');
    assert.ok(own.includes(review.evaluationId) && !own.includes(draft.evaluationId), 'own municipality sees what is shared for review, not drafts');
    assert.ok((await idsFor({})).includes(published.evaluationId));
    // The published summary's comparison with earlier evaluations never uses a draft.
    const s = (await t.app.inject({ url: `/api/evaluations/${published.evaluationId}/summary` })).json() as { previous: { evaluationId: string } | null };
    assert.ok(!s.previous || (s.previous.evaluationId !== draft.evaluationId && s.previous.evaluationId !== review.evaluationId));
    for (const url of [`/api/evaluations/${draft.evaluationId}/report.pdf`, `/api/evaluations/${draft.evaluationId}/summary`, `/api/evaluations/${review.evaluationId}`]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.doesNotMatch(res.body, /1231|Burlöv/, 'a refused draft says nothing about its content');
    }
  });

  void test('concurrent edits of the same subarea: the stale save gets 409 with the current state, nothing is lost (many races)', async () => {
    const f = await fixture('draft');
    let version = f.version;
    const rounds = 25;
    for (let i = 0; i < rounds; i += 1) {
      const a = 5 + (i % 10);
      const b = 15 - (i % 10);
      const [ra, rb] = await Promise.all([
        t.app.inject({ method: 'PUT', url: `/api/evaluations/${f.evaluationId}/scores`, headers: sessions.lead.headers, payload: { expectedVersion: version, scores: { '1.1': a } } }),
        t.app.inject({ method: 'PUT', url: `/api/evaluations/${f.evaluationId}/scores`, headers: sessions.member.headers, payload: { expectedVersion: version, scores: { '1.1': b } } }),
      ]);
      const statuses = [ra.statusCode, rb.statusCode].sort();
      assert.deepEqual(statuses, [200, 409], `round ${i}: ${ra.body} / ${rb.body}`);
      const [winner, loser, loserValue] = ra.statusCode === 200 ? [ra, rb, b] : [rb, ra, a];
      const won = winner.json() as { version: number; scores: Record<string, number> };
      const refused = loser.json() as { currentVersion: number; current: { scores: Record<string, number> }; detail: string };
      assert.equal(refused.currentVersion, won.version);
      assert.equal(refused.current.scores['1.1'], won.scores['1.1'], 'the 409 carries the state that won');
      assert.match(refused.detail, /ändrats av/);
      // The loser reloads and saves again on top: both changes end up in the history.
      const retry = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${f.evaluationId}/scores`, headers: loser === ra ? sessions.lead.headers : sessions.member.headers, payload: { expectedVersion: refused.currentVersion, scores: { '1.1': loserValue } } });
      assert.equal(retry.statusCode, 200, retry.body);
      version = (retry.json() as { version: number }).version;
    }
    const final = (await t.app.inject({ url: `/api/evaluations/${f.evaluationId}`, headers: sessions.lead.headers })).json() as { version: number };
    assert.equal(final.version, f.version + rounds * 2);
    const history = (await t.app.inject({ url: `/api/evaluations/${f.evaluationId}/history?limit=500`, headers: sessions.lead.headers })).json() as { items: Array<{ action: string; before: { version: number }; after: { version: number } }> };
    const scoreChanges = history.items.filter((h) => h.action === 'set_scores');
    // Every accepted save is one record; versions chain without gaps.
    const versions = scoreChanges.map((h) => h.after.version).sort((x, y) => x - y);
    assert.equal(new Set(versions).size, versions.length);
    assert.ok(scoreChanges.length >= rounds, `${scoreChanges.length} recorded changes`);
    for (const h of scoreChanges) assert.equal(h.after.version, h.before.version + 1);
  });
});
