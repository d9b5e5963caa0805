import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { calibration, consensusMissing, independentView, isDivergent, spreadOf, validateAgreedScores, validateIndependentScores, type IndependentSheet } from '../../src/domain/consensus.ts';

const fw = FRAMEWORK_2020;
const all = (v: number) => Object.fromEntries(fw.areas.flatMap((a) => a.subareas.map((s) => [s.id, Math.min(v, s.max ?? v)])));
const sheet = (userId: string, submitted: boolean, scores: Record<string, number>): IndependentSheet => ({ userId, name: userId, submitted, scores });

void describe('independent scoring rules', () => {
  void test('spread is highest minus lowest, and a divergence is at least a fifth of the maximum', () => {
    assert.equal(spreadOf([]), null);
    assert.equal(spreadOf([7]), 0);
    assert.equal(spreadOf([7, 12.5, 9]), 5.5);
    assert.equal(isDivergent(4, 20), true);
    assert.equal(isDivergent(3.9, 20), false);
    assert.equal(isDivergent(0, 20), false);
  });

  void test('submission requires every subarea; values stay within 0..max', () => {
    assert.deepEqual(validateIndependentScores(fw, all(5), true), []);
    const missing = validateIndependentScores(fw, { '1.1': 5 }, true);
    assert.match(missing.at(-1)?.message ?? '', /saknas: 1\.2/);
    assert.deepEqual(validateIndependentScores(fw, { '1.1': 5 }, false), []);
    assert.match(validateIndependentScores(fw, { '1.1': -1 }, false)[0]?.message ?? '', /från 0/);
    assert.match(validateIndependentScores(fw, { '7.9': 1 }, false)[0]?.message ?? '', /finns inte/);
  });

  void test("others' scores are hidden until the viewer submits; drafts are never shown", () => {
    const sheets = [sheet('a', true, all(8)), sheet('b', false, all(3)), sheet('c', true, all(2))];
    const before = independentView({ framework: fw, sheets, agreed: [], viewerUserId: 'b', viewerIsScorer: true });
    assert.ok(before.subareas.every((s) => s.others === null && s.spread === null && s.divergent === null));
    assert.equal(before.subareas[0]?.mine, 3);
    const forA = independentView({ framework: fw, sheets, agreed: [], viewerUserId: 'a', viewerIsScorer: true });
    assert.deepEqual(forA.subareas[0]?.others, [{ userId: 'c', value: 2 }], "b's draft is not shown");
    assert.equal(forA.subareas[0]?.spread, 6);
    assert.equal(forA.readyForConsensus, false);
    const admin = independentView({ framework: fw, sheets, agreed: [], viewerUserId: 'x', viewerIsScorer: false });
    assert.equal(admin.subareas[0]?.others?.length, 2);
  });

  void test('publishing waits for every submission and every agreed subarea; teams without sheets are not gated', () => {
    assert.deepEqual(consensusMissing(fw, { started: false, sheets: [sheet('a', false, {})], agreed: [] }), []);
    const sheets = [sheet('a', true, all(8)), sheet('b', false, {})];
    const m = consensusMissing(fw, { started: true, sheets, agreed: [{ subareaId: '1.1', value: 5, reason: 'x', agreedBy: 'a', agreedAt: '' }] });
    assert.match(m[0]?.message ?? '', /inte inlämnad av: b/);
    assert.match(m[1]?.message ?? '', /delområde 1\.2/);
    assert.doesNotMatch(m[1]?.message ?? '', /1\.1,/);
  });

  void test('agreed scores need a reason and a known subarea', () => {
    assert.deepEqual(validateAgreedScores(fw, [{ subareaId: '1.1', value: 5, reason: 'Enades' }]), []);
    assert.equal(validateAgreedScores(fw, [{ subareaId: '1.1', value: 5, reason: '' }]).length, 1);
    assert.equal(validateAgreedScores(fw, [{ subareaId: '1.1', value: 5, reason: 'a' }, { subareaId: '1.1', value: 4, reason: 'b' }]).length, 1);
  });

  void test('calibration ranks subareas by how much evaluators disagree', () => {
    const e1 = [sheet('a', true, { ...all(5), '2.1': 1 }), sheet('b', true, { ...all(5), '2.1': 9 })];
    const e2 = [sheet('a', true, { ...all(5), '2.1': 2 }), sheet('c', true, { ...all(6), '2.1': 8 })];
    const rows = calibration(fw, [e1, e2, [sheet('d', true, all(1))]]);
    assert.equal(rows[0]?.subareaId, '2.1');
    assert.equal(rows[0]?.evaluations, 2);
    assert.equal(rows[0]?.meanSpread, 7);
  });
});
