import type { Queue } from 'bullmq';
import { Between, IsNull, type DataSource } from 'typeorm';
import { CouncilMeetingEntity } from '@gridgov/org-data-access';
import { Role } from '@gridgov/platform-auth';
import { enqueueNotifications, type HandlerOf, NotificationChannel } from '@gridgov/platform-queue';
import type { OrgReminderJobMap } from '../org-job-map';

export interface CouncilMeetingRemindersPayload {
  /** Meetings held from today up to this many days ahead are announced (once per meeting). */
  daysAhead: number;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Residents' council meetings coming up and not yet concluded: a reminder to the community staff and
 * party administrators of the meeting's unit, who bring the participants (listed by name only) together.
 */
export class CouncilMeetingRemindersJob implements HandlerOf<OrgReminderJobMap, 'council-meeting-reminders'> {
  readonly name = 'council-meeting-reminders';

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: Queue,
  ) {}

  async run(
    payload: CouncilMeetingRemindersPayload,
    _job?: unknown,
    now = new Date(),
  ): Promise<{ meetings: number }> {
    const meetings = await this.dataSource.getRepository(CouncilMeetingEntity).findBy({
      heldOn: Between(isoDay(now), isoDay(new Date(now.getTime() + payload.daysAhead * 86_400_000))),
      publishedAt: IsNull(),
    });
    await enqueueNotifications(
      this.notifications,
      meetings.map((meeting) => ({
        notificationId: `council-meeting-${meeting.id}-${meeting.heldOn}`,
        template: 'COUNCIL_MEETING_SOON',
        recipients: {
          roleHolders: [
            { role: Role.COMMUNITY_STAFF, code: meeting.unitCode },
            { role: Role.PARTY_ADMIN, code: meeting.unitCode },
          ],
        },
        params: {
          meetingId: meeting.id,
          title: meeting.title,
          heldOn: meeting.heldOn,
          participants: meeting.participants.length,
        },
        link: `/council/meetings/${meeting.id}`,
        channels: [NotificationChannel.INBOX],
      })),
    );
    return { meetings: meetings.length };
  }
}
