import type { DataSource } from 'typeorm';
import type { AuthContext } from '@gridgov/platform-auth';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { SlaUnit } from './sla-policy';
import type { SlaPolicyInput } from './sla-policy.service';

/** For SLA specs: the unit grid 520303001001001 their tickets are reported in. */
export const SPEC_GRID = '520303001001001';

/** For SLA specs: a community-level policy for road tickets (30 minutes, 3 and 1 working days). */
export const ROADS_POLICY: SlaPolicyInput = {
  categoryPrefix: 'CITY_MANAGEMENT.ROAD',
  mode: TicketMode.COORDINATED,
  unitLevel: 'COMMUNITY',
  accept: { amount: 30, unit: SlaUnit.MINUTES },
  resolve: { amount: 3, unit: SlaUnit.WORKING_DAYS },
  verify: { amount: 1, unit: SlaUnit.WORKING_DAYS },
};

/** For SLA specs: a coordinated window report in SPEC_GRID, its clock started by the policies in force. */
export function reportSpecTicket(dataSource: DataSource, auth: AuthContext, categoryCode: string) {
  return new TicketService(dataSource, auth).report({
    gridCode: SPEC_GRID,
    categoryCode,
    mode: TicketMode.COORDINATED,
    channel: TicketChannel.WINDOW,
    title: '时限测试',
  });
}

/** For SLA specs: the ticket as stored now. */
export function reloadTicket(dataSource: DataSource, id: string): Promise<TicketEntity> {
  return dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
}
