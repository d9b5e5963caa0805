/**
 * Demo accounts for `serve --demo`: one administrator, one evaluator (lead of every demo evaluation)
 * and one municipality user for Burlöv (1231). Passwords are new at every start unless given, and printed.
 */
import { randomBytes } from 'node:crypto';
import { SYSTEM, type AccountRole } from '../domain/access.ts';
import type { Services } from './index.ts';

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
];

const newPassword = (): string => `demo-${randomBytes(9).toString('base64url')}`;

export async function seedDemoAccounts(services: Services, opts: { passwords?: Partial<Record<AccountRole, string>> } = {}): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = opts.passwords?.[a.role] ?? newPassword();
    const user = await services.users.ensureUserWithPassword({ input: { email: a.email, name: a.name, role: a.role, municipalityCode: a.municipalityCode }, password });
    if (a.role === 'evaluator') {
      // Lead of every evaluation that has no assigned team yet (the demo evaluations).
      const { items } = await services.evaluations.listEvaluations({ filter: { limit: 500 }, viewer: SYSTEM });
      for (const e of items) {
        const team = await services.evaluations.assignments.list(e.id);
        if (team.length === 0) await services.evaluations.assignments.replace(e.id, [{ userId: user.id, isLead: true }]);
      }
    }
    out.push({ ...a, password });
  }
  return out;
}

export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const rows = accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(30)} ${a.password}${a.municipalityCode ? `  (kommun ${a.municipalityCode})` : ''}`);
  return `Demokonton (lösenorden gäller tills nästa start med --demo):\n${rows.join('\n')}`;
}
