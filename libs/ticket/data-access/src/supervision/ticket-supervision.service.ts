import { DataSource, In } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, conflict, forbidden, invalidTransition, isUuid, notFound } from '@gridgov/platform-errors';
import { SupervisionColor, TicketStatus } from '../ticket/ticket.enums';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketDispatchEntity } from '../workflow/ticket-dispatch.entity';
import { DispatchStatus } from '../workflow/ticket-transitions';
import { TicketSupervisionEntity } from './ticket-supervision.entity';

const MAX_TEXT = 2000;
const FINISHED = [TicketStatus.VERIFIED, TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.MERGED];

/**
 * 督办: a leader with ticket:supervise in the ticket's scope puts it under supervision (it turns
 * RED); the unit handling it or a department it is dispatched to replies.
 */
export class TicketSupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async supervise(ticketId: string, opinion: string): Promise<TicketEntity> {
    if (!isUuid(ticketId)) throw badInput('input.id', 'must be a UUID');
    const text = checkText('input.opinion', opinion);
    const leaderId = this.auth.accountId;
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOneBy(TicketEntity, { id: ticketId });
      if (!ticket) throw notFound('Ticket', ticketId);
      this.auth.assert(Permission.TICKET_SUPERVISE, ticket.gridCode);
      if (FINISHED.includes(ticket.status))
        throw invalidTransition(
          `Ticket ${ticket.number} is ${ticket.status}: only open tickets can be supervised`,
          {
            status: ticket.status,
          },
        );
      const result = await manager
        .createQueryBuilder()
        .update(TicketEntity)
        .set({ supervised: true, supervisionColor: SupervisionColor.RED })
        .where('id = :id AND version = :version', { id: ticket.id, version: ticket.version })
        .execute();
      if (result.affected !== 1) throw conflict(`Ticket ${ticket.number} changed meanwhile; try again`);
      await manager.insert(TicketSupervisionEntity, {
        ticketId,
        leaderId,
        opinion: text,
        createdAt: new Date(),
      });
      return manager.findOneByOrFail(TicketEntity, { id: ticketId });
    });
  }

  async reply(supervisionId: string, reply: string): Promise<TicketSupervisionEntity> {
    if (!isUuid(supervisionId)) throw badInput('input.supervisionId', 'must be a UUID');
    const text = checkText('input.reply', reply);
    return this.dataSource.transaction(async (manager) => {
      const supervision = await manager.findOneBy(TicketSupervisionEntity, { id: supervisionId });
      if (!supervision) throw notFound('Supervision', supervisionId);
      const ticket = await manager.findOneByOrFail(TicketEntity, { id: supervision.ticketId });
      const dispatches = await manager.findBy(TicketDispatchEntity, {
        ticketId: ticket.id,
        status: DispatchStatus.ACTIVE,
      });
      const departments = new Set(this.auth.departmentIds(Permission.TICKET_RESOLVE));
      const handles =
        this.auth.can(Permission.TICKET_HANDLE, ticket.handlingUnitCode) ||
        dispatches.some((d) =>
          d.departmentId ? departments.has(d.departmentId) : d.accountId === this.auth.accountId,
        );
      if (!handles) throw forbidden(`Only those handling ticket ${ticket.number} reply to its supervision`);
      await manager.update(TicketSupervisionEntity, supervision.id, {
        reply: text,
        repliedBy: this.auth.accountId,
        repliedAt: new Date(),
      });
      return manager.findOneByOrFail(TicketSupervisionEntity, { id: supervision.id });
    });
  }

  /** Supervisions of several tickets (already authorised by the caller), oldest first. */
  async forTickets(ticketIds: readonly string[]): Promise<TicketSupervisionEntity[][]> {
    const rows = await this.dataSource
      .getRepository(TicketSupervisionEntity)
      .find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC' } });
    return ticketIds.map((id) => rows.filter((r) => r.ticketId === id));
  }
}

function checkText(field: string, value: string): string {
  const text = value.trim();
  if (!text || text.length > MAX_TEXT) throw badInput(field, `must be 1 to ${MAX_TEXT} characters`);
  return text;
}
