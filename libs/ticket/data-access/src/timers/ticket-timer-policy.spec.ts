import type { DataSource } from 'typeorm';
import { openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import {
  SupervisionColor,
  TicketAction,
  TicketChannel,
  TicketMode,
  TicketStatus,
} from '../ticket/ticket.enums';
import { TimerThreshold } from './ticket-timer';
import { TicketTimerService } from './ticket-timer.service';

const DAY = 86_400_000;
const VERIFIED_AT = new Date('2026-11-20T02:00:00Z');

// A policy's category prefix governs that category and its children only: compared as text, so the
// "_" of CITY_MANAGEMENT (or a "%") is no LIKE wildcard and CITY_MANAGEMENTS is no child. Seen
// through the auto-close timer of an unrated VERIFIED ticket, which takes the policy's days.
describe('timer policy of a ticket (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    // Beside the default policy (auto-close after 7 days) of each mode and level.
    await dataSource.query(
      `INSERT INTO sla_policy (category_prefix, mode, unit_level, accept_amount, accept_unit, resolve_amount,
                               resolve_unit, verify_amount, verify_unit, auto_close_days)
       VALUES ('CITY_MANAGEMENT', 'COORDINATED', 'COMMUNITY', 1, 'HOURS', 1, 'HOURS', 1, 'HOURS', 20),
              ('CITY%', 'COORDINATED', 'COMMUNITY', 1, 'HOURS', 1, 'HOURS', 1, 'HOURS', 30)`,
    );
  });
  afterAll(() => db?.close());

  /** Days to auto-close of an unrated ticket of each category, verified at VERIFIED_AT. */
  async function closeDays(categories: string[]): Promise<Record<string, number>> {
    const saved = await dataSource.manager.insert(
      TicketEntity,
      categories.map((categoryCode, i) => ({
        number: `T-POLICY-${i}`,
        gridCode: '520303001001001',
        adminUnitCode: '520303001001',
        handlingUnitCode: '520303001001',
        categoryCode,
        mode: TicketMode.COORDINATED,
        status: TicketStatus.VERIFIED,
        channel: TicketChannel.GRID_WORKER,
        title: `Policy test ${categoryCode}`,
        reporterId: '00000000-0000-4000-8000-00000000d3a0',
        reportedAt: new Date(VERIFIED_AT.getTime() - DAY),
        supervisionColor: SupervisionColor.GREEN,
        slaVersion: 1,
      })),
    );
    const ids = saved.identifiers.map((row) => row['id'] as string);
    await dataSource.manager.insert(
      TicketEventEntity,
      ids.map((ticketId) => ({
        ticketId,
        actorId: '00000000-0000-4000-8000-00000000d3a0',
        at: VERIFIED_AT,
        action: TicketAction.VERIFY,
        fromStatus: TicketStatus.RESOLVED,
        toStatus: TicketStatus.VERIFIED,
      })),
    );
    const { timers } = await new TicketTimerService(dataSource).sweepPage(null, 100);
    const days: Record<string, number> = {};
    for (const timer of timers.filter((t) => t.threshold === TimerThreshold.AUTO_CLOSE))
      days[categories[ids.indexOf(timer.ticketId)]] = (timer.dueAt.getTime() - VERIFIED_AT.getTime()) / DAY;
    return days;
  }

  it('applies a category prefix to the category and its children, never to look-alikes', async () => {
    expect(
      await closeDays([
        'CITY_MANAGEMENT',
        'CITY_MANAGEMENT.ROAD',
        // LIKE 'CITY_MANAGEMENT.%' would take these two; LIKE 'CITY%.%' the last.
        'CITYXMANAGEMENT.ROAD',
        'CITY_MANAGEMENTS.ROAD',
        'CITYWIDE.ROAD',
      ]),
    ).toEqual({
      CITY_MANAGEMENT: 20,
      'CITY_MANAGEMENT.ROAD': 20,
      'CITYXMANAGEMENT.ROAD': 7,
      'CITY_MANAGEMENTS.ROAD': 7,
      'CITYWIDE.ROAD': 7,
    });
  });
});
