/**
 * Demo accounts for `serve --demo`: one administrator, one evaluator (lead of every demo evaluation),
 * one municipality user for Burlöv (1231) and a second evaluator. Passwords are new at every start
 * unless given, and printed. The two evaluators' independent scores of the Burlöv 2020 demo evaluation
 * (made up for the demo, around its published scores) show the divergence and calibration views.
 */
import { randomBytes } from 'node:crypto';
import { SYSTEM, type AccountRole } from '../domain/access.ts';
import { seededRandom } from '../domain/random.ts';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { Services } from './index.ts';
import type { UserService } from './user.service.ts';

export interface DemoAccount {
  role: AccountRole;
  email: string;
  name: string;
  password: string;
  municipalityCode: string | null;
}

export const DEMO_ACCOUNTS: ReadonlyArray<Omit<DemoAccount, 'password'>> = [
  { role: 'admin', email: 'admin@demo.kompass.se', name: 'Ada Administratör', municipalityCode: null },
  { role: 'evaluator', email: 'utvarderare@demo.kompass.se', name: 'Eva Utvärderare', municipalityCode: null },
  { role: 'municipality', email: 'burlov@demo.kompass.se', name: 'Kim Kvalitetssamordnare (Burlöv)', municipalityCode: '1231' },
  { role: 'evaluator', email: 'utvarderare2@demo.kompass.se', name: 'Per Peer (Västerås)', municipalityCode: null },
];

/** The demo evaluation that carries two evaluators' independent scores. */
const SCORED_DEMO = { municipalityCode: '1231', year: 2020 };

const newPassword = (): string => `demo-${randomBytes(9).toString('base64url')}`;

interface DemoDeps {
  db: Db;
  users: Pick<UserService, 'ensureUserWithPassword'>;
  evaluations: Pick<EvaluationService, 'listEvaluations' | 'getEvaluation'>;
  frameworks: Pick<FrameworkService, 'getFramework'>;
  repositories: Pick<Repositories, 'assignments' | 'independentScores'>;
}

export function createDemoAccountService(deps: DemoDeps) {
  return {
    seedDemoAccounts: (opts: { passwords?: Partial<Record<AccountRole, string>> } = {}) => seedAccounts(deps, opts),
  };
}

/** Seeds (or renews the passwords of) the demo accounts of a running set of services. */
export async function seedDemoAccounts(services: Services, opts: { passwords?: Partial<Record<AccountRole, string>> } = {}): Promise<DemoAccount[]> {
  return services.demoAccounts.seedDemoAccounts(opts);
}

async function seedAccounts(services: DemoDeps, opts: { passwords?: Partial<Record<AccountRole, string>> }): Promise<DemoAccount[]> {
  const { assignments } = services.repositories;
  const out: DemoAccount[] = [];
  const evaluators: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = opts.passwords?.[a.role] ?? newPassword();
    const user = await services.users.ensureUserWithPassword({ input: { email: a.email, name: a.name, role: a.role, municipalityCode: a.municipalityCode }, password });
    if (a.role === 'evaluator') evaluators.push(user.id);
    if (a.role === 'evaluator' && evaluators.length === 1) {
      // Lead of every evaluation that has no assigned team yet (the demo evaluations).
      const { items } = await services.evaluations.listEvaluations({ filter: { limit: 500 }, viewer: SYSTEM });
      for (const e of items) {
        const team = await assignments.list(e.id);
        if (team.length === 0) await assignments.replace(e.id, [{ userId: user.id, isLead: true }]);
      }
    }
    out.push({ ...a, password });
  }
  if (evaluators.length >= 2) await seedDemoSheets(services, evaluators[0] as string, evaluators[1] as string);
  return out;
}

/**
 * Both demo evaluators on the Burlöv 2020 demo evaluation (the first as lead) with submitted
 * independent scores that differ from the published ones by up to a quarter of a subarea's maximum
 * (seeded, the same at every start), and the published scores as the agreed ones. Only once.
 */
async function seedDemoSheets(services: DemoDeps, leadId: string, secondId: string): Promise<void> {
  const { items } = await services.evaluations.listEvaluations({ filter: { municipalityCode: SCORED_DEMO.municipalityCode, year: SCORED_DEMO.year, limit: 5 }, viewer: SYSTEM });
  const target = items.find((e) => e.status === 'published');
  if (!target) return;
  const { independentScores: sheets, assignments } = services.repositories;
  if (await sheets.started(target.id)) return;
  const evaluation = await services.evaluations.getEvaluation({ id: target.id, viewer: SYSTEM });
  const framework = await services.frameworks.getFramework({ id: evaluation.frameworkId });
  const random = seededRandom(2020_1231);
  const own = (share: number) =>
    Object.fromEntries(
      framework.areas.flatMap((a) =>
        a.subareas.flatMap((s) => {
          const agreed = evaluation.scores[s.id];
          if (agreed === undefined || s.max === null) return [];
          const offset = Math.round((random() * 2 - 1) * share * s.max * 2) / 2;
          return [[s.id, Math.min(s.max, Math.max(0, agreed + offset))]];
        }),
      ),
    );
  await services.db.transaction(async (tx) => {
    const t = tx as unknown as typeof services.db;
    await assignments.replace(target.id, [{ userId: leadId, isLead: true }, { userId: secondId, isLead: false }], t);
    await sheets.saveSheet({ evaluationId: target.id, userId: leadId, scores: own(0.1), submitted: true }, t);
    await sheets.saveSheet({ evaluationId: target.id, userId: secondId, scores: own(0.25), submitted: true }, t);
    await sheets.upsertAgreed(target.id, Object.entries(evaluation.scores).map(([subareaId, value]) => ({ subareaId, value, reason: 'Demo: överenskommen poäng efter genomgång av underlaget' })), 'Demo', t);
  });
}

export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const rows = accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(30)} ${a.password}${a.municipalityCode ? `  (kommun ${a.municipalityCode})` : ''}`);
  return `Demokonton (lösenorden gäller tills nästa start med --demo):\n${rows.join('\n')}`;
}
