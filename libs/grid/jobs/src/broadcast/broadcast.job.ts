import type { DataSource } from 'typeorm';
import { BroadcastEntity, BroadcastService, BroadcastStatus } from '@gridgov/grid-data-access';
import type { HandlerOf, SmsSender } from '@gridgov/platform-queue';
import type { GridReminderJobMap } from '../grid-job-map';

export interface BroadcastPayload {
  broadcastId: string;
}

/**
 * Texts the notice to every resident with a phone in the broadcast's grids, one message per distinct
 * phone. Phones are read here from the register; a retry skips residents already texted.
 */
export class BroadcastJob implements HandlerOf<GridReminderJobMap, 'broadcast'> {
  readonly name = 'broadcast';

  constructor(
    private readonly dataSource: DataSource,
    private readonly sms: SmsSender,
  ) {}

  async run({ broadcastId }: BroadcastPayload): Promise<{ sent: number }> {
    const broadcast = await this.dataSource.getRepository(BroadcastEntity).findOneBy({ id: broadcastId });
    if (!broadcast || broadcast.status === BroadcastStatus.SENT) return { sent: 0 };
    const recipients = await BroadcastService.unsentRecipients(this.dataSource, broadcast);
    for (const { phone, residentIds } of recipients) {
      await this.sms.send({
        phone,
        text: `【${broadcast.title}】${broadcast.message}`,
        reference: `broadcast.${broadcast.id}.${residentIds[0]}`,
      });
      await BroadcastService.markSentTo(this.dataSource, broadcast.id, residentIds);
    }
    await BroadcastService.markSent(this.dataSource, broadcast.id);
    return { sent: recipients.length };
  }
}
