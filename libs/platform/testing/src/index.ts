export { dropSchemas, freshSchemaName, testDatabaseUrl } from './test-database';
export { callerWith, countStatements, openTestDatabase, type TestDatabase } from './test-data-source';
export { startTestGraph, type GraphQLResult, type TestGraph, type TestSecrets } from './test-graph';
