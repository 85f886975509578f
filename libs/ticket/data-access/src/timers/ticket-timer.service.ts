import { DataSource, EntityManager, In } from 'typeorm';
import { GraphQLError } from 'graphql';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { ErrorCode } from '@gridgov/platform-errors';
import type { NotificationJob } from '@gridgov/platform-queue';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { SupervisionColor, TicketAction, TicketStatus } from '../ticket/ticket.enums';
import { TicketDispatchEntity } from '../workflow/ticket-dispatch.entity';
import { ClockChange, DispatchStatus, isAllowed, parentUnitCode } from '../workflow/ticket-transitions';
import { NOTIFY_LEADERS } from '../workflow/ticket-outbox.entity';
import { unitLevelSql } from '../sla/ticket-clock';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import {
  type ColorThreshold,
  colorDueAt,
  pendingTimers,
  type RatingWait,
  ratingDueAt,
  reached,
  type TicketTimer,
  timerJobId,
  TimerThreshold,
  versionJobIds,
} from './ticket-timer';

/** The actor of every step the ticket worker takes (colour changes, escalation, auto-close). */
export const SYSTEM_ACCOUNT_ID = '00000000-0000-4000-8000-0000000005a1';

/** What a policy says beyond the clock (migration 1765100000000). */
export interface TimerPolicy {
  escalateOnRed: boolean;
  ratingReminderDays: number;
  autoCloseDays: number;
}

/** Who a timer concerns, for the notifications the job layer sends (ids only). */
export interface TimerFacts {
  ticketId: string;
  number: string;
  status: TicketStatus;
  handlingUnitCode: string;
  ownerAccountId: string | null;
  reporterId: string;
  deadlineAt: Date | null;
  /** Active dispatches: the handlers. */
  departmentIds: string[];
  accountIds: string[];
}

/** A batch of timer changes the relay hands to the queue before it marks the rows processed. */
export interface TimerChanges {
  remove: string[];
  add: TicketTimer[];
  /** Notifications written by the ticket service itself (EMERGENCY → leaders), enqueued as they are. */
  notify: NotificationJob[];
}

export type ColorOutcome =
  /** The ticket moved on (other stage or version, paused, closed): the timer does nothing. */
  | { kind: 'stale' }
  /** The clock was shifted (resumed after a pause): fire again at dueAt. */
  | { kind: 'early'; dueAt: Date }
  /** Already at this colour or beyond (supervised, or a later threshold came first). */
  | { kind: 'reached' }
  /** Applied and notified before (a repeated job). */
  | { kind: 'done' }
  /** Applied (now or by an earlier, interrupted run): notify, then possibly escalate, then `markNotified`. */
  | { kind: 'notify'; facts: TimerFacts; escalate: { expectedVersion: number } | null };

export type RatingOutcome =
  | { kind: 'stale' }
  | { kind: 'early'; dueAt: Date }
  | { kind: 'done' }
  | { kind: 'notify'; facts: TimerFacts }
  | { kind: 'close'; expectedVersion: number; days: number };

export interface TimerRef {
  ticketId: string;
  stage: TicketTimer['stage'];
  threshold: TimerThreshold;
  slaVersion: number;
}

interface OutboxRow {
  id: string;
  ticket_id: string;
  kind: ClockChange | typeof NOTIFY_LEADERS;
  sla_version: number;
  payload: { notification?: NotificationJob };
}

/** Ticket states that keep a timer: a running clock, or an unrated VERIFIED ticket waiting for auto-close. */
const HAS_TIMERS = `((clock_stage IS NOT NULL AND paused_at IS NULL) OR (status = 'VERIFIED' AND satisfaction IS NULL))`;

/**
 * PostgreSQL side of the ticket worker: relaying the SLA outbox, the reconciliation sweep's view of
 * which timers should exist, and applying a fired timer exactly once in effect (row lock, version
 * and stage check, and the `ticket_timer_fired` ledger).
 */
export class TicketTimerService {
  private readonly workflow: TicketWorkflowService;

  constructor(private readonly dataSource: DataSource) {
    this.workflow = new TicketWorkflowService(
      dataSource,
      new AuthContext({
        accountId: SYSTEM_ACCOUNT_ID,
        username: 'ticket-worker',
        grants: [{ role: Role.PLATFORM_ADMIN, scopeCode: '' }],
      }),
    );
  }

  /**
   * Claims up to `limit` unprocessed outbox rows (SKIP LOCKED: replicas share the work), hands the
   * timer changes to `apply` (BullMQ adds, idempotent by job id) and marks the rows processed in the
   * same transaction once `apply` succeeded. Returns how many rows it relayed.
   */
  async relayOutbox(limit: number, apply: (changes: TimerChanges) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = (await manager.query(
        `SELECT id, ticket_id, kind, sla_version, payload FROM ticket_outbox
          WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )) as OutboxRow[];
      if (claimed.length === 0) return 0;
      const notify = claimed.flatMap((row) =>
        row.kind === NOTIFY_LEADERS && row.payload.notification ? [row.payload.notification] : [],
      );
      const rows = claimed.filter((row): row is OutboxRow & { kind: ClockChange } => row.kind !== NOTIFY_LEADERS);
      const remove = rows.flatMap((row) => {
        // A new clock replaces the previous version's timers; a pause or stop ends this version's.
        if (row.kind === ClockChange.RESUME) return [];
        const version = row.kind.startsWith('START_') ? row.sla_version - 1 : row.sla_version;
        return versionJobIds(row.ticket_id, version);
      });
      // Timers follow the ticket as it is now, whatever order the rows come in.
      const add = rows.length ? await this.timersOf(manager, [...new Set(rows.map((r) => r.ticket_id))]) : [];
      await apply({ remove, add, notify });
      await manager.query(`UPDATE ticket_outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [
        claimed.map((r) => r.id),
      ]);
      return claimed.length;
    });
  }

  /** One page (by ticket id) of the timers open tickets should have pending, for the reconciliation sweep. */
  async sweepPage(afterId: string | null, limit: number): Promise<{ timers: TicketTimer[]; lastId: string | null }> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM ticket WHERE ${HAS_TIMERS} AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as { id: string }[];
    if (rows.length === 0) return { timers: [], lastId: null };
    const timers = await this.timersOf(this.dataSource.manager, rows.map((r) => r.id));
    return { timers, lastId: rows.length < limit ? null : rows[rows.length - 1].id };
  }

  /** Applies a colour threshold (YELLOW, ORANGE, RED) if the ticket is still where the timer was made for. */
  async applyColor(ref: TimerRef & { threshold: ColorThreshold }, now: Date): Promise<ColorOutcome> {
    const jobId = timerJobId(ref.ticketId, ref.stage, ref.threshold, ref.slaVersion);
    return this.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ref.ticketId);
      if (!ticket) return { kind: 'stale' };
      const fired = await firedRow(manager, jobId);
      const policy = async () => (await timerPolicies(manager, [ticket.id])).get(ticket.id);
      const escalation = async (t: TicketEntity) =>
        ref.threshold === TimerThreshold.RED &&
        // A repeated job after the ticket moved on (escalated, accepted anew) must not escalate again.
        t.slaVersion === ref.slaVersion &&
        isAllowed(TicketAction.ESCALATE, t) &&
        parentUnitCode(t.handlingUnitCode) &&
        (await policy())?.escalateOnRed
          ? { expectedVersion: t.version }
          : null;
      if (fired)
        return fired.notifiedAt
          ? { kind: 'done' }
          : { kind: 'notify', facts: await facts(manager, ticket), escalate: await escalation(ticket) };
      if (ticket.slaVersion !== ref.slaVersion || ticket.clockStage !== ref.stage) return { kind: 'stale' };
      const dueAt = colorDueAt(ticket, ref.threshold);
      if (!dueAt) return { kind: 'stale' };
      if (dueAt > now) return { kind: 'early', dueAt };
      if (reached(ticket.supervisionColor, ref.threshold)) return { kind: 'reached' };

      await manager
        .createQueryBuilder()
        .update(TicketEntity)
        .set({ supervisionColor: SupervisionColor[ref.threshold] })
        .where('id = :id', { id: ticket.id })
        .execute();
      await manager.insert(TicketEventEntity, {
        ticketId: ticket.id,
        actorId: SYSTEM_ACCOUNT_ID,
        at: now,
        action: TicketAction.SLA_COLOR,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        note: `${ref.threshold}: ${colorNote(ref.threshold)} (${ref.stage.toLowerCase()} deadline ${ticket.deadlineAt?.toISOString()})`,
      });
      await manager.query(`INSERT INTO ticket_timer_fired (job_id, ticket_id, fired_at) VALUES ($1, $2, $3)`, [
        jobId,
        ticket.id,
        now,
      ]);
      const updated = await manager.findOneByOrFail(TicketEntity, { id: ticket.id });
      return { kind: 'notify', facts: await facts(manager, updated), escalate: await escalation(updated) };
    });
  }

  /** Rating reminder or auto-close of an unrated VERIFIED ticket. */
  async applyRating(
    ref: TimerRef & { threshold: TimerThreshold.RATING_REMINDER | TimerThreshold.AUTO_CLOSE },
    now: Date,
  ): Promise<RatingOutcome> {
    const jobId = timerJobId(ref.ticketId, ref.stage, ref.threshold, ref.slaVersion);
    return this.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ref.ticketId);
      if (!ticket || ticket.status !== TicketStatus.VERIFIED || ticket.satisfaction || ticket.slaVersion !== ref.slaVersion)
        return { kind: 'stale' };
      const wait = (await ratingWaits(manager, [ticket])).get(ticket.id);
      if (!wait) return { kind: 'stale' };
      const dueAt = ratingDueAt(wait, ref.threshold);
      if (dueAt > now) return { kind: 'early', dueAt };
      if (ref.threshold === TimerThreshold.AUTO_CLOSE)
        return { kind: 'close', expectedVersion: ticket.version, days: wait.closeDays };
      const fired = await firedRow(manager, jobId);
      if (fired?.notifiedAt) return { kind: 'done' };
      if (!fired)
        await manager.query(`INSERT INTO ticket_timer_fired (job_id, ticket_id, fired_at) VALUES ($1, $2, $3)`, [
          jobId,
          ticket.id,
          now,
        ]);
      return { kind: 'notify', facts: await facts(manager, ticket) };
    });
  }

  /** Records that a fired timer's notifications were enqueued, so a repeated job does not enqueue again. */
  async markNotified(ref: TimerRef): Promise<void> {
    await this.dataSource.query(`UPDATE ticket_timer_fired SET notified_at = now() WHERE job_id = $1`, [
      timerJobId(ref.ticketId, ref.stage, ref.threshold, ref.slaVersion),
    ]);
  }

  /** RED with a policy that asks for it: the ticket goes to the parent unit (a new accept clock). Null if someone acted first. */
  escalate(ticketId: string, expectedVersion: number): Promise<TicketEntity | null> {
    return unlessActedMeanwhile(
      this.workflow.apply(ticketId, TicketAction.ESCALATE, {
        expectedVersion,
        reason: 'Escalated automatically: RED past the deadline',
      }),
    );
  }

  /** Closes an unrated VERIFIED ticket. Null if someone acted first (rated or closed it). */
  autoClose(ticketId: string, expectedVersion: number, days: number): Promise<TicketEntity | null> {
    return unlessActedMeanwhile(
      this.workflow.apply(ticketId, TicketAction.CLOSE, {
        expectedVersion,
        note: `Closed automatically: not rated within ${days} days`,
      }),
    );
  }

  private async timersOf(manager: EntityManager, ticketIds: string[]): Promise<TicketTimer[]> {
    const tickets = await manager.findBy(TicketEntity, { id: In(ticketIds) });
    const waits = await ratingWaits(
      manager,
      tickets.filter((t) => t.status === TicketStatus.VERIFIED && !t.satisfaction),
    );
    const timers = tickets.flatMap((t) => pendingTimers(t, waits.get(t.id) ?? null));
    // A rating reminder already sent stays due while the ticket waits: do not send it again.
    const sent = (await manager.query(
      `SELECT job_id FROM ticket_timer_fired WHERE job_id = ANY($1::text[]) AND notified_at IS NOT NULL`,
      [timers.map((t) => t.jobId)],
    )) as { job_id: string }[];
    const done = new Set(sent.map((r) => r.job_id));
    return timers.filter((t) => !done.has(t.jobId));
  }
}

/** A system step loses to a person's concurrent step (version moved, status changed): then it has nothing to do. */
async function unlessActedMeanwhile(step: Promise<TicketEntity>): Promise<TicketEntity | null> {
  try {
    return await step;
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
    if (code === ErrorCode.CONFLICT || code === ErrorCode.INVALID_TRANSITION) return null;
    throw error;
  }
}

function colorNote(threshold: ColorThreshold): string {
  return {
    YELLOW: 'warning, the deadline is near',
    ORANGE: 'past the deadline',
    RED: 'past the red limit',
  }[threshold];
}

function lockTicket(manager: EntityManager, id: string): Promise<TicketEntity | null> {
  return manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

async function firedRow(manager: EntityManager, jobId: string): Promise<{ notifiedAt: Date | null } | null> {
  const [row] = (await manager.query(`SELECT notified_at FROM ticket_timer_fired WHERE job_id = $1`, [jobId])) as {
    notified_at: Date | null;
  }[];
  return row ? { notifiedAt: row.notified_at } : null;
}

async function facts(manager: EntityManager, ticket: TicketEntity): Promise<TimerFacts> {
  const active = await manager.findBy(TicketDispatchEntity, { ticketId: ticket.id, status: DispatchStatus.ACTIVE });
  return {
    ticketId: ticket.id,
    number: ticket.number,
    status: ticket.status,
    handlingUnitCode: ticket.handlingUnitCode,
    ownerAccountId: ticket.ownerAccountId,
    reporterId: ticket.reporterId,
    deadlineAt: ticket.deadlineAt,
    departmentIds: active.flatMap((d) => (d.departmentId ? [d.departmentId] : [])),
    accountIds: active.flatMap((d) => (d.accountId ? [d.accountId] : [])),
  };
}

/** The most specific policy of each ticket (same choice as the clock: mode, unit level, longest category prefix). */
async function timerPolicies(manager: EntityManager, ticketIds: string[]): Promise<Map<string, TimerPolicy>> {
  const rows = (await manager.query(
    `SELECT t.id, p.escalate_on_red, p.rating_reminder_days, p.auto_close_days
       FROM ticket t
       CROSS JOIN LATERAL (
         SELECT escalate_on_red, rating_reminder_days, auto_close_days FROM sla_policy
          WHERE mode = t.mode
            AND unit_level = ${unitLevelSql('t.handling_unit_code')}
            -- Compared as text, not LIKE: "_" in category codes is no wildcard (as in nextClock).
            AND (category_prefix = '' OR t.category_code = category_prefix
                 OR left(t.category_code, length(category_prefix) + 1) = category_prefix || '.')
          ORDER BY length(category_prefix) DESC LIMIT 1) p
      WHERE t.id = ANY($1::uuid[])`,
    [ticketIds],
  )) as { id: string; escalate_on_red: boolean; rating_reminder_days: number; auto_close_days: number }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { escalateOnRed: r.escalate_on_red, ratingReminderDays: r.rating_reminder_days, autoCloseDays: r.auto_close_days },
    ]),
  );
}

/** When each unrated VERIFIED ticket was verified, and its policy's reminder and close days. */
async function ratingWaits(manager: EntityManager, tickets: TicketEntity[]): Promise<Map<string, RatingWait>> {
  if (tickets.length === 0) return new Map();
  const ids = tickets.map((t) => t.id);
  const policies = await timerPolicies(manager, ids);
  const verified = (await manager.query(
    `SELECT ticket_id, max(at) AS at FROM ticket_event WHERE ticket_id = ANY($1::uuid[]) AND action = 'VERIFY' AND to_status = 'VERIFIED'
      GROUP BY ticket_id`,
    [ids],
  )) as { ticket_id: string; at: Date }[];
  const waits = new Map<string, RatingWait>();
  for (const { ticket_id, at } of verified) {
    const policy = policies.get(ticket_id);
    if (policy)
      waits.set(ticket_id, {
        verifiedAt: at,
        reminderDays: policy.ratingReminderDays,
        closeDays: policy.autoCloseDays,
      });
  }
  return waits;
}
