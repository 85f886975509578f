// Pending SLA timers at scale: schedules COUNT timer jobs (default 1,000,000) the way the ticket
// worker does (deterministic ids, ids-only payloads, removeOnComplete), spread over the next 30 days,
// then 10,000 due in the same second and a probe of 2,000 due one every 10 ms, and runs a BullMQ
// worker with a no-op handler (the queue machinery, not PostgreSQL, is what is measured). Prints
// Redis memory per pending timer, firing lateness p50/p99/max and how long the burst took to drain.
//
//   node tools/dev/run-ts.js tools/bench/timers.ts [count]
//   REDIS_ARGS="--hash-max-listpack-value 512" node tools/dev/run-ts.js tools/bench/timers.ts   (extra redis-server settings)
//
// Uses a private redis-server (hz 100, noeviction, no persistence) when one is on PATH, else
// REDIS_URL in a fresh key prefix (never flushed).
import { randomUUID } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { pendingTimers, SupervisionColor, TicketStatus } from '@gridgov/ticket-data-access';
import { timerJob } from '@gridgov/ticket-jobs';
import { redisServerAvailable, startPrivateRedis } from '../../apps/ticket-worker/src/testing/worker-test-kit';
import { percentile } from './bench-stats';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const BURST = 10_000;
const PROBE = 2_000;
const DAY = 86_400_000;
const CHUNK = 2_000;

/** A ticket's three colour timers, as the relay would schedule them. */
function timersOf(warningAt: number, spanMs: number) {
  return pendingTimers(
    {
      id: randomUUID(),
      status: TicketStatus.ASSIGNED,
      slaVersion: 1,
      clockStage: 'RESOLVE',
      warningAt: new Date(warningAt),
      deadlineAt: new Date(warningAt + spanMs),
      redAt: new Date(warningAt + 2 * spanMs),
      pausedAt: null,
      supervisionColor: SupervisionColor.GREEN,
      satisfaction: null,
    },
    null,
  );
}

async function main() {
  const privateRedis = redisServerAvailable() ? await startPrivateRedis((process.env['REDIS_ARGS'] ?? '').split(' ').filter(Boolean)) : null;
  const url = privateRedis?.url ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const connection = createRedisConnection(url, 'producer');
  const queue = new Queue(QueueName.TICKET_TIMERS, { connection, prefix });
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await connection.info('memory'))![1]);
  console.log(`redis: ${privateRedis ? 'private redis-server' : url}; timers: ${COUNT.toLocaleString()}`);

  // The spread: tickets whose clocks end in the next 30 days, three timers each, all at least an hour out.
  const before = await usedMemory();
  const scheduleStart = Date.now();
  for (let added = 0; added < COUNT; ) {
    const batch = [];
    while (batch.length < CHUNK && added + batch.length < COUNT) {
      const warningAt = Date.now() + 3_600_000 + Math.random() * 27 * DAY;
      batch.push(...timersOf(warningAt, Math.random() * DAY).slice(0, COUNT - added - batch.length));
    }
    await queue.addBulk(batch.map((t) => timerJob(t)));
    added += batch.length;
  }
  const scheduleSeconds = (Date.now() - scheduleStart) / 1000;
  const perTimer = ((await usedMemory()) - before) / COUNT;
  console.log(`scheduled ${COUNT.toLocaleString()} in ${scheduleSeconds.toFixed(1)} s (${Math.round(COUNT / scheduleSeconds).toLocaleString()}/s)`);
  console.log(`redis memory per pending timer: ${Math.round(perTimer)} bytes (${((perTimer * COUNT) / 2 ** 20).toFixed(0)} MiB for all)`);

  // The burst: 10,000 due in the same second; the probe: 2,000 due one every 10 ms, afterwards.
  const burstAt = Date.now() + 5_000;
  const burst = new Set<string>();
  const burstTimers = Array.from({ length: BURST / 2 }, () => timersOf(burstAt + Math.random() * 1000, 0).slice(0, 2)).flat();
  for (let i = 0; i < burstTimers.length; i += CHUNK) {
    const jobs = burstTimers.slice(i, i + CHUNK).map((t) => timerJob(t));
    jobs.forEach((j) => burst.add(j.opts.jobId));
    await queue.addBulk(jobs);
  }
  const probeAt = burstAt + 15_000;
  const probe = Array.from({ length: PROBE }, (_, i) => timersOf(probeAt + i * 10, DAY)[0]);
  await queue.addBulk(probe.map((t) => timerJob(t)));

  const lateness = { burst: [] as number[], probe: [] as number[] };
  let lastBurstDone = 0;
  let done = 0;
  const workerConnection = createRedisConnection(url, 'worker');
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker(
      QueueName.TICKET_TIMERS,
      async (job: Job) => {
        // BullMQ zeroes job.delay when it promotes a job; opts.delay keeps what was asked.
        const late = Date.now() - job.timestamp - (job.opts.delay ?? 0);
        if (burst.has(job.id!)) {
          lateness.burst.push(late);
          lastBurstDone = Date.now();
        } else lateness.probe.push(late);
        if (++done === BURST + PROBE) setImmediate(() => worker.close().then(resolve));
      },
      { connection: workerConnection, prefix, concurrency: 200 },
    );
  });
  await finished;

  const summary = (name: string, values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    console.log(
      `${name}: n=${sorted.length} lateness p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`,
    );
  };
  summary(`probe (one due every 10 ms, ${COUNT.toLocaleString()} pending)`, lateness.probe);
  summary('burst (10,000 due within one second)', lateness.burst);
  console.log(`burst drained ${((lastBurstDone - (burstAt + 1000)) / 1000).toFixed(2)} s after its last timer was due`);

  if (!privateRedis) await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  await privateRedis?.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
