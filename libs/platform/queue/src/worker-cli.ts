import { ConfigError, type ConfigSpec, env, loadConfig, runtimeEnv } from '@gridgov/platform-config';
import type { QueueName } from './queue-name';

/** `--queues a,b` and `--concurrency n` (also `--flag=value`) as the variables QUEUES and CONCURRENCY, which they override. */
export function workerCliOverrides(argv: string[]): NodeJS.ProcessEnv {
  const flags: Record<string, string> = { '--queues': 'QUEUES', '--concurrency': 'CONCURRENCY' };
  const overrides: NodeJS.ProcessEnv = {};
  const problems: string[] = [];
  argv.forEach((arg, i) => {
    if (!arg.startsWith('--')) return;
    const [flag, inline] = arg.split('=', 2);
    if (flags[flag]) overrides[flags[flag]] = inline ?? argv[i + 1];
    else problems.push(`unknown option ${flag} (use --queues, --concurrency)`);
  });
  if (problems.length) throw new ConfigError(problems);
  return overrides;
}

/** Parses a comma-separated subset of `allowed` (all of them when empty). */
export function queueListEnv<Q extends string>(allowed: readonly Q[], description: string) {
  return {
    description,
    parse(raw: string | undefined, name: string): Q[] {
      const names = (raw || allowed.join(',')).split(',').map((q) => q.trim()).filter(Boolean);
      const unknown = names.filter((q) => !(allowed as readonly string[]).includes(q));
      if (unknown.length || names.length === 0)
        throw new Error(`${name}=${JSON.stringify(raw)} must list some of ${allowed.join(', ')} (${description})`);
      return [...new Set(names)] as Q[];
    },
  };
}

/** The variables of every worker process (`startWorkerProcess`) that may run any of `queues`; the app adds its own. */
export const workerProcessEnv = <Q extends QueueName>(queues: readonly Q[]) => ({
  ...runtimeEnv,
  REDIS_URL: env.url('Redis URL of the BullMQ queues', undefined, ['redis:', 'rediss:']),
  QUEUE_PREFIX: env.string('BullMQ key prefix', 'bull'),
  QUEUES: queueListEnv(queues, 'comma-separated queues this process works on (CLI --queues)'),
  CONCURRENCY: env.int('jobs in flight per queue (CLI --concurrency)', 8, { min: 1, max: 1000 }),
  LOCK_DURATION_MS: env.int('job lock; a crashed worker’s jobs run again after it', 30_000, { min: 500 }),
  SHUTDOWN_TIMEOUT_MS: env.int('on SIGTERM, wait this long for running jobs, then return them to the queue', 10_000, {
    min: 0,
  }),
});

/** Reads a worker's environment; `--queues` and `--concurrency` on the command line win over it. */
export const loadWorkerConfig = <S extends ConfigSpec>(spec: S, source: NodeJS.ProcessEnv, argv: string[]) =>
  loadConfig(spec, { ...source, ...workerCliOverrides(argv) });
