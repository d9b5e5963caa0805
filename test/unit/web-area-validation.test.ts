import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { TEXT_LIMITS } from '../../src/domain/input.ts';
import { emptyArea, validateAreaTexts } from '../../web/src/features/edit/draft.ts';
import { translate, type TFunction } from '../../web/src/i18n/i18n.tsx';
import type { FrameworkDef } from '../../web/src/lib/types.ts';

const t: TFunction = (key, params) => translate('sv', key, params);
const fw = FRAMEWORK_2020 as unknown as FrameworkDef;

test('area texts over the schema limits are problems while typing, worded in Swedish, at their fields', () => {
  const area = { ...emptyArea(), summary: 'x'.repeat(TEXT_LIMITS.summary + 1), strengths: ['', 'kort', 's'.repeat(TEXT_LIMITS.item + 5)], narratives: { '1.1': 'Bra' } };
  const errors = validateAreaTexts(fw, { 1: area }, t, 'sv');
  assert.deepEqual(errors.map((e) => e.fieldId).sort(), ['omrade-1-sammanfattning', 'styrka-1-2']);
  const strength = errors.find((e) => e.fieldId === 'styrka-1-2');
  assert.equal(strength?.area, 1);
  assert.match(strength?.message ?? '', /^1\. Styrkor: Punkt 3: För lång: högst 2000 tecken/);
  assert.doesNotMatch(errors.map((e) => e.message).join(' '), /Too big|expected/);
});

test('texts within the limits, and empty rows (dropped on saving), are no problems', () => {
  assert.deepEqual(validateAreaTexts(fw, { 2: { ...emptyArea(), summary: 'Sammanfattning', improvements: ['', '  '] } }, t, 'sv'), []);
});
