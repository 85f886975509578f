import type { JobNames } from '@gridgov/platform-queue';
import type { BroadcastRelayPayload } from './broadcast/broadcast-relay.job';
import type { BroadcastPayload } from './broadcast/broadcast.job';
import type { VisitDigestPayload } from './visit-digest/visit-digest.job';

/** grid's jobs on QueueName.REMINDERS. */
export interface GridReminderJobMap {
  'visit-digest': VisitDigestPayload;
  'broadcast-relay': BroadcastRelayPayload;
  broadcast: BroadcastPayload;
}

export const GRID_REMINDER_JOB_NAMES: JobNames<GridReminderJobMap> = {
  'visit-digest': true,
  'broadcast-relay': true,
  broadcast: true,
};
