import type { Job, Queue } from 'bullmq';
import { Counter, Gauge, Histogram } from 'prom-client';
import { createMetrics, type Metrics } from '@gridgov/platform-observability';
import type { JobObserver } from './job-worker';

/**
 * Prometheus metrics of a worker process: jobs processed and failed, queue depth read from Redis on
 * scrape (so every replica reports the shared queue), lateness of jobs against their due instant.
 * `base` is the process's registry when it already has one (a subgraph that also runs jobs).
 */
export function createWorkerMetrics(service: string, queues: Queue[], base?: Metrics) {
  const metrics = base ?? createMetrics(service);
  const registers = [metrics.registry];
  const labelNames = ['queue', 'job'] as const;
  const processed = new Counter({ name: 'worker_jobs_processed_total', help: 'Jobs completed', labelNames, registers });
  const failed = new Counter({ name: 'worker_jobs_failed_total', help: 'Job attempts that failed', labelNames, registers });
  const deadLettered = new Counter({
    name: 'worker_jobs_dead_lettered_total',
    help: 'Jobs that failed their last attempt and went to the dead-letter queue',
    labelNames,
    registers,
  });
  const lateness = new Histogram({
    name: 'worker_job_lateness_seconds',
    help: 'How long after its due instant a job started',
    labelNames,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 15, 60, 300],
    registers,
  });
  for (const state of ['waiting', 'delayed', 'active', 'failed'] as const)
    new Gauge({
      name: `worker_jobs_${state}`,
      help: `Jobs ${state} in the queue`,
      labelNames: ['queue'] as const,
      registers,
      async collect() {
        for (const queue of queues) this.set({ queue: queue.name }, (await queue.getJobCounts(state))[state] ?? 0);
      },
    });
  const labels = (job: Job) => ({ queue: job.queueName, job: job.name });
  return {
    ...metrics,
    /** Feeds the counters from a worker; `onError` gets errors outside jobs. */
    observer(onError: (error: Error) => void, onFailed: (job: Job, error: Error, final: boolean) => void): JobObserver {
      return {
        started: (job, latenessMs) => lateness.observe(labels(job), latenessMs / 1000),
        completed: (job) => processed.inc(labels(job)),
        failed: (job, error, final) => {
          failed.inc(labels(job));
          if (final) deadLettered.inc(labels(job));
          onFailed(job, error, final);
        },
        error: onError,
      };
    },
  };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
