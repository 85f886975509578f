import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { eventually } from './eventually';
import { type JobHandler, jobHandlerTable } from './job-handler';
import { startJobWorker } from './job-worker';
import { QueueName } from './queue-name';
import { createRedisConnection } from './redis-connection';

const handler = (name: string, run: JobHandler['run'] = async () => undefined): JobHandler => ({ name, run });

// The checked handler table refuses to start with a job nobody handles, two handlers for one job or a
// stray handler; a stopping worker returns a job still running after the timeout to the wait list.
describe('job worker', () => {
  it('checks the handler table at start-up', () => {
    const names = { a: true, b: true } as const;
    expect(jobHandlerTable(names, [handler('a'), handler('b')]).size).toBe(2);
    expect(() => jobHandlerTable(names, [handler('a')])).toThrow('no handler for job b');
    expect(() => jobHandlerTable(names, [handler('a'), handler('b'), handler('a')])).toThrow('two handlers for job a');
    expect(() => jobHandlerTable(names, [handler('a'), handler('b'), handler('c')])).toThrow('job handler c matches no job name');
  });

  it('returns a job still running at shutdown to the queue', async () => {
    const url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    const producer = createRedisConnection(url, 'producer');
    const consumer = createRedisConnection(url, 'worker');
    const queue = new Queue(QueueName.REMINDERS, { connection: producer, prefix });
    let started = false;
    let release: () => void = () => undefined;
    const running = startJobWorker({
      queue: QueueName.REMINDERS,
      handlers: jobHandlerTable({ slow: true }, [
        handler('slow', () => {
          started = true;
          return new Promise<void>((resolve) => (release = resolve));
        }),
      ]),
      connection: consumer,
      prefix,
      concurrency: 1,
    });
    try {
      await queue.add('slow', {}, { jobId: 'slow-1' });
      await eventually(async () => (started ? true : null));
      expect(await running.close(100)).toEqual({ returned: 1 });
      expect(await (await queue.getJob('slow-1'))?.getState()).toBe('waiting');
    } finally {
      release();
      await queue.obliterate({ force: true });
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    }
  });
});
