import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { chinaToday, VisitService } from '@gridgov/grid-data-access';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { enqueueNotification, type HandlerOf, NotificationChannel } from '@gridgov/platform-queue';
import type { GridReminderJobMap } from '../grid-job-map';

export interface VisitDigestPayload {
  /** The digest counts residents due before the end of this many days from now (1 = today's digest). */
  withinDays?: number;
}

export interface GridVisitCounts {
  gridCode: string;
  /** Due date already passed. */
  overdue: number;
  /** Due now or within the window (never visited counts here). */
  dueToday: number;
}

// The digest reads every grid, as the register's own worker; nothing it reads leaves but counts.
const SYSTEM_ACCOUNT = '00000000-0000-0000-0000-000000000000';
const registerReader = () =>
  new AuthContext({ accountId: SYSTEM_ACCOUNT, grants: [{ role: Role.COMMUNITY_STAFF, scopeCode: '' }] });

/** Due and overdue residents per grid, by the due-visit rules of the register (VisitService.due). */
export async function visitCounts(
  dataSource: DataSource,
  withinDays: number,
  now: Date,
): Promise<GridVisitCounts[]> {
  const due = await new VisitService(dataSource, registerReader()).due({ withinDays }, now);
  const byGrid = new Map<string, GridVisitCounts>();
  for (const { resident, dueAt } of due) {
    const counts = byGrid.get(resident.gridCode) ?? { gridCode: resident.gridCode, overdue: 0, dueToday: 0 };
    if (dueAt.getTime() < now.getTime()) counts.overdue += 1;
    else counts.dueToday += 1;
    byGrid.set(resident.gridCode, counts);
  }
  return [...byGrid.values()].sort((a, b) => a.gridCode.localeCompare(b.gridCode));
}

/**
 * The daily digest: for each grid with residents due or overdue, one inbox notification to the grid
 * workers of that grid, carrying only the grid code and counts; the list itself is `dueVisits`.
 */
export class VisitDigestJob implements HandlerOf<GridReminderJobMap, 'visit-digest'> {
  readonly name = 'visit-digest';

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: Queue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(payload: VisitDigestPayload): Promise<{ grids: number }> {
    const now = this.now();
    // The day of the digest as grid workers live it, so a run just after midnight China time is the new day's.
    const day = chinaToday(now);
    const counts = await visitCounts(this.dataSource, payload.withinDays ?? 1, now);
    for (const { gridCode, overdue, dueToday } of counts) {
      await enqueueNotification(this.notifications, {
        notificationId: `visit-digest-${gridCode}-${day}`,
        template: 'VISIT_DIGEST',
        recipients: { roleHolders: [{ role: Role.GRID_WORKER, code: gridCode }] },
        params: { gridCode, overdue, dueToday },
        link: `/grids/${gridCode}/due-visits`,
        channels: [NotificationChannel.INBOX],
      });
    }
    return { grids: counts.length };
  }
}
