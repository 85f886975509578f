import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { GridEntity } from '../grid/grid.entity';
import { BroadcastDeliveryEntity, BroadcastEntity, BroadcastStatus } from './broadcast.entity';

export interface BroadcastNoticeInput {
  gridCodes: string[];
  title: string;
  message: string;
}

export interface BroadcastRecipient {
  residentIds: string[];
  phone: string;
}

/**
 * Broadcast notices: recorded by staff here (an outbox row, so grid-service needs no Redis), relayed
 * into one job by the reminder worker, which texts the residents from this data.
 */
export class BroadcastService {
  private readonly broadcasts: Repository<BroadcastEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.broadcasts = dataSource.getRepository(BroadcastEntity);
  }

  /** Needs household:manage on every chosen grid. */
  async create(input: BroadcastNoticeInput): Promise<BroadcastEntity> {
    const gridCodes = [...new Set(input.gridCodes.map((c) => c.trim()))];
    const title = input.title.trim();
    const message = input.message.trim();
    const problems = new InputProblems()
      .check(gridCodes.length >= 1 && gridCodes.length <= 200, 'input.gridCodes', 'choose 1 to 200 grids')
      .check(title.length >= 2 && title.length <= 50, 'input.title', 'must be 2 to 50 characters')
      .check(message.length >= 2 && message.length <= 300, 'input.message', 'must be 2 to 300 characters');
    problems.throwIfAny();
    const known = new Set(
      (await this.dataSource.getRepository(GridEntity).findBy({ code: In(gridCodes) })).map((g) => g.code),
    );
    gridCodes.forEach((code, i) =>
      problems.check(known.has(code), `input.gridCodes.${i}`, `no grid has code ${code}`),
    );
    problems.throwIfAny();
    for (const code of gridCodes) this.auth.assert(Permission.HOUSEHOLD_MANAGE, code);
    return this.broadcasts.save(
      this.broadcasts.create({ gridCodes, title, message, createdBy: this.auth.accountId }),
    );
  }

  /** A broadcast the caller could have sent (household:read on its grids). */
  async find(id: string): Promise<BroadcastEntity> {
    const broadcast = isUuid(id) ? await this.broadcasts.findOneBy({ id }) : null;
    if (!broadcast || !broadcast.gridCodes.every((code) => this.auth.can(Permission.HOUSEHOLD_READ, code)))
      throw notFound('Broadcast', id);
    return broadcast;
  }

  // The worker's side: trusted code, no permission checks.

  static pending(dataSource: DataSource, limit = 100): Promise<BroadcastEntity[]> {
    return dataSource
      .getRepository(BroadcastEntity)
      .find({ where: { status: BroadcastStatus.PENDING }, order: { createdAt: 'ASC' }, take: limit });
  }

  static async markQueued(dataSource: DataSource, id: string): Promise<void> {
    await dataSource
      .getRepository(BroadcastEntity)
      .update({ id, status: BroadcastStatus.PENDING }, { status: BroadcastStatus.QUEUED });
  }

  /** Phones of the broadcast's residents not yet texted, one entry per distinct phone. */
  static async unsentRecipients(
    dataSource: DataSource,
    broadcast: BroadcastEntity,
  ): Promise<BroadcastRecipient[]> {
    const rows: { phone: string; resident_ids: string[] }[] = await dataSource.query(
      `SELECT r.phone, array_agg(r.id ORDER BY r.id) AS resident_ids
         FROM resident r
        WHERE r.grid_code = ANY ($1::varchar[]) AND r.phone IS NOT NULL AND r.phone <> ''
          AND NOT EXISTS (SELECT 1 FROM broadcast_delivery d WHERE d.broadcast_id = $2 AND d.resident_id = r.id)
        GROUP BY r.phone ORDER BY r.phone`,
      [broadcast.gridCodes, broadcast.id],
    );
    return rows.map((r) => ({ phone: r.phone, residentIds: r.resident_ids }));
  }

  static async markSentTo(dataSource: DataSource, broadcastId: string, residentIds: string[]): Promise<void> {
    await dataSource.getRepository(BroadcastDeliveryEntity).upsert(
      residentIds.map((residentId) => ({ broadcastId, residentId })),
      ['broadcastId', 'residentId'],
    );
  }

  static async markSent(dataSource: DataSource, broadcastId: string): Promise<void> {
    const recipients = await dataSource.getRepository(BroadcastDeliveryEntity).countBy({ broadcastId });
    await dataSource
      .getRepository(BroadcastEntity)
      .update({ id: broadcastId }, { status: BroadcastStatus.SENT, recipients, sentAt: new Date() });
  }
}
