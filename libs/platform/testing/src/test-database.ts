import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The database `npm test` found or started (tools/dev/test.js sets it). */
export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run tests with `npm test`, which finds or starts PostgreSQL');
  return url;
}

/** A schema name no other test file uses, e.g. `org_t3f9a1c2`. */
export function freshSchemaName(prefix: string): string {
  return `${prefix}_t${randomBytes(5).toString('hex')}`;
}

export async function dropSchemas(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
