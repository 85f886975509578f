import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { type DataSource, In } from 'typeorm';
import { openTestDatabase, testDatabaseUrl, type TestDatabase } from '@gridgov/platform-testing';
import {
  SupervisionColor,
  TicketChannel,
  TicketEntity,
  TicketMode,
  TicketStatus,
  ticketDatabase,
} from '@gridgov/ticket-data-access';
import { loadTicketWorkerConfig, type TicketWorkerConfig } from '../ticket-worker.config';

/** The ticket schema in a fresh PostgreSQL schema, and its name (for a worker's DATABASE_SCHEMA). */
export async function openWorkerTestDatabase(): Promise<TestDatabase & { schema: string }> {
  const db = await openTestDatabase(ticketDatabase);
  return { ...db, schema: (db.dataSource.options as { schema: string }).schema };
}

export const testPrefix = () => `test-${randomBytes(4).toString('hex')}`;

/** The environment a test worker runs with (also handed to a child process). */
export function workerTestEnv(schema: string, redisUrl: string, prefix: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    DEMO_DATA: 'false',
    ...extra,
  };
}

export const workerTestConfig = (...args: Parameters<typeof workerTestEnv>): TicketWorkerConfig =>
  loadTicketWorkerConfig(workerTestEnv(...args));

let counter = 0;

/** Ticket rows with a running clock at the given instants (the clock's own code is tested in data-access). */
export async function insertRunningTickets(
  dataSource: DataSource,
  count: number,
  clock: { warningAt: Date; deadlineAt: Date; redAt: Date },
  fields: Partial<TicketEntity> = {},
): Promise<TicketEntity[]> {
  const rows = Array.from({ length: count }, () => {
    counter += 1;
    return {
      number: `T-TEST-${counter}`,
      gridCode: '520303001001001',
      adminUnitCode: '520303001001',
      handlingUnitCode: '520303001001',
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      status: TicketStatus.REPORTED,
      channel: TicketChannel.GRID_WORKER,
      title: `Timer test ${counter}`,
      reporterId: '00000000-0000-4000-8000-00000000d3a0',
      reportedAt: new Date(),
      clockStage: 'ACCEPT' as const,
      clockStartedAt: new Date(),
      supervisionColor: SupervisionColor.GREEN,
      slaVersion: 1,
      ...clock,
      ...fields,
    };
  });
  const saved = await dataSource.manager.insert(TicketEntity, rows);
  return dataSource.manager.findBy(TicketEntity, { id: In(saved.identifiers.map((i) => i['id'] as string)) });
}

export async function insertRunningTicket(
  dataSource: DataSource,
  clock: { warningAt: Date; deadlineAt: Date; redAt: Date },
  fields: Partial<TicketEntity> = {},
): Promise<TicketEntity> {
  const [ticket] = await insertRunningTickets(dataSource, 1, clock, fields);
  return ticket;
}

/** Polls until `check` holds; fails naming `what` after `timeoutMs` (a wait, not a timing assertion). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const redisServerAvailable = () => !spawnSync('redis-server', ['--version']).error;

/** A throw-away redis-server of our own (never flush the shared one), with the worker settings. */
export async function startPrivateRedis(extraArgs: string[] = []): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--hz', '100', '--maxmemory-policy', 'noeviction', ...extraArgs],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `redis://127.0.0.1:${port}`;
  const { Redis } = await import('ioredis');
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused until the server listens: the loop below retries
  await waitFor('the private redis-server', async () => {
    try {
      if (probe.status !== 'ready') await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      probe.disconnect();
      return false;
    }
  });
  probe.disconnect();
  return {
    url,
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
