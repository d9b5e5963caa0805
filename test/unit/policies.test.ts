import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_ASSIGNED, PUBLIC, type Viewer } from '../../src/domain/access.ts';
import { canAssignEvaluators, canChangeStatus, canComment, canCorrectEvaluation, canDeleteEvaluation, canEditEvaluation, canReadInternals } from '../../src/policies/evaluation.policy.ts';
import { canCreateFramework, canUpdateFramework } from '../../src/policies/framework.policy.ts';
import { refusalMessage, type Decision } from '../../src/policies/policy.ts';
import { canManageUsers } from '../../src/policies/user.policy.ts';
import { canReadAllIndicators, canViewIndicator, canViewIndicators, canViewIndicatorTarget } from '../../src/policies/action-plan.policy.ts';
import { normalizeEmail, parseRoleMap, passwordProblem, roleFromClaim } from '../../src/domain/auth.ts';
import { diffEvaluation, isEmptyChange } from '../../src/domain/audit.ts';
import type { Evaluation } from '../../src/domain/evaluation.ts';

const v = (role: Viewer['role'], municipalityCode: string | null = null): Viewer => ({ userId: 'u', role, municipalityCode, name: role });

const editRefusal = (...a: Parameters<typeof canEditEvaluation>) => refusalMessage(canEditEvaluation(...a));
const statusChangeRefusal = (...a: Parameters<typeof canChangeStatus>) => refusalMessage(canChangeStatus(...a));
const code = (d: Decision): string => (d.allowed ? 'allowed' : d.code);

void test('edit and status rules: admin always, assigned evaluators edit, only the lead publishes', () => {
  assert.equal(editRefusal(v('admin'), NOT_ASSIGNED), null);
  assert.match(editRefusal(v('evaluator'), NOT_ASSIGNED) ?? '', /inte tilldelad/);
  assert.equal(editRefusal(v('evaluator'), { assigned: true, lead: false }), null);
  assert.match(editRefusal(v('municipality', '1231'), { assigned: true, lead: true }) ?? '', /inte ändra/);
  assert.match(editRefusal(PUBLIC, NOT_ASSIGNED) ?? '', /logga in/);
  assert.equal(statusChangeRefusal(v('evaluator'), 'review', { assigned: true, lead: false }), null);
  assert.match(statusChangeRefusal(v('evaluator'), 'published', { assigned: true, lead: false }) ?? '', /huvudutvärderaren kan publicera/);
  assert.equal(statusChangeRefusal(v('evaluator'), 'published', { assigned: true, lead: true }), null);
  assert.equal(statusChangeRefusal(v('admin'), 'published', NOT_ASSIGNED), null);
});

void test('lead-only verbs have their own refusal sentences: delete, assign', () => {
  const member = { assigned: true, lead: false };
  assert.match(refusalMessage(canDeleteEvaluation(v('evaluator'), member)) ?? '', /^Bara huvudutvärderaren kan ta bort utvärderingen\.$/);
  assert.match(refusalMessage(canAssignEvaluators(v('evaluator'), member)) ?? '', /^Bara huvudutvärderaren kan ändra vilka som är tilldelade\.$/);
  assert.equal(canAssignEvaluators(v('evaluator'), { assigned: true, lead: true }).allowed, true);
  assert.equal(code(canDeleteEvaluation(PUBLIC, NOT_ASSIGNED)), 'unauthorized');
  assert.equal(code(canDeleteEvaluation(v('evaluator'), NOT_ASSIGNED)), 'forbidden');
});

void test('corrections belong to the original team: admins and evaluators assigned to the original', () => {
  assert.equal(canCorrectEvaluation(v('admin'), NOT_ASSIGNED).allowed, true);
  assert.equal(canCorrectEvaluation(v('evaluator'), { assigned: true, lead: false }).allowed, true);
  const outsider = canCorrectEvaluation(v('evaluator'), NOT_ASSIGNED);
  assert.equal(code(outsider), 'forbidden');
  assert.match(refusalMessage(outsider) ?? '', /team/);
  assert.equal(code(canCorrectEvaluation(v('municipality', '1231'), { assigned: true, lead: true })), 'forbidden');
  assert.equal(code(canCorrectEvaluation(PUBLIC, NOT_ASSIGNED)), 'unauthorized');
});

void test('frameworks and users are managed by administrators only', () => {
  for (const can of [canCreateFramework, canUpdateFramework, canManageUsers]) {
    assert.equal(can(v('admin')).allowed, true);
    assert.equal(code(can(v('evaluator'))), 'forbidden');
    assert.equal(code(can(v('municipality', '1231'))), 'forbidden');
    assert.equal(code(can(PUBLIC)), 'unauthorized');
  }
});

void test('internals and comments: own municipality while shared for review; never the public', () => {
  const review = { status: 'review' as const, municipalityCode: '1231' };
  assert.equal(canReadInternals(v('municipality', '1231'), review).allowed, true);
  assert.equal(canReadInternals(v('municipality', '1480'), review).allowed, false);
  assert.equal(code(canReadInternals(PUBLIC, { ...review, status: 'published' })), 'unauthorized');
  assert.equal(code(canReadInternals(PUBLIC)), 'unauthorized');
  assert.equal(canComment(v('municipality', '1231'), review).allowed, true);
  assert.match(refusalMessage(canComment(v('municipality', '1231'), { ...review, status: 'draft' })) ?? '', /delad för granskning/);
  const published = canComment(v('evaluator'), { ...review, status: 'published' });
  assert.equal(code(published), 'rule_violation');
  assert.match(refusalMessage(published) ?? '', /publicerad/);
});

void test('passwords, e-mail', () => {
  assert.equal(normalizeEmail('  Anna@Kommun.SE '), 'anna@kommun.se');
  assert.match(passwordProblem('kort') ?? '', /minst 10/);
  assert.match(passwordProblem('aaaaaaaaaaaa') ?? '', /för enkelt/);
  assert.match(passwordProblem('anna.svensson-2024', 'anna.svensson@kommun.se') ?? '', /e-postadressens/);
  assert.equal(passwordProblem('korrekt-hast-batteri-9', 'anna@kommun.se'), null);
});

void test('claim → role mapping: highest mapped role wins; bad mappings are reported', () => {
  const { map, problems } = parseRoleMap('kompass-admin=admin, skr=evaluator,kommun=municipality,x=boss,fel');
  assert.deepEqual(map, { 'kompass-admin': 'admin', skr: 'evaluator', kommun: 'municipality' });
  assert.equal(problems.length, 2);
  assert.equal(roleFromClaim(['kommun', 'skr'], map), 'evaluator');
  assert.equal(roleFromClaim('skr kompass-admin', map), 'admin');
  assert.equal(roleFromClaim(['okänd'], map), null);
  assert.equal(roleFromClaim(42, map), null);
});

void test('audit diff keeps only what changed, per subarea and per area field', () => {
  const base = {
    id: 'e', version: 1, updatedAt: 'a', updatedBy: 'x', createdAt: 'a', municipality: { code: '1', name: 'n', kind: 'kommun' },
    scores: { '1.1': 5, '1.2': 6 }, interviews: 10, status: 'draft',
    areas: [{ number: 1, statedScore: null, summary: '', narratives: {}, strengths: [], improvements: [], goodExamples: [] }],
  } as unknown as Evaluation;
  const next = { ...base, version: 2, updatedAt: 'b', scores: { '1.1': 5, '2.1': 3 }, interviews: 12, areas: [{ ...base.areas[0], strengths: ['Bra'] }] } as unknown as Evaluation;
  const d = diffEvaluation(base, next);
  assert.deepEqual(d.before, { version: 1, scores: { '1.2': 6, '2.1': null }, interviews: 10, areas: { 1: { strengths: [] } } });
  assert.deepEqual(d.after, { version: 2, scores: { '1.2': null, '2.1': 3 }, interviews: 12, areas: { 1: { strengths: ['Bra'] } } });
  assert.equal(isEmptyChange(diffEvaluation(base, { ...base, version: 2 } as Evaluation)), true);
});

void test('indicators: others than the municipality and staff see an indicator only when a target ties it to a published item', () => {
  const owner: Viewer = { userId: 'u1', role: 'municipality', municipalityCode: '1231', name: 'Kim' };
  const neighbour: Viewer = { userId: 'u2', role: 'municipality', municipalityCode: '1480', name: 'Alex' };
  const evaluator: Viewer = { userId: 'u3', role: 'evaluator', municipalityCode: null, name: 'Eva' };
  const published = { municipalityCode: '1231', publishedItemIds: new Set(['item-public']) };
  const nothingPublished = { municipalityCode: '1231', publishedItemIds: new Set<string>() };
  const tied = { targets: [{ planItemId: 'item-public' }, { planItemId: 'item-internal' }] };
  const untied = { targets: [{ planItemId: 'item-internal' }, { planItemId: null }] };
  for (const v of [owner, evaluator]) {
    assert.equal(canReadAllIndicators(v, '1231'), true);
    assert.equal(canViewIndicator(v, untied, nothingPublished), true);
    assert.equal(canViewIndicatorTarget(v, { planItemId: null }, nothingPublished), true);
  }
  for (const v of [PUBLIC, neighbour]) {
    assert.equal(canReadAllIndicators(v, '1231'), false);
    assert.equal(canViewIndicator(v, tied, published), true);
    assert.equal(canViewIndicator(v, untied, published), false, 'tied only to an item that is not public');
    assert.equal(canViewIndicator(v, tied, nothingPublished), false, 'no published plan');
    assert.deepEqual(tied.targets.filter((t) => canViewIndicatorTarget(v, t, published)), [{ planItemId: 'item-public' }]);
    assert.equal(canViewIndicatorTarget(v, { planItemId: null }, published), false);
  }
  assert.equal(canViewIndicators(PUBLIC, { municipalityCode: '1231', hasPublishedPlan: false }), false);
  assert.equal(canViewIndicators(PUBLIC, { municipalityCode: '1231', hasPublishedPlan: true }), true);
});
