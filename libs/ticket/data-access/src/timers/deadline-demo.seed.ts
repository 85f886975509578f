import type { DataSource } from 'typeorm';
import { DEMO_REPORTER_ID } from '../demo/ticket-demo.seed';
import { nextClock } from '../sla/ticket-clock';
import { formatTicketNumber } from '../ticket/ticket-input';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketAction, TicketChannel, TicketMode, TicketStatus } from '../ticket/ticket.enums';
import { writeClockChange } from '../workflow/ticket-outbox';
import { ClockChange } from '../workflow/ticket-transitions';

/** The demo ticket on a minute clock. */
export const DEMO_CLOCK_TICKET_ID = '7c1e0000-0000-4000-8000-0000000000c1';
const GRID = '520303001001002';
const CATEGORY = 'CITY_MANAGEMENT.STREET_LIGHT';

/**
 * The deadline demo: street lights reported ONSITE to a community answer on a 4-minute accept
 * clock (YELLOW at 2 min, ORANGE at 4, RED at 6, then escalated to the street), and one such ticket
 * is reported when the demo is first seeded, so `npm start` shows colours moving on their own.
 */
export async function seedDeadlineDemo(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ticket-deadline-demo-seed'))`);
    await manager.query(
      `INSERT INTO sla_policy (category_prefix, mode, unit_level, accept_amount, accept_unit, resolve_amount,
                               resolve_unit, verify_amount, verify_unit, warning_ratio, red_after_minutes, escalate_on_red)
       VALUES ($1, 'ONSITE', 'COMMUNITY', 4, 'MINUTES', 6, 'MINUTES', 6, 'MINUTES', 0.5, 2, true)
       ON CONFLICT (mode, unit_level, category_prefix) DO NOTHING`,
      [CATEGORY],
    );
    if (await manager.existsBy(TicketEntity, { id: DEMO_CLOCK_TICKET_ID })) return false;
    const now = new Date();
    const [{ n }] = (await manager.query(`SELECT nextval('ticket_number_seq') AS n`)) as { n: string }[];
    const ticket = {
      id: DEMO_CLOCK_TICKET_ID,
      number: formatTicketNumber(now, n),
      gridCode: GRID,
      adminUnitCode: GRID.slice(0, 12),
      handlingUnitCode: GRID.slice(0, 12),
      categoryCode: CATEGORY,
      mode: TicketMode.ONSITE,
      status: TicketStatus.REPORTED,
      channel: TicketChannel.RESIDENT_APP,
      title: '小区路灯闪烁（演示：分钟时钟）',
      description: '演示工单：受理时限4分钟，2分钟变黄、4分钟变橙、6分钟变红并自动上报街道。',
      reporterId: DEMO_REPORTER_ID,
      reportedAt: now,
    };
    await manager.insert(TicketEntity, {
      ...ticket,
      ...(await nextClock(manager, ticket, ClockChange.START_ACCEPT, now)),
    });
    const event = await manager.insert(TicketEventEntity, {
      ticketId: ticket.id,
      actorId: DEMO_REPORTER_ID,
      at: now,
      action: TicketAction.REPORT,
      fromStatus: null,
      toStatus: TicketStatus.REPORTED,
    });
    await writeClockChange(
      manager,
      { id: ticket.id, slaVersion: 1 },
      null,
      TicketStatus.REPORTED,
      String(event.identifiers[0].id),
    );
    return true;
  });
}
