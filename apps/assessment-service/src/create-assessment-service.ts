import { startSubgraph, subgraphOptions, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createLogger, createMetrics } from '@gridgov/platform-observability';
import { GatewayFactSource } from '@gridgov/assessment-data-access';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { enqueueDemoRuns, startAssessmentJobs } from '@gridgov/assessment-jobs';
import type { AssessmentServiceConfig } from './assessment-service.config';

/** The subgraph, and with Redis the scheduled runs (period ends; demo runs of the current period). */
export async function createAssessmentService(
  config: AssessmentServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  const facts = config.ACCESS_TOKEN_SECRET
    ? { gatewayUrl: () => config.GATEWAY_URL, accessTokenSecret: config.ACCESS_TOKEN_SECRET }
    : undefined;
  // One registry for the subgraph and the run worker: /metrics serves both.
  const metrics = createMetrics('assessment-service');
  const subgraph = await startSubgraph(
    createAssessmentSubgraph({ facts }),
    subgraphOptions(config, {
      databaseSchema: overrides.databaseSchema,
      metrics,
    }),
  );
  if (!config.REDIS_URL || !facts) return subgraph;
  const jobs = await startAssessmentJobs({
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    dataSource: subgraph.dataSource,
    facts: new GatewayFactSource(facts),
    log: createLogger('assessment-jobs', config.LOG_LEVEL),
    metrics,
  });
  if (config.DEMO_DATA) await enqueueDemoRuns(jobs, subgraph.dataSource);
  return {
    ...subgraph,
    async stop() {
      await jobs.stop();
      await subgraph.stop();
    },
  };
}
