import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { chinaToday, GridTeamMemberEntity, TeamRole, VisitService } from '@gridgov/grid-data-access';
import { AuthContext, Role } from '@gridgov/platform-auth';
import {
  enqueueNotification,
  type HandlerOf,
  NotificationChannel,
  type NotificationRecipients,
} from '@gridgov/platform-queue';
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

/** One recipient's digest: the counts of each of their grids with residents due, by grid code. */
export interface VisitDigest {
  /** `visit-digest-<account id>-<day>`, or `visit-digest-<grid code>-<day>` for a grid's role holders. */
  notificationId: string;
  recipients: NotificationRecipients;
  grids: GridVisitCounts[];
}

/**
 * Groups the grids' counts by recipient. A grid's recipient is the account of its responsible person
 * (网格责任人) serving on `day`, from the grid team; an account responsible for several grids gets one
 * digest listing them all. grid-service knows no other accounts (grants are org's), so a grid without
 * such an account still goes, alone, to the GRID_WORKER accounts covering it, resolved by delivery.
 */
export async function visitDigests(
  dataSource: DataSource,
  counts: GridVisitCounts[],
  day: string,
): Promise<VisitDigest[]> {
  if (counts.length === 0) return [];
  const responsible: { gridCode: string; accountId: string }[] = await dataSource
    .getRepository(GridTeamMemberEntity)
    .createQueryBuilder('member')
    .select('member.gridCode', 'gridCode')
    .addSelect('member.accountId', 'accountId')
    .distinct()
    .where('member.role = :role AND member.accountId IS NOT NULL', { role: TeamRole.RESPONSIBLE })
    .andWhere('member.startsOn <= :day AND (member.endsOn IS NULL OR member.endsOn >= :day)', { day })
    .andWhere('member.gridCode = ANY(:codes)', { codes: counts.map((c) => c.gridCode) })
    .getRawMany();
  const accountsByGrid = new Map<string, string[]>();
  for (const { gridCode, accountId } of responsible) {
    const accounts = accountsByGrid.get(gridCode) ?? [];
    accountsByGrid.set(gridCode, accounts);
    accounts.push(accountId);
  }
  const byAccount = new Map<string, GridVisitCounts[]>();
  const digests: VisitDigest[] = [];
  // Counts come sorted by grid code, so each recipient's grids are listed in code order.
  for (const grid of counts) {
    const accounts = accountsByGrid.get(grid.gridCode);
    if (!accounts) {
      digests.push({
        notificationId: `visit-digest-${grid.gridCode}-${day}`,
        recipients: { roleHolders: [{ role: Role.GRID_WORKER, code: grid.gridCode }] },
        grids: [grid],
      });
      continue;
    }
    for (const accountId of accounts) {
      const grids = byAccount.get(accountId) ?? [];
      byAccount.set(accountId, grids);
      grids.push(grid);
    }
  }
  for (const [accountId, grids] of [...byAccount].sort(([a], [b]) => a.localeCompare(b))) {
    digests.push({
      notificationId: `visit-digest-${accountId}-${day}`,
      recipients: { accountIds: [accountId] },
      grids,
    });
  }
  return digests;
}

/**
 * The daily digest: one inbox notification per recipient (see `visitDigests`) listing, per grid, the
 * grid code and counts only; the list of residents itself is `dueVisits`.
 */
export class VisitDigestJob implements HandlerOf<GridReminderJobMap, 'visit-digest'> {
  readonly name = 'visit-digest';

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: Queue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(payload: VisitDigestPayload): Promise<{ grids: number; digests: number }> {
    const now = this.now();
    // The day of the digest as grid workers live it, so a run just after midnight China time is the new day's.
    const day = chinaToday(now);
    const counts = await visitCounts(this.dataSource, payload.withinDays ?? 1, now);
    const digests = await visitDigests(this.dataSource, counts, day);
    for (const { notificationId, recipients, grids } of digests) {
      await enqueueNotification(this.notifications, {
        notificationId,
        template: 'VISIT_DIGEST',
        recipients,
        params: {
          // The template lists the grids from this JSON array of { gridCode, overdue, dueToday }.
          grids: JSON.stringify(grids),
          overdue: sum(grids, 'overdue'),
          dueToday: sum(grids, 'dueToday'),
        },
        link: grids.length === 1 ? `/grids/${grids[0].gridCode}/due-visits` : '/due-visits',
        channels: [NotificationChannel.INBOX],
      });
    }
    return { grids: counts.length, digests: digests.length };
  }
}

const sum = (grids: GridVisitCounts[], field: 'overdue' | 'dueToday') =>
  grids.reduce((total, grid) => total + grid[field], 0);
