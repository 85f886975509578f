import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram } from 'prom-client';
import { createMetrics } from '@gridgov/platform-observability';

/** Prometheus metrics of a worker process: jobs processed and failed, queue depth, timer lateness. */
export function createWorkerMetrics(service: string, queues: Queue[]) {
  const metrics = createMetrics(service);
  const registers = [metrics.registry];
  const processed = new Counter({
    name: 'worker_jobs_processed_total',
    help: 'Jobs completed, by queue and job name',
    labelNames: ['queue', 'job'] as const,
    registers,
  });
  const failed = new Counter({
    name: 'worker_jobs_failed_total',
    help: 'Job attempts that failed, by queue and job name',
    labelNames: ['queue', 'job'] as const,
    registers,
  });
  const lateness = new Histogram({
    name: 'worker_timer_lateness_seconds',
    help: 'How late a delayed job started, after the instant it was due',
    labelNames: ['queue', 'job'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 15, 60],
    registers,
  });
  const depth = (name: string, help: string, state: 'waiting' | 'delayed' | 'active') =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers,
      // Read from Redis on scrape, so every replica reports the shared queue's depth.
      async collect() {
        for (const queue of queues) this.set({ queue: queue.name }, (await queue.getJobCounts(state))[state] ?? 0);
      },
    });
  depth('worker_jobs_waiting', 'Jobs ready to run', 'waiting');
  depth('worker_jobs_delayed', 'Jobs waiting for their instant (pending timers)', 'delayed');
  depth('worker_jobs_active', 'Jobs running now', 'active');
  return { ...metrics, processed, failed, lateness };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
