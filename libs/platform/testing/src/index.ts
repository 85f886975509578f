export { dropSchemas, freshSchemaName, testDatabaseUrl } from './test-database';
export { startTestGraph, type GraphQLResult, type TestGraph, type TestSecrets } from './test-graph';
