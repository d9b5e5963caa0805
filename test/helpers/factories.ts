/**
 * Test data factories: each creates what it needs (municipality choice, framework) so tests
 * are isolated by fresh data instead of shared fixtures.
 */
import { SYSTEM } from '../../src/domain/access.ts';
import { randomBytes } from 'node:crypto';
import { MUNICIPALITIES } from '../../src/catalog/municipalities.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import type { Evaluation, EvaluationInput } from '../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../src/domain/framework.ts';
import type { Services } from '../../src/services/index.ts';

const kommuner = MUNICIPALITIES.filter((m) => m.kind === 'kommun');

export function randomMunicipalityCode(): string {
  const m = kommuner[randomBytes(2).readUInt16BE(0) % kommuner.length];
  if (!m) throw new Error('no municipalities');
  return m.code;
}

/** Full points per subarea of a framework, scaled by a factor (0..1), rounded to one decimal. */
export function scoresFor(fw: FrameworkDef, factor: number): Record<string, number> {
  return Object.fromEntries(fw.areas.flatMap((a) => a.subareas.map((s) => [s.id, Math.round((s.max ?? 10) * factor * 10) / 10])));
}

/** A framework version of its own, so averages in a test see only that test's evaluations. */
export async function buildFramework(services: Services, overrides: Partial<FrameworkDef> = {}): Promise<FrameworkDef> {
  const id = `test-${randomBytes(5).toString('hex')}`;
  const fw: FrameworkDef = { ...structuredClone(FRAMEWORK_2020), id, name: `Testversion ${id}`, origin: 'custom', ...overrides };
  await services.frameworks.createFramework({ viewer: SYSTEM, framework: fw });
  return fw;
}

export async function buildEvaluation(services: Services, overrides: Partial<EvaluationInput> = {}): Promise<Evaluation> {
  const input: EvaluationInput = {
    municipalityCode: randomMunicipalityCode(),
    frameworkId: 'kk2020',
    year: 2021,
    evaluators: [{ name: 'Test Utvärderare', organisation: 'SKR', isLead: true }],
    ...overrides,
  };
  return services.evaluations.createEvaluation({ viewer: SYSTEM, input });
}
