import { NotificationChannel, type NotificationJob, type NotificationRecipients } from '@gridgov/platform-queue';
import { type ColorThreshold, type TimerFacts, TimerThreshold } from '@gridgov/ticket-data-access';

/** Who hears of a colour: the handlers on YELLOW, the owner (who dispatched it) on ORANGE, the unit's leaders on RED. */
export function colorRecipients(threshold: ColorThreshold, facts: TimerFacts): NotificationRecipients {
  const leaders = { leadersOfUnitCode: facts.handlingUnitCode };
  const owner = facts.ownerAccountId ? { accountIds: [facts.ownerAccountId] } : leaders;
  if (threshold === TimerThreshold.RED) return leaders;
  if (threshold === TimerThreshold.ORANGE) return owner;
  // Not dispatched yet: whoever owns it handles it.
  return facts.departmentIds.length || facts.accountIds.length
    ? { departmentIds: facts.departmentIds, accountIds: facts.accountIds }
    : owner;
}

/** The notification of a fired timer; its id is the timer's job id, so a repeated timer notifies once. */
export function timerNotification(
  jobId: string,
  threshold: TimerThreshold,
  facts: TimerFacts,
  recipients: NotificationRecipients,
): NotificationJob {
  return {
    notificationId: jobId,
    template: threshold === TimerThreshold.RATING_REMINDER ? 'TICKET_RATING_REMINDER' : `TICKET_COLOR_${threshold}`,
    recipients,
    params: {
      ticketNumber: facts.number,
      status: facts.status,
      ...(facts.deadlineAt ? { deadlineAt: facts.deadlineAt.toISOString() } : {}),
    },
    link: `ticket:${facts.ticketId}`,
    channels: [NotificationChannel.INBOX],
  };
}
