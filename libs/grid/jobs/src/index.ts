import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { JobHandler, SmsSender } from '@gridgov/platform-queue';
import { BroadcastRelayJob, type BroadcastRetry } from './broadcast/broadcast-relay.job';
import { BroadcastJob } from './broadcast/broadcast.job';
import { VisitDigestJob } from './visit-digest/visit-digest.job';

export { GRID_REMINDER_JOB_NAMES, type GridReminderJobMap } from './grid-job-map';
export {
  GRID_IMPORT_JOB_NAMES,
  type GridImportJobMap,
  INTERRUPTED_FAILURE,
  type ResidentImportPayload,
  residentImportQueue,
  type ResidentImportQueue,
} from './resident-import/resident-import.job';
export { type ResidentImportWorkerOptions, startResidentImportWorker } from './resident-import/resident-import.worker';
export type { BroadcastRetry } from './broadcast/broadcast-relay.job';
export type { BroadcastPayload } from './broadcast/broadcast.job';
export { type GridVisitCounts, visitCounts, type VisitDigestPayload } from './visit-digest/visit-digest.job';

export interface GridJobDeps {
  /** The grid schema. */
  dataSource: DataSource;
  /** Producer side of QueueName.NOTIFICATIONS (digests go to the inbox through it). */
  notifications: Queue;
  /** Producer side of QueueName.REMINDERS (the relay adds broadcast jobs). */
  reminders: Queue;
  sms: SmsSender;
  retry: BroadcastRetry;
}

/** grid's handlers on QueueName.REMINDERS, one per name of GridReminderJobMap. */
export const gridReminderHandlers = (deps: GridJobDeps): JobHandler<never>[] => [
  new VisitDigestJob(deps.dataSource, deps.notifications),
  new BroadcastRelayJob(deps.dataSource, deps.reminders, deps.retry),
  new BroadcastJob(deps.dataSource, deps.sms),
];
export { createRegister, type FixtureResident } from './testing/register-fixture';
