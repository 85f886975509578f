/** Small helpers shared by the bench scripts: timing loops and percentiles, printed as plain numbers. */
export function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

/** Runs `task` `count` times one after another; returns sorted latencies in ms. */
export async function sequentialLatencies(count: number, task: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await task();
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return latencies.sort((a, b) => a - b);
}

/** Runs `count` tasks with `concurrency` in flight; returns completed tasks per second. */
export async function throughput(count: number, concurrency: number, task: () => Promise<void>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await task();
    }),
  );
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}
