import { AuthContext, Permission } from '@gridgov/platform-auth';
import type { TicketEntity } from '../ticket/ticket.entity';
import type { TicketDispatchEntity } from './ticket-dispatch.entity';

/**
 * Who may read a ticket: ticket:read in the scope of its grid or of the unit handling it (after
 * escalation), or a handler of a department it was dispatched to, or the grid worker it went to.
 */
export function ticketVisibility(auth: AuthContext) {
  const departments = new Set(auth.departmentIds(Permission.TICKET_READ));
  return {
    departments,
    canRead(ticket: TicketEntity, dispatches: readonly TicketDispatchEntity[]): boolean {
      return (
        auth.can(Permission.TICKET_READ, ticket.gridCode) ||
        auth.can(Permission.TICKET_READ, ticket.handlingUnitCode) ||
        (auth.isAuthenticated && ticket.reporterId === auth.accountId) ||
        dispatches.some((d) =>
          d.departmentId
            ? departments.has(d.departmentId)
            : auth.isAuthenticated && d.accountId === auth.accountId,
        )
      );
    },
  };
}
