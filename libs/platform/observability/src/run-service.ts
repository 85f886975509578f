import { ConfigError } from '@gridgov/platform-config';

/**
 * Starts a service from `main.ts`, stops it on SIGINT/SIGTERM, and exits non-zero with a readable
 * message (no stack for configuration problems) when start-up fails.
 */
export function runService(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  start().then(
    (service) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`${name}: ${signal} received, stopping\n`);
        const force = setTimeout(() => process.exit(1), 15_000).unref();
        service.stop().then(
          () => {
            clearTimeout(force);
            process.exit(0);
          },
          (error: unknown) => {
            process.stderr.write(`${name}: error while stopping: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: Error) => {
      const detail = error instanceof ConfigError ? error.message : (error.stack ?? String(error));
      process.stderr.write(`${name} could not start: ${detail}\n`);
      process.exit(1);
    },
  );
}
