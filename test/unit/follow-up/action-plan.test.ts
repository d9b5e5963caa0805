import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../../src/catalog/framework-2020.ts';
import {
  addMonths,
  cadenceState,
  changesSince,
  checkItem,
  diffActionPlan,
  newOwnItem,
  overdueActions,
  patchItem,
  planFromOpportunities,
  subareaOfImprovement,
  type ActionPlanItemData,
} from '../../../src/domain/action-plan.ts';
import { DEMO_EVALUATIONS } from '../../../src/demo/demo-data.ts';

let n = 0;
const ids = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

void test('plan from opportunities: one item per improvement opportunity, in area order, nothing else', () => {
  const burlov = DEMO_EVALUATIONS.find((e) => e.municipalityCode === '1231');
  const areas = (burlov?.areas ?? []).map((a) => ({ number: a.number, improvements: a.improvements ?? [] }));
  const expected = areas.reduce((s, a) => s + a.improvements.length, 0);
  const items = planFromOpportunities([...areas].reverse(), FRAMEWORK_2020, ids);
  assert.equal(items.length, expected);
  assert.deepEqual(items.map((i) => i.areaNumber), [...items.map((i) => i.areaNumber)].sort((a, b) => (a ?? 0) - (b ?? 0)));
  assert.equal(items[0]?.improvement, 'Webbsändning av fullmäktiges sammanträden');
  assert.ok(items.every((i) => i.source === 'opportunity' && i.status === 'not_started' && i.actions.length === 0 && i.public));
  assert.equal(new Set(items.map((i) => i.id)).size, items.length);
});

void test('an opportunity is linked to the subarea its text names (number or title), else to none', () => {
  assert.equal(subareaOfImprovement('Delområde 1.3: fler dialogformer', 1, FRAMEWORK_2020), '1.3');
  assert.equal(subareaOfImprovement('Arbeta mer med transparens kring resultat i nämnderna', 1, FRAMEWORK_2020), '1.4');
  assert.equal(subareaOfImprovement('Se 2.3 och 1.3', 1, FRAMEWORK_2020), '1.3', 'only subareas of the same area');
  assert.equal(subareaOfImprovement('Webbsändning av fullmäktige', 1, FRAMEWORK_2020), null);
  assert.equal(subareaOfImprovement('Version 11.3 av systemet', 1, FRAMEWORK_2020), null);
});

const item = (over: Partial<ActionPlanItemData> = {}): ActionPlanItemData => ({
  id: ids(), source: 'opportunity', areaNumber: 1, subareaId: null, improvement: 'X', comment: '', status: 'not_started', droppedReason: '', priority: null, public: true, actions: [], ...over,
});

void test('dropping an item needs a reason; dates must be in order; the subarea must belong to the area', () => {
  assert.match(checkItem(item({ status: 'dropped' }), FRAMEWORK_2020)[0]?.message ?? '', /varför/);
  assert.deepEqual(checkItem(item({ status: 'dropped', droppedReason: 'Ersatt av ny strategi' }), FRAMEWORK_2020), []);
  const late = patchItem(item(), { actions: [{ text: 'Utreda', start: '2024-05-01', plannedDone: '2024-03-01' }] }, ids);
  assert.match(checkItem(late, FRAMEWORK_2020)[0]?.message ?? '', /Åtgärd 1: planerat klart \(2024-03-01\) är före start/);
  assert.match(checkItem(item({ subareaId: '2.1' }), FRAMEWORK_2020)[0]?.message ?? '', /hör inte till område 1/);
  assert.match(checkItem(item({ subareaId: '1.9' }), FRAMEWORK_2020)[0]?.message ?? '', /finns inte/);
});

void test('patching: opportunity items keep the report wording; own items can be reworded; actions get ids', () => {
  const fixed = patchItem(item({ improvement: 'Rapportens text' }), { improvement: 'Ny text', comment: 'Vi börjar i höst' }, ids);
  assert.equal(fixed.improvement, 'Rapportens text');
  assert.equal(fixed.comment, 'Vi börjar i höst');
  const own = newOwnItem({ improvement: 'Egen punkt', subareaId: '3.2' }, ids);
  assert.equal(own.source, 'own');
  assert.equal(own.areaNumber, 3);
  const withActions = patchItem(own, { actions: [{ text: 'Ta fram riktlinje', responsible: 'Anna', unit: 'KS' }] }, ids);
  assert.match(withActions.actions[0]?.id ?? '', /^0{8}-/);
  const dropped = patchItem(own, { status: 'dropped', droppedReason: 'Ingår i annan plan' }, ids);
  assert.equal(patchItem(dropped, { status: 'ongoing' }, ids).droppedReason, '', 'taking it up again clears the reason');
});

void test('cadence: the next report-back is due one period after the last; overdue after that', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-11-15', 3), '2025-02-15');
  assert.deepEqual(cadenceState('quarterly', '2024-01-10', null, '2024-03-01'), { cadence: 'quarterly', lastReportDate: null, nextDue: '2024-04-10', overdue: false });
  assert.equal(cadenceState('quarterly', '2024-01-10', '2024-04-05', '2024-07-06').overdue, true);
  assert.equal(cadenceState('yearly', '2024-01-10', '2024-04-05', '2024-07-06').nextDue, '2025-04-05');
});

void test('overdue actions: planned before today, not done, in open items only', () => {
  const items = [
    item({ status: 'ongoing', actions: [{ id: 'a', text: 'Sen', responsible: 'Bo', unit: 'KS', start: null, plannedDone: '2024-01-01', done: null }, { id: 'b', text: 'Klar', responsible: '', unit: '', start: null, plannedDone: '2024-01-01', done: '2024-01-02' }] }),
    item({ status: 'done', actions: [{ id: 'c', text: 'I klar punkt', responsible: '', unit: '', start: null, plannedDone: '2024-01-01', done: null }] }),
  ];
  const late = overdueActions(items, '2024-02-01');
  assert.deepEqual(late.map((a) => [a.actionId, a.responsible]), [['a', 'Bo, KS']]);
});

void test('what changed since the last report-back: status, new and finished actions, new items', () => {
  const base = item({ actions: [{ id: 'a', text: 'Webbsända', responsible: '', unit: '', start: null, plannedDone: '2024-06-01', done: null }] });
  const now = [{ ...base, status: 'done' as const, actions: [{ ...(base.actions[0] as ActionPlanItemData['actions'][number]), done: '2024-05-20' }, { id: 'b', text: 'Utvärdera', responsible: '', unit: '', start: null, plannedDone: null, done: null }] }, item({ id: 'new-item' })];
  const changes = changesSince({ items: [base] }, now);
  assert.deepEqual(changes[0]?.changes, ['Status: ej påbörjad → klar', 'Klar 2024-05-20: Webbsända', 'Ny åtgärd: Utvärdera']);
  assert.equal(changes[1]?.isNew, true);
  assert.deepEqual(changesSince(null, now)[0]?.changes, [], 'the first report-back has nothing to compare with');
});

void test('audit diff records only the fields that changed, per item', () => {
  const a = item();
  const state = { version: 1, title: 'P', caseNumber: '', officer: '', cadence: 'quarterly' as const, published: false, items: [a] };
  const d = diffActionPlan(state, { ...state, version: 2, published: true, items: [{ ...a, status: 'ongoing' }] });
  assert.deepEqual(d.before, { version: 1, published: false, items: { [a.id]: { status: 'not_started' } } });
  assert.deepEqual(d.after, { version: 2, published: true, items: { [a.id]: { status: 'ongoing' } } });
});
