/**
 * PostgreSQL roles: an owner role runs the migrations and owns every table (and so the audit trigger);
 * the application connects as a role with data rights only. That role cannot `ALTER TABLE audit_log
 * DISABLE TRIGGER` (only the owner can) and has no UPDATE, DELETE or TRUNCATE on audit_log at all.
 * Run as the owner (KOMPASS_MIGRATION_DATABASE_URL); repeated at every start so tables added by later
 * migrations are covered.
 */
import pg from 'pg';

export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    await client.query('begin');
    for (const statement of [
      `grant usage on schema public to ${r}`,
      `grant select, insert, update, delete on all tables in schema public to ${r}`,
      `grant usage, select on all sequences in schema public to ${r}`,
      `revoke update, delete, truncate on audit_log from ${r}`,
      // The app checks at start that the migrations are applied.
      `grant usage on schema drizzle to ${r}`,
      `grant select on all tables in schema drizzle to ${r}`,
    ]) {
      await client.query(statement);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/** The role a connection string signs in as. */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('select current_user as role');
    return rows[0]?.role ?? '';
  } finally {
    await client.end();
  }
}
