import { type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { TicketConfigAuditEntity, TicketConfigChangeKind } from './ticket-config-audit.entity';

/** A change to record: everything but who and when, which the audit takes from the caller and the clock. */
export type TicketConfigChange = Pick<
  TicketConfigAuditEntity,
  'kind' | 'key' | 'scopeCode' | 'before' | 'after'
> & { effects?: Record<string, unknown> | null };

export interface TicketConfigChangeFilter {
  kind?: TicketConfigChangeKind | null;
  /** Inclusive. */
  since?: Date | null;
  /** Exclusive. */
  until?: Date | null;
}

/** Writes the audit row of a configuration change in the change's transaction (`manager`). */
export async function recordConfigChange(
  manager: EntityManager,
  auth: AuthContext,
  change: TicketConfigChange,
): Promise<void> {
  await manager.save(
    manager.create(TicketConfigAuditEntity, {
      ...change,
      effects: change.effects ?? null,
      actorId: auth.accountId,
    }),
  );
}

/** Reads the configuration audit within the caller's audit:read scope. */
export class TicketConfigAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  /**
   * Changes whose scope lies within the caller's audit:read scope: platform-wide ones ('') only for
   * platform-wide grants, a unit's for grants covering it. Unordered: the caller pages it.
   */
  query(filter: TicketConfigChangeFilter): SelectQueryBuilder<TicketConfigAuditEntity> {
    this.auth.assertAnywhere(Permission.AUDIT_READ);
    if (filter.since && filter.until && filter.since >= filter.until)
      throw badInput('filter.until', 'must be after filter.since');
    const query = this.dataSource.getRepository(TicketConfigAuditEntity).createQueryBuilder('change');
    // Codes are digits: no LIKE wildcard to escape. '' (platform-wide) matches every scope.
    query.andWhere('change.scopeCode LIKE ANY(:scopes)', {
      scopes: this.auth.scopePrefixes(Permission.AUDIT_READ).map((prefix) => `${prefix}%`),
    });
    if (filter.kind) query.andWhere('change.kind = :kind', { kind: filter.kind });
    if (filter.since) query.andWhere('change.at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('change.at < :until', { until: filter.until });
    return query;
  }
}
