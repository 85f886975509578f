import type { Job } from 'bullmq';

/** One kind of job: `name` is the BullMQ job name; `run` does the work with the payload declared beside it. */
export interface JobHandler<P = unknown> {
  readonly name: string;
  run(payload: P, job: Job<P>): Promise<unknown>;
}

/** The job names of a job-name → payload map as a runtime record: a key missing here is a compile error. */
export type JobNames<M> = { readonly [K in keyof M & string]: true };

/** A handler bound to one name of a job map, so its payload type follows from the name. */
export type HandlerOf<M, K extends keyof M & string> = JobHandler<M[K]> & { readonly name: K };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HandlerTable = ReadonlyMap<string, JobHandler<any>>;

/**
 * Checks at start-up that every job name has exactly one handler and every handler a known name,
 * so a worker never starts unable to process jobs its producers enqueue.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jobHandlerTable(names: Readonly<Record<string, true>>, handlers: readonly JobHandler<any>[]): HandlerTable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const table = new Map<string, JobHandler<any>>();
  for (const handler of handlers) {
    if (!Object.hasOwn(names, handler.name)) throw new Error(`job handler ${handler.name} matches no job name`);
    if (table.has(handler.name)) throw new Error(`two handlers for job ${handler.name}`);
    table.set(handler.name, handler);
  }
  const missing = Object.keys(names).filter((name) => !table.has(name));
  if (missing.length > 0) throw new Error(`no handler for job ${missing.join(', ')}`);
  return table;
}
