import { Queue, QueueEvents, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createRedisConnection } from './redis-connection';
import { QueueName } from './queue-name';

// A job put on a queue through the producer connection is processed by a worker on its own connection.
describe('BullMQ connections', () => {
  const url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomBytes(4).toString('hex')}`;

  it('carries a job from producer to worker and ignores a duplicate job id', async () => {
    const producer = createRedisConnection(url, 'producer');
    const consumer = createRedisConnection(url, 'worker');
    const listener = createRedisConnection(url, 'worker');
    const events = new QueueEvents(QueueName.TICKET_TIMERS, { connection: listener, prefix });
    const queue = new Queue(QueueName.TICKET_TIMERS, { connection: producer, prefix });
    const seen: string[] = [];
    const worker = new Worker(
      QueueName.TICKET_TIMERS,
      async (job) => {
        seen.push(job.data.ticketId);
      },
      { connection: consumer, prefix },
    );
    try {
      await events.waitUntilReady();
      const first = await queue.add('deadline', { ticketId: 't1' }, { jobId: 't1:resolve:1', delay: 200 });
      await queue.add('deadline', { ticketId: 't1' }, { jobId: 't1:resolve:1', delay: 200 });
      await first.waitUntilFinished(events, 10_000);
      expect(seen).toEqual(['t1']);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await events.close();
      // BullMQ leaves connections it was given open.
      for (const connection of [producer, consumer, listener]) connection.disconnect();
    }
  });
});
