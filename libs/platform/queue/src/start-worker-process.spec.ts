import { randomBytes } from 'node:crypto';
import { eventually } from './eventually';
import { type JobHandler, jobHandlerTable } from './job-handler';
import { QueueName } from './queue-name';
import { startWorkerProcess, type WorkerProcessConfig } from './start-worker-process';

const config = (): WorkerProcessConfig<QueueName.REMINDERS> => ({
  LOG_LEVEL: 'silent',
  PORT: 0,
  REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
  QUEUES: [QueueName.REMINDERS],
  CONCURRENCY: 1,
  LOCK_DURATION_MS: 30_000,
  SHUTDOWN_TIMEOUT_MS: 1_000,
});

// The start-up both worker apps share: the app's handlers run on its queues behind /readyz and
// /metrics, and a handler table that does not check out stops start-up with nothing left open.
describe('worker process', () => {
  it('runs the app’s handlers, answers /readyz from the app’s check and counts jobs in /metrics', async () => {
    const seen: unknown[] = [];
    let closed = false;
    let ready = false;
    const handler: JobHandler = { name: 'ping', run: async (payload) => seen.push(payload) };
    const worker = await startWorkerProcess('test-worker', config(), async ({ queue }) => ({
      handlers: () => jobHandlerTable({ ping: true }, [handler]),
      ready: async () => ready,
      start: async () => void (await queue(QueueName.REMINDERS).add('ping', { n: 1 })),
      close: async () => void (closed = true),
    }));
    try {
      const url = (path: string) => `http://127.0.0.1:${worker.port}${path}`;
      await eventually(async () => (seen.length ? seen : null));
      expect(seen).toEqual([{ n: 1 }]);
      expect((await fetch(url('/readyz'))).status).toBe(503);
      ready = true;
      expect((await fetch(url('/readyz'))).status).toBe(200);
      const metrics = await eventually(async () => {
        const text = await (await fetch(url('/metrics'))).text();
        return /worker_jobs_processed_total\{queue="reminders",job="ping",service="test-worker"\} 1/.test(
          text,
        )
          ? text
          : null;
      });
      expect(metrics).toContain('worker_jobs_waiting{queue="dead-letter",service="test-worker"} 0');
    } finally {
      await worker.stop();
    }
    expect(closed).toBe(true);
  });

  it('refuses to start on a job without a handler and closes what the app opened', async () => {
    let closed = false;
    const start = startWorkerProcess('test-worker', config(), async () => ({
      handlers: () =>
        jobHandlerTable({ ping: true, pong: true }, [{ name: 'ping', run: async () => undefined }]),
      ready: async () => true,
      close: async () => void (closed = true),
    }));
    await expect(start).rejects.toThrow('no handler for job pong');
    expect(closed).toBe(true);
  });
});
