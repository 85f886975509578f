import { ConfigError } from '@gridgov/platform-config';

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
