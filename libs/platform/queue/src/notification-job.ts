/**
 * The contract between every producer of notifications (ticket-worker, reminder jobs, services) and
 * the delivery worker. Only ids, a template key and non-personal parameters travel through Redis;
 * the delivering side resolves recipients and renders the text from its own data.
 */
export enum NotificationChannel {
  INBOX = 'INBOX',
  SMS = 'SMS',
  WEBHOOK = 'WEBHOOK',
}

/** Who receives it; the delivery worker expands roles and departments into accounts (org data). */
export interface NotificationRecipients {
  accountIds?: string[];
  /** Every handler account of these departments. */
  departmentIds?: string[];
  /** Accounts holding a LEADER grant whose scope covers this unit code. */
  leadersOfUnitCode?: string;
}

export interface NotificationJob {
  /** Stable and unique per notification: becomes the BullMQ jobId, so a repeated producer notifies once. */
  notificationId: string;
  /** UPPER_SNAKE_CASE template key, e.g. TICKET_COLOR_RED; also the inbox `kind`. */
  template: string;
  recipients: NotificationRecipients;
  /** Non-personal values the template needs (ticket number, colour, deadline ISO time…). */
  params: Record<string, string | number>;
  /** Where the inbox entry links to, e.g. `ticket:<id>`. */
  link?: string;
  channels: NotificationChannel[];
}
