import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthContext, type Grant } from '@gridgov/platform-auth';
import { createDataSource, type DataSourceOptions, initialiseDataSource } from '@gridgov/platform-database';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from './test-database';

export interface TestDatabase {
  dataSource: DataSource;
  /** Closes the connections and drops the schema. */
  close(): Promise<void>;
}

/** A service's schema, migrated by its real migrations, in a fresh PostgreSQL schema of its own. */
export async function openTestDatabase(database: Pick<DataSourceOptions, 'schema' | 'entities' | 'migrations'>): Promise<TestDatabase> {
  const schema = freshSchemaName(database.schema);
  const dataSource = await initialiseDataSource(
    createDataSource({ ...database, schema, url: testDatabaseUrl(), poolSize: 4, applicationName: `gridgov-${database.schema}-test` }),
  );
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await dropSchemas([schema]);
    },
  };
}

/** A signed-in caller holding the given grants. */
export const callerWith = (...grants: Grant[]): AuthContext => new AuthContext({ accountId: randomUUID(), grants });

/** From now on, counts the statements `dataSource` sends, so a spec can assert what a request costs. */
export function countStatements(dataSource: DataSource): { readonly count: number; reset(): void } {
  let count = 0;
  const ignore = () => undefined;
  dataSource.setOptions({
    logger: {
      logQuery: () => void count++,
      logQueryError: ignore,
      logQuerySlow: ignore,
      logSchemaBuild: ignore,
      logMigration: ignore,
      log: ignore,
    },
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
