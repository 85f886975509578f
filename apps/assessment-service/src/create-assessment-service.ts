import { startSubgraph, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import type { AssessmentServiceConfig } from './assessment-service.config';

export function createAssessmentService(
  config: AssessmentServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  return startSubgraph(createAssessmentSubgraph(), {
    port: config.PORT,
    databaseUrl: config.DATABASE_URL,
    databaseSchema: overrides.databaseSchema,
    poolSize: config.DATABASE_POOL_SIZE,
    gatewayPublicKey: config.GATEWAY_PUBLIC_KEY,
    nodeEnv: config.NODE_ENV,
    logLevel: config.LOG_LEVEL,
    demoData: config.DEMO_DATA,
  });
}
