import { DataSource, EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, notFound } from '@gridgov/platform-errors';
import { TicketEventEntity } from './ticket-event.entity';
import {
  CATEGORY_CODE,
  checkReportInput,
  formatTicketNumber,
  isGridCode,
  isUuid,
  type NewTicket,
  type ReportTicketInput,
} from './ticket-input';
import { TicketEntity } from './ticket.entity';
import { TicketMode, TicketStatus } from './ticket.enums';

export interface TicketFilter {
  statuses?: TicketStatus[] | null;
  /** A category and everything under it: `CITY_MANAGEMENT` matches `CITY_MANAGEMENT.ROAD`. */
  categoryPrefix?: string | null;
  mode?: TicketMode | null;
}

/**
 * Writes a new ticket and its first timeline entry (null → its status). Call inside a transaction;
 * the demo seed uses it too, so both paths number and record tickets the same way.
 */
export async function writeNewTicket(
  manager: EntityManager,
  ticket: NewTicket & { id?: string },
  reporterId: string,
  reportedAt: Date,
): Promise<TicketEntity> {
  const [{ n }] = (await manager.query(`SELECT nextval('ticket_number_seq') AS n`)) as { n: string }[];
  const saved = await manager.save(
    manager.create(TicketEntity, {
      ...ticket,
      number: formatTicketNumber(reportedAt, n),
      reporterId,
      reportedAt,
    }),
  );
  await manager.save(
    manager.create(TicketEventEntity, {
      ticketId: saved.id,
      actorId: reporterId,
      at: reportedAt,
      fromStatus: null,
      toStatus: saved.status,
      note: saved.status === TicketStatus.RESOLVED ? 'Reported resolved on site' : null,
      photos: saved.photos,
    }),
  );
  return saved;
}

/** Reporting, reading and listing tickets, each checked against the caller's scope on the grid code. */
export class TicketService {
  private readonly tickets: Repository<TicketEntity>;
  private readonly events: Repository<TicketEventEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.tickets = dataSource.getRepository(TicketEntity);
    this.events = dataSource.getRepository(TicketEventEntity);
  }

  async report(input: ReportTicketInput): Promise<TicketEntity> {
    const ticket = checkReportInput(input);
    this.auth.assert(Permission.TICKET_REPORT, ticket.gridCode);
    if (ticket.status === TicketStatus.RESOLVED) this.auth.assert(Permission.TICKET_RESOLVE, ticket.gridCode);
    const reporterId = this.auth.accountId;
    return this.dataSource.transaction((manager) => writeNewTicket(manager, ticket, reporterId, new Date()));
  }

  async get(id: string): Promise<TicketEntity> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket) throw notFound('Ticket', id);
    this.auth.assert(Permission.TICKET_READ, ticket.gridCode);
    return ticket;
  }

  /** For reference resolvers: tickets the caller may not read come back as null, not errors. */
  async findVisibleByIds(ids: readonly string[]): Promise<(TicketEntity | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await this.tickets.findBy({ id: In(wellFormed) }) : [];
    const byId = new Map(
      rows.filter((t) => this.auth.can(Permission.TICKET_READ, t.gridCode)).map((t) => [t.id, t]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** A grid's tickets, filtered; the caller pages it newest first (`ticket.reportedAt` DESC). */
  listByGridQuery(gridCode: string, filter: TicketFilter): SelectQueryBuilder<TicketEntity> {
    if (!isGridCode(gridCode)) throw badInput('gridCode', 'must be a 15-digit grid code');
    this.auth.assert(Permission.TICKET_READ, gridCode);
    const query = this.tickets
      .createQueryBuilder('ticket')
      .where('ticket.gridCode = :gridCode', { gridCode });
    if (filter.statuses?.length)
      query.andWhere('ticket.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.mode) query.andWhere('ticket.mode = :mode', { mode: filter.mode });
    const category = filter.categoryPrefix?.trim();
    if (category) {
      if (!CATEGORY_CODE.test(category))
        throw badInput('filter.categoryPrefix', 'must be a category code such as CITY_MANAGEMENT');
      query.andWhere('(ticket.categoryCode = :category OR ticket.categoryCode LIKE :categoryChildren)', {
        category,
        categoryChildren: `${escapeLike(category)}.%`,
      });
    }
    return query;
  }

  /** Timelines of several tickets (already authorised by the caller), oldest entry first. */
  async timelines(ticketIds: readonly string[]): Promise<TicketEventEntity[][]> {
    const rows = await this.events.find({ where: { ticketId: In([...ticketIds]) }, order: { id: 'ASC' } });
    const byTicket = new Map<string, TicketEventEntity[]>();
    for (const event of rows) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event]);
    return ticketIds.map((id) => byTicket.get(id) ?? []);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
