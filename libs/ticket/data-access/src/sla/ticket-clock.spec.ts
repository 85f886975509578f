import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';

const GRID = '520303001001001';
const HOUR = 3_600_000;

// The SLA clock follows the workflow: accept clock at report (seeded policy: COORDINATED, 2 hours),
// resolve clock at accept (5 working days), frozen while suspended, shifted on resume, gone at close.
describe('SLA clock on write (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  it('starts, pauses, resumes and stops the clock with the status', async () => {
    const worker = authAs(Role.GRID_WORKER, GRID);
    const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
    const reported = await new TicketService(dataSource, worker).report({
      gridCode: GRID,
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.GRID_WORKER,
      title: '路面塌陷',
    });
    expect(reported).toMatchObject({ clockStage: 'ACCEPT', supervisionColor: 'GREEN', pausedAt: null });
    expect(reported.deadlineAt!.getTime() - reported.reportedAt.getTime()).toBe(2 * HOUR);
    expect(reported.redAt!.getTime() - reported.deadlineAt!.getTime()).toBe(24 * HOUR);

    const step = (auth: typeof staff, action: Parameters<TicketWorkflowService['apply']>[1], input = {}) =>
      new TicketWorkflowService(dataSource, auth).apply(reported.id, action, input);
    const accepted = await step(staff, TicketAction.ACCEPT);
    expect(accepted.clockStage).toBe('RESOLVE');
    // Five working days: at least a week of calendar time, never less.
    expect(accepted.deadlineAt!.getTime() - accepted.clockStartedAt!.getTime()).toBeGreaterThanOrEqual(
      7 * 24 * HOUR,
    );

    await step(staff, TicketAction.DISPATCH, { assigneeAccountId: worker.accountId });
    const suspended = await step(staff, TicketAction.SUSPEND, {
      reason: '等待施工许可',
      approverAccountId: randomUUID(),
    });
    expect(suspended.pausedAt).not.toBeNull();
    // Pretend it stood still for a day: resuming shifts the deadline by that day.
    const dayAgo = new Date(suspended.pausedAt!.getTime() - 24 * HOUR);
    await dataSource.getRepository(TicketEntity).update(reported.id, { pausedAt: dayAgo });
    const resumed = await step(staff, TicketAction.RESUME);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.deadlineAt!.getTime() - accepted.deadlineAt!.getTime()).toBeGreaterThanOrEqual(24 * HOUR);

    const resolved = await step(worker, TicketAction.RESOLVE, { note: '已回填' });
    expect(resolved.clockStage).toBe('VERIFY');
    const verified = await step(worker, TicketAction.VERIFY, { passed: true });
    expect(verified).toMatchObject({ clockStage: null, deadlineAt: null, supervisionColor: 'GREEN' });
  });
});
