import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from '@gridgov/platform-testing';
import { ticketDatabase } from '../index';

/** The ticket schema, migrated, in a fresh PostgreSQL schema of its own (specs only). */
export async function openTicketTestDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const schema = freshSchemaName('ticket');
  const dataSource = await initialiseDataSource(
    createDataSource({
      ...ticketDatabase,
      schema,
      url: testDatabaseUrl(),
      poolSize: 4,
      applicationName: 'gridgov-ticket-test',
    }),
  );
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await dropSchemas([schema]);
    },
  };
}

/** A signed-in caller with one grant. */
export function authAs(role: Role, scopeCode: string): AuthContext {
  return new AuthContext({
    accountId: randomUUID(),
    username: `${role.toLowerCase()}@${scopeCode}`,
    grants: [{ role, scopeCode }],
  });
}

/** A department handler: a grant scoped by department, not by code. */
export function authAsHandler(departmentId: string): AuthContext {
  return new AuthContext({
    accountId: randomUUID(),
    username: `handler@${departmentId}`,
    grants: [{ role: Role.DEPARTMENT_HANDLER, departmentId }],
  });
}
