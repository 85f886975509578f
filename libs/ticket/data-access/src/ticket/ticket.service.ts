import { Brackets, DataSource, EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, forbidden, isUuid, notFound } from '@gridgov/platform-errors';
import { TicketCategoryService } from '../catalogue/ticket-category.service';
import { TicketDispatchEntity } from '../workflow/ticket-dispatch.entity';
import { nextClock } from '../sla/ticket-clock';
import { writeClockChange, writeLeaderNotification } from '../workflow/ticket-outbox';
import { clockChange } from '../workflow/ticket-transitions';
import { ticketVisibility } from '../workflow/ticket-visibility';
import { TicketEventEntity } from './ticket-event.entity';
import {
  CATEGORY_CODE,
  checkReportInput,
  formatTicketNumber,
  isGridCode,
  type NewTicket,
  type ReportTicketInput,
} from './ticket-input';
import { TicketEntity } from './ticket.entity';
import { TicketAction, TicketMode, TicketStatus } from './ticket.enums';

const DUPLICATE_WINDOW_MS = 72 * 3_600_000;

export interface TicketFilter {
  statuses?: TicketStatus[] | null;
  /** A category and everything under it: `CITY_MANAGEMENT` matches `CITY_MANAGEMENT.ROAD`. */
  categoryPrefix?: string | null;
  mode?: TicketMode | null;
}

/**
 * Writes a new ticket, its first timeline entry (null → its status) and the outbox row starting its clock. Call inside a transaction;
 * the demo seed uses it too, so both paths number and record tickets the same way.
 */
export async function writeNewTicket(
  manager: EntityManager,
  ticket: NewTicket & { id?: string },
  reporterId: string,
  reportedAt: Date,
): Promise<TicketEntity> {
  const [{ n }] = (await manager.query(`SELECT nextval('ticket_number_seq') AS n`)) as { n: string }[];
  const clock = clockChange(null, ticket.status);
  // EMERGENCY tickets go straight to the district (the top unit); others start at their community.
  const handlingUnitCode =
    ticket.mode === TicketMode.EMERGENCY ? ticket.adminUnitCode.slice(0, 6) : ticket.adminUnitCode;
  const saved = await manager.save(
    manager.create(TicketEntity, {
      ...ticket,
      ...(clock && (await nextClock(manager, { ...ticket, handlingUnitCode }, clock, reportedAt))),
      number: formatTicketNumber(reportedAt, n),
      handlingUnitCode,
      reporterId,
      reportedAt,
    }),
  );
  const event = await manager.save(
    manager.create(TicketEventEntity, {
      ticketId: saved.id,
      actorId: reporterId,
      at: reportedAt,
      action: TicketAction.REPORT,
      fromStatus: null,
      toStatus: saved.status,
      note: saved.status === TicketStatus.RESOLVED ? 'Reported resolved on site' : null,
      photos: saved.photos,
    }),
  );
  await writeClockChange(manager, saved, null, saved.status, event.id);
  if (saved.mode === TicketMode.EMERGENCY) await writeLeaderNotification(manager, saved, event.id);
  return saved;
}

/** Reporting, reading and listing tickets, each checked against the caller's scope on the grid code. */
export class TicketService {
  private readonly tickets: Repository<TicketEntity>;
  private readonly events: Repository<TicketEventEntity>;
  private readonly dispatchRows: Repository<TicketDispatchEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.tickets = dataSource.getRepository(TicketEntity);
    this.events = dataSource.getRepository(TicketEventEntity);
    this.dispatchRows = dataSource.getRepository(TicketDispatchEntity);
  }

  async report(input: ReportTicketInput): Promise<TicketEntity> {
    const category = await TicketCategoryService.forIntake(
      this.dataSource.manager,
      input.categoryCode.trim(),
    );
    const ticket = checkReportInput(input, category);
    this.auth.assert(Permission.TICKET_REPORT, ticket.gridCode);
    if (ticket.status === TicketStatus.RESOLVED) this.auth.assert(Permission.TICKET_RESOLVE, ticket.gridCode);
    const reporterId = this.auth.accountId;
    return this.dataSource.transaction((manager) => writeNewTicket(manager, ticket, reporterId, new Date()));
  }

  async get(id: string): Promise<TicketEntity> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket) throw notFound('Ticket', id);
    const [visible] = await this.visible([ticket]);
    if (!visible) {
      this.auth.assert(Permission.TICKET_READ, ticket.gridCode);
      throw forbidden(`You may not see ticket ${id}`);
    }
    return ticket;
  }

  /** For reference resolvers: tickets the caller may not read come back as null, not errors. */
  async findVisibleByIds(ids: readonly string[]): Promise<(TicketEntity | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await this.tickets.findBy({ id: In(wellFormed) }) : [];
    const byId = new Map((await this.visible(rows)).filter((t) => t !== null).map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The rows the caller may read (others null); dispatches are read only for rows outside the caller's unit scope. */
  private async visible(rows: TicketEntity[]): Promise<(TicketEntity | null)[]> {
    const visibility = ticketVisibility(this.auth);
    const unsure = rows.filter((t) => !visibility.canRead(t, [])).map((t) => t.id);
    const dispatches = unsure.length ? await this.dispatchRows.findBy({ ticketId: In(unsure) }) : [];
    return rows.map((t) =>
      visibility.canRead(
        t,
        dispatches.filter((d) => d.ticketId === t.id),
      )
        ? t
        : null,
    );
  }

  /**
   * Tickets dispatched to a department, newest first: all of them for its handlers, those within
   * the caller's scope for unit staff.
   */
  listByDepartmentQuery(departmentId: string, filter: TicketFilter): SelectQueryBuilder<TicketEntity> {
    if (!isUuid(departmentId)) throw badInput('departmentId', 'must be a UUID');
    const query = this.tickets
      .createQueryBuilder('ticket')
      .where(
        'ticket.id IN (SELECT d.ticket_id FROM ticket_dispatch d WHERE d.department_id = :departmentId)',
        {
          departmentId,
        },
      );
    if (!this.auth.departmentIds(Permission.TICKET_READ).includes(departmentId)) {
      const prefixes = this.auth.scopePrefixes(Permission.TICKET_READ);
      if (!prefixes.length) throw forbidden(`You may not see the tickets of department ${departmentId}`);
      query.andWhere(
        new Brackets((qb) =>
          prefixes.forEach((prefix, i) =>
            qb.orWhere(`ticket.adminUnitCode LIKE :scope${i}`, { [`scope${i}`]: `${escapeLike(prefix)}%` }),
          ),
        ),
      );
    }
    return applyFilter(query, filter);
  }

  /**
   * Open tickets of the same category reported within 72 hours and 100 metres of this one (and
   * visible to the caller): offered at intake so staff can merge them.
   */
  async likelyDuplicates(ticket: TicketEntity): Promise<TicketEntity[]> {
    if (ticket.latitude === null || ticket.longitude === null) return [];
    const rows = await this.tickets
      .createQueryBuilder('t')
      .where('t.categoryCode = :category AND t.id <> :id', { category: ticket.categoryCode, id: ticket.id })
      .andWhere('t.reportedAt BETWEEN :since AND :until', {
        since: new Date(ticket.reportedAt.getTime() - DUPLICATE_WINDOW_MS),
        until: new Date(ticket.reportedAt.getTime() + DUPLICATE_WINDOW_MS),
      })
      .andWhere('t.status NOT IN (:...finished)', { finished: [TicketStatus.MERGED, TicketStatus.REJECTED] })
      // ~100 m box first (index-friendly), then the exact equirectangular distance.
      .andWhere('t.latitude BETWEEN :lat - 0.001 AND :lat + 0.001', { lat: ticket.latitude })
      .andWhere(
        `6371000 * sqrt(power(radians(t.latitude - :lat), 2) + power(radians(t.longitude - :lon) * cos(radians(:lat)), 2)) <= 100`,
        { lon: ticket.longitude },
      )
      .orderBy('t.reportedAt', 'DESC')
      .limit(10)
      .getMany();
    return (await this.visible(rows)).filter((t): t is TicketEntity => t !== null);
  }

  /** Dispatches of several tickets (already authorised by the caller), oldest first. */
  async dispatches(ticketIds: readonly string[]): Promise<TicketDispatchEntity[][]> {
    const rows = await this.dispatchRows.find({
      where: { ticketId: In([...ticketIds]) },
      order: { dispatchedAt: 'ASC' },
    });
    return ticketIds.map((id) => rows.filter((d) => d.ticketId === id));
  }

  /** A grid's tickets, filtered; the caller pages it newest first (`ticket.reportedAt` DESC). */
  listByGridQuery(gridCode: string, filter: TicketFilter): SelectQueryBuilder<TicketEntity> {
    if (!isGridCode(gridCode)) throw badInput('gridCode', 'must be a 15-digit grid code');
    this.auth.assert(Permission.TICKET_READ, gridCode);
    const query = this.tickets
      .createQueryBuilder('ticket')
      .where('ticket.gridCode = :gridCode', { gridCode });
    return applyFilter(query, filter);
  }

  /**
   * Tickets concerning a household (grid-service's id), newest first: those in the caller's
   * ticket:read scope and those the caller reported.
   */
  listByHouseholdQuery(householdId: string, filter: TicketFilter): SelectQueryBuilder<TicketEntity> {
    if (!isUuid(householdId)) throw badInput('householdId', 'must be a UUID');
    const prefixes = this.auth.scopePrefixes(Permission.TICKET_READ);
    if (!prefixes.length && !this.auth.isAuthenticated)
      throw forbidden(`You may not see the tickets of household ${householdId}`);
    const query = this.tickets
      .createQueryBuilder('ticket')
      .where('ticket.householdId = :householdId', { householdId })
      .andWhere(
        new Brackets((qb) => {
          qb.where('ticket.reporterId = :me', { me: this.auth.accountId });
          prefixes.forEach((prefix, i) =>
            qb.orWhere(`ticket.gridCode LIKE :scope${i}`, { [`scope${i}`]: `${escapeLike(prefix)}%` }),
          );
        }),
      );
    return applyFilter(query, filter);
  }

  /** Timelines of several tickets (already authorised by the caller), oldest entry first. */
  async timelines(ticketIds: readonly string[]): Promise<TicketEventEntity[][]> {
    const rows = await this.events.find({ where: { ticketId: In([...ticketIds]) }, order: { id: 'ASC' } });
    const byTicket = new Map<string, TicketEventEntity[]>();
    for (const event of rows) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event]);
    return ticketIds.map((id) => byTicket.get(id) ?? []);
  }
}

function applyFilter(
  query: SelectQueryBuilder<TicketEntity>,
  filter: TicketFilter,
): SelectQueryBuilder<TicketEntity> {
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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
