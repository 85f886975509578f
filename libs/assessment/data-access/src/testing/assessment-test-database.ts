import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthContext, type Grant } from '@gridgov/platform-auth';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from '@gridgov/platform-testing';
import { assessmentDatabase } from '../index';

/** The assessment schema migrated into a fresh PostgreSQL schema; `drop()` removes it. */
export async function startAssessmentTestDatabase(): Promise<{
  dataSource: DataSource;
  drop(): Promise<void>;
}> {
  const schema = freshSchemaName('assessment');
  const dataSource = await initialiseDataSource(
    createDataSource({
      ...assessmentDatabase,
      url: testDatabaseUrl(),
      schema,
      poolSize: 2,
      applicationName: 'gridgov-assessment-test',
    }),
  );
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropSchemas([schema]);
    },
  };
}

/** A signed-in caller holding the given grants. */
export const callerWith = (...grants: Grant[]) => new AuthContext({ accountId: randomUUID(), grants });
