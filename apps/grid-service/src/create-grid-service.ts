import { createGridSubgraph } from '@gridgov/grid-graphql';
import { residentImportQueue, startResidentImportWorker } from '@gridgov/grid-jobs';
import { startSubgraph, subgraphOptions, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createLogger } from '@gridgov/platform-observability';
import { createWorkerMetrics, RedisConnections } from '@gridgov/platform-queue';
import type { GridServiceConfig } from './grid-service.config';

/** The subgraph and its resident-import worker (it holds the personal-data keys, so it runs here). */
export async function createGridService(
  config: GridServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  const keys = { encryptionKey: config.PERSONAL_DATA_KEY, hashKey: config.PERSONAL_DATA_HASH_KEY };
  const log = createLogger('grid-imports', config.LOG_LEVEL);
  const connections = new RedisConnections(config.REDIS_URL);
  const imports = residentImportQueue(connections.get('producer'), config.QUEUE_PREFIX);
  const metrics = createWorkerMetrics('grid-service', [imports.queue]);
  let subgraph: RunningSubgraph;
  try {
    subgraph = await startSubgraph(
      createGridSubgraph(keys, { dispatch: imports.dispatch, maxUploadBytes: config.IMPORT_MAX_BYTES }),
      subgraphOptions(config, {
        databaseSchema: overrides.databaseSchema,
        metrics,
      }),
    );
  } catch (error) {
    connections.disconnectAll();
    throw error;
  }
  const worker = await startResidentImportWorker({
    dataSource: subgraph.dataSource,
    keys,
    imports,
    connection: connections.get('worker'),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.IMPORT_CONCURRENCY,
    lockDurationMs: config.IMPORT_LOCK_MS,
    reconcileEveryMs: config.IMPORT_RECONCILE_MS,
    observer: metrics.observer(
      (error) => log.error({ err: error }, 'import worker error'),
      (job, error, final) => log.warn({ jobId: job.id, final, err: error }, 'resident import failed'),
    ),
    log,
  });
  log.info({ concurrency: config.IMPORT_CONCURRENCY }, 'resident import worker ready');
  return {
    ...subgraph,
    async stop() {
      // No new imports; running ones get the timeout, then go back to the queue for another replica.
      const { returned } = await worker.close(config.SHUTDOWN_TIMEOUT_MS);
      if (returned) log.warn({ returned }, 'imports still running at shutdown were returned to the queue');
      await subgraph.stop();
      await imports.queue.close();
      connections.disconnectAll();
    },
  };
}
