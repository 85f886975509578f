import type { Queue } from 'bullmq';
import { In, type DataSource } from 'typeorm';
import {
  PartyMeetingKind,
  PartyMeetingService,
  PartyOrganizationEntity,
  PartyOrganizationService,
} from '@gridgov/org-data-access';
import { Role } from '@gridgov/platform-auth';
import { enqueueNotifications, type HandlerOf, NotificationChannel } from '@gridgov/platform-queue';
import type { OrgReminderJobMap } from '../org-job-map';
import { platformReader } from './system-auth';

export interface PartyMeetingRemindersPayload {
  /** The day whose periods are checked, YYYY-MM-DD; today when absent (the schedule passes nothing). */
  on?: string;
}

const KIND_NAMES: Record<PartyMeetingKind, string> = {
  [PartyMeetingKind.MEMBERS_MEETING]: '党员大会',
  [PartyMeetingKind.COMMITTEE_MEETING]: '支委会',
  [PartyMeetingKind.GROUP_MEETING]: '党小组会',
  [PartyMeetingKind.PARTY_LECTURE]: '党课',
};

/**
 * 三会一课: one reminder per branch behind in the current period, to the party administrators whose
 * scope covers the branch (they record its meetings; party members have no accounts of their own).
 */
export class PartyMeetingRemindersJob implements HandlerOf<OrgReminderJobMap, 'party-meeting-reminders'> {
  readonly name = 'party-meeting-reminders';

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: Queue,
  ) {}

  async run(payload: PartyMeetingRemindersPayload): Promise<{ branches: number }> {
    const auth = platformReader();
    const meetings = new PartyMeetingService(
      this.dataSource,
      auth,
      new PartyOrganizationService(this.dataSource, auth),
    );
    const day = payload.on ?? new Date().toISOString().slice(0, 10);
    const shortfalls = await meetings.shortfalls('', day);
    const kindsByBranch = new Map<string, PartyMeetingKind[]>();
    for (const s of shortfalls)
      kindsByBranch.set(s.branchId, [...(kindsByBranch.get(s.branchId) ?? []), s.meetingKind]);
    if (kindsByBranch.size === 0) return { branches: 0 };
    const branches = await this.dataSource
      .getRepository(PartyOrganizationEntity)
      .findBy({ id: In([...kindsByBranch.keys()]) });
    await enqueueNotifications(
      this.notifications,
      branches.map((branch) => {
        const kinds = kindsByBranch.get(branch.id) as PartyMeetingKind[];
        return {
          notificationId: `party-meeting-${branch.id}-${day}`,
          template: 'PARTY_MEETING_DUE',
          recipients: { roleHolders: [{ role: Role.PARTY_ADMIN, code: branch.unitCode }] },
          params: {
            branchId: branch.id,
            branchName: branch.name,
            meetingKinds: kinds.map((k) => KIND_NAMES[k]).join('、'),
            count: kinds.length,
          },
          link: `/party/branches/${branch.id}/meetings`,
          channels: [NotificationChannel.INBOX],
        };
      }),
    );
    return { branches: branches.length };
  }
}
