import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, conflict, forbidden, isUuid, notFound } from '@gridgov/platform-errors';
import { TicketDispatchEntity } from '../workflow/ticket-dispatch.entity';
import { nextClock } from '../sla/ticket-clock';
import { leaderNotification } from '../workflow/ticket-outbox';
import { NOTIFY_LEADERS } from '../workflow/ticket-outbox.entity';
import { clockChange } from '../workflow/ticket-transitions';
import { ticketVisibility } from '../workflow/ticket-visibility';
import { TicketEventEntity } from './ticket-event.entity';
import { type IntakeConfig, intakeConfig } from './ticket-intake-config';
import {
  CATEGORY_CODE,
  checkReportInput,
  isGridCode,
  type NewTicket,
  type ReportTicketInput,
  ticketNumberPrefix,
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
 * Writes a new ticket, its first timeline entry (null → its status), the outbox row starting its
 * clock (and, for EMERGENCY, the one notifying the district's leaders) in one statement: one round
 * trip, no explicit transaction; inside the caller's transaction when `manager` has one (the demo
 * seed uses it too, so both paths number and record tickets the same way).
 *
 * `check` turns the report into a ticket against the intake config (cached: categories, SLA
 * policies, calendar). The insert writes nothing if that config is no longer current; then it is
 * reloaded and the report checked and written again. A refusal is confirmed against the current
 * config, in case the cached one predates a change that allows the report.
 */
export async function writeNewTicket(
  manager: EntityManager,
  check: (config: IntakeConfig) => NewTicket & { id?: string },
  reporterId: string,
  reportedAt: Date,
): Promise<TicketEntity> {
  let config = await intakeConfig(manager);
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1) config = await intakeConfig(manager, config);
    let ticket: NewTicket & { id?: string };
    try {
      ticket = check(config);
    } catch (error) {
      const [{ version }] = (await manager.query(`SELECT version::text FROM ticket_config_version`)) as {
        version: string;
      }[];
      if (version === config.version) throw error;
      continue;
    }
    const written = await insertNewTicket(manager, ticket, reporterId, reportedAt, config);
    if (written) return written;
  }
  throw conflict('The ticket configuration is changing right now; report again in a moment');
}

async function insertNewTicket(
  manager: EntityManager,
  ticket: NewTicket & { id?: string },
  reporterId: string,
  reportedAt: Date,
  config: IntakeConfig,
): Promise<TicketEntity | null> {
  const id = ticket.id ?? randomUUID();
  const clock = clockChange(null, ticket.status);
  // EMERGENCY tickets go straight to the district (the top unit); others start at their community.
  const handlingUnitCode =
    ticket.mode === TicketMode.EMERGENCY ? ticket.adminUnitCode.slice(0, 6) : ticket.adminUnitCode;
  const clockColumns = clock && (await nextClock(config, { ...ticket, handlingUnitCode }, clock, reportedAt));
  const columns: Record<string, unknown> = {
    id,
    grid_code: ticket.gridCode,
    admin_unit_code: ticket.adminUnitCode,
    category_code: ticket.categoryCode,
    mode: ticket.mode,
    status: ticket.status,
    title: ticket.title,
    description: ticket.description,
    channel: ticket.channel,
    longitude: ticket.longitude,
    latitude: ticket.latitude,
    photos: ticket.photos,
    attributes: JSON.stringify(ticket.attributes),
    reporter_id: reporterId,
    household_id: ticket.householdId,
    resident_id: ticket.residentId,
    handling_unit_code: handlingUnitCode,
    reported_at: reportedAt,
    version: 1,
    ...(clockColumns && {
      clock_stage: clockColumns.clockStage,
      clock_started_at: clockColumns.clockStartedAt,
      warning_at: clockColumns.warningAt,
      deadline_at: clockColumns.deadlineAt,
      red_at: clockColumns.redAt,
      paused_at: clockColumns.pausedAt,
      clock_paused_ms: clockColumns.clockPausedMs,
      supervision_color: clockColumns.supervisionColor,
      overdue: clockColumns.overdue,
    }),
  };
  const names = Object.keys(columns);
  const values = Object.values(columns);
  const param = (value: unknown) => `$${values.push(value)}`;
  const outbox = [clock, ticket.mode === TicketMode.EMERGENCY ? NOTIFY_LEADERS : null].filter(
    (k) => k !== null,
  );
  // The leaders' notification needs the number, which the sequence gives inside the statement.
  const notification = leaderNotification({ ...ticket, id, handlingUnitCode, number: '' });
  const rows = (await manager.query(
    `WITH seq AS (
       SELECT nextval('ticket_number_seq')::text AS n
        WHERE EXISTS (SELECT 1 FROM ticket_config_version WHERE version = ${param(config.version)})
     ), t AS (
       INSERT INTO ticket (${names.join(', ')}, number)
       SELECT ${names.map((_, i) => `$${i + 1}`).join(', ')},
              -- As formatTicketNumber: the sequence padded to at least 6 digits.
              ${param(ticketNumberPrefix(reportedAt))} || lpad(n, greatest(6, length(n)), '0')
         FROM seq
       RETURNING *
     ), e AS (
       INSERT INTO ticket_event (ticket_id, actor_id, at, action, from_status, to_status, note, photos)
       SELECT id, reporter_id, reported_at, ${param(TicketAction.REPORT)}, NULL, status,
              ${param(ticket.status === TicketStatus.RESOLVED ? 'Reported resolved on site' : null)}, photos
         FROM t
       RETURNING id
     ), o AS (
       INSERT INTO ticket_outbox (ticket_id, kind, sla_version, payload)
       SELECT t.id, k.kind, t.sla_version,
              jsonb_build_object('ticketId', t.id, 'eventId', e.id::text)
              || CASE WHEN k.kind = ${param(NOTIFY_LEADERS)} THEN jsonb_build_object('notification',
                   jsonb_set(${param(JSON.stringify(notification))}::jsonb, '{params,ticketNumber}', to_jsonb(t.number)))
                 ELSE '{}' END
         FROM t, e, unnest(${param(outbox)}::text[]) WITH ORDINALITY AS k(kind, i)
        ORDER BY k.i
     )
     SELECT * FROM t`,
    values,
  )) as Record<string, unknown>[];
  return rows.length ? hydrate(manager, TicketEntity, rows[0]) : null;
}

/** An entity from a raw `RETURNING *` row, converted as TypeORM converts what it reads. */
function hydrate<T extends object>(
  manager: EntityManager,
  target: new () => T,
  raw: Record<string, unknown>,
): T {
  const entity = manager.create(target);
  const driver = manager.connection.driver;
  for (const column of manager.connection.getMetadata(target).columns)
    column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
  return entity;
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

  report(input: ReportTicketInput): Promise<TicketEntity> {
    const check = (config: IntakeConfig) => {
      const ticket = checkReportInput(input, config.category(input.categoryCode.trim()));
      this.auth.assert(Permission.TICKET_REPORT, ticket.gridCode);
      if (ticket.status === TicketStatus.RESOLVED)
        this.auth.assert(Permission.TICKET_RESOLVE, ticket.gridCode);
      return ticket;
    };
    return writeNewTicket(this.dataSource.manager, check, this.auth.accountId, new Date());
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
