import type { Viewer } from '../../domain/access.ts';
import { parseArgs } from 'node:util';
import { normalizeEmail } from '../../domain/auth.ts';
import { DomainError } from '../../domain/errors.ts';

/** The command line acts as an administrator, recorded as such in the audit trail. */
const CLI_ADMIN: Viewer = { userId: null, role: 'admin', municipalityCode: null, name: 'kommandoraden' };
import { UsageError, type Command } from '../types.ts';

export const userCommand: Command = {
  name: 'user',
  summary: 'Skapar en administratör, listar användare eller ger en engångslänk för nytt lösenord',
  usage: 'kompass user create-admin --email E --password P [--name N] | kompass user list | kompass user reset-link --email E',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    });
    const [sub] = positionals;
    if (sub !== 'create-admin' && sub !== 'list' && sub !== 'reset-link') throw new UsageError('Ange create-admin, list eller reset-link.');
    if ((sub === 'create-admin' || sub === 'reset-link') && !values.email) throw new UsageError('Ange --email.');
    if (sub === 'create-admin' && !values.password) throw new UsageError('Ange --password.');
    const runtime = await ctx.openRuntime();
    try {
      const users = runtime.services.users;
      if (sub === 'create-admin') {
        const u = await users.createAdmin({ email: values.email ?? '', password: values.password ?? '', ...(values.name ? { name: values.name } : {}) });
        ctx.out(`Skapade administratören ${u.email} (${u.id}).`);
        return 0;
      }
      const all = await users.listUsers({ viewer: CLI_ADMIN });
      if (sub === 'list') {
        for (const u of all) ctx.out(`${u.email.padEnd(36)} ${u.role.padEnd(13)} ${u.municipalityCode ?? ''}${u.disabled ? ' (spärrad)' : ''}`);
        if (all.length === 0) ctx.out('Det finns inga användare. Skapa en med kompass user create-admin.');
        return 0;
      }
      const target = all.find((u) => u.email === normalizeEmail(values.email ?? ''));
      if (!target) throw new DomainError('not_found', `Det finns ingen användare med e-postadressen ${values.email ?? ''}.`);
      const base = runtime.config.publicUrl ?? `http://localhost:${runtime.config.port}`;
      const link = await users.issuePasswordReset({ id: target.id, viewer: CLI_ADMIN, baseUrl: base });
      ctx.out(`Engångslänk (giltig till ${link.expiresAt}):\n${link.url}`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
