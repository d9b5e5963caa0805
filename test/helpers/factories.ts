/**
 * Test data factories: each creates what it needs (municipality choice, framework) so tests
 * are isolated by fresh data instead of shared fixtures. Choices come from a seeded generator:
 * the same data on every run (seed from KOMPASS_TEST_SEED, else a fixed default); the seed is
 * printed when a test fails, so a failing run can be repeated exactly.
 */
import { after } from 'node:test';
import { SYSTEM } from '../../src/domain/access.ts';
import { MUNICIPALITIES } from '../../src/catalog/municipalities.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import type { Evaluation, EvaluationInput } from '../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../src/domain/framework.ts';
import type { Services } from '../../src/services/index.ts';
import { seededRandom as seeded } from '../../src/domain/random.ts';

export const TEST_SEED = Number.parseInt(process.env.KOMPASS_TEST_SEED ?? '', 10) || 20260101;


export const random = seeded(TEST_SEED);

/** A hex tag from the seeded generator (unique names within a run). */
export function seededTag(bytes = 5): string {
  return Array.from({ length: bytes }, () => Math.floor(random() * 256).toString(16).padStart(2, '0')).join('');
}

// Printed at the end of a test file when any test in it failed (process.exitCode is set by the runner).
after(() => {
  if (process.exitCode) console.error(`Testdata: KOMPASS_TEST_SEED=${TEST_SEED} (sätt samma värde för att köra om med samma data)`);
});

const kommuner = MUNICIPALITIES.filter((m) => m.kind === 'kommun');

export function randomMunicipalityCode(): string {
  const m = kommuner[Math.floor(random() * kommuner.length)];
  if (!m) throw new Error('no municipalities');
  return m.code;
}

/** Full points per subarea of a framework, scaled by a factor (0..1), rounded to one decimal. */
export function scoresFor(fw: FrameworkDef, factor: number): Record<string, number> {
  return Object.fromEntries(fw.areas.flatMap((a) => a.subareas.map((s) => [s.id, Math.round((s.max ?? 10) * factor * 10) / 10])));
}

/** A framework version of its own, so averages in a test see only that test's evaluations. */
export async function buildFramework(services: Services, overrides: Partial<FrameworkDef> = {}): Promise<FrameworkDef & { version: number }> {
  const id = `test-${seededTag()}`;
  const fw: FrameworkDef = { ...structuredClone(FRAMEWORK_2020), id, name: `Testversion ${id}`, origin: 'custom', ...overrides };
  const stored = await services.frameworks.createFramework({ viewer: SYSTEM, framework: fw });
  return { ...fw, version: stored.version };
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
