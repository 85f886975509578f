import type { EntityManager } from 'typeorm';
import { clockInstants, deadlineAfter, type SlaDuration, supervisionColor } from './sla-policy';
import type { SlaPolicyEntity } from './sla-policy.entity';
import { loadWorkingCalendar } from './ticket-clock';

export type ClockStage = 'ACCEPT' | 'RESOLVE' | 'VERIFY';

/** A ticket's running (or paused) clock as re-timing reads it. */
export interface RunningClock {
  id: string;
  category_code: string;
  mode: string;
  handling_unit_code: string;
  clock_stage: ClockStage;
  clock_started_at: Date;
  warning_at: Date | null;
  deadline_at: Date | null;
  red_at: Date | null;
  paused_at: Date | null;
  clock_paused_ms: number;
  supervised: boolean;
  sla_version: number;
}

/** The `ticket` columns of a `RunningClock`, for `SELECT … FOR UPDATE` by the callers. */
export const RUNNING_CLOCK_COLUMNS = `id, category_code, mode, handling_unit_code, clock_stage, clock_started_at,
  warning_at, deadline_at, red_at, paused_at, clock_paused_ms, supervised, sla_version`;

/** A stage's duration under a policy. */
export function stageDuration(policy: SlaPolicyEntity, stage: ClockStage): SlaDuration {
  const key = stage.toLowerCase() as 'accept' | 'resolve' | 'verify';
  return { amount: policy[`${key}Amount`], unit: policy[`${key}Unit`] };
}

/**
 * Re-times locked clocks (the caller's transaction holds `FOR UPDATE` on them) under the policy
 * `policyOf` picks for each (null: leave it) and the working calendar as the transaction sees it
 * now: new instants from the clock's start plus the time it was paused before (`clock_paused_ms`;
 * a paused clock's current pause is added when it resumes). Clocks whose instants change get a new
 * SLA version and a `START_<stage>` outbox row (one statement), so the ticket worker's relay
 * replaces their timers: it removes the previous version's jobs and adds the new version's at the
 * new instants, and a job of the old version that still fires finds another `sla_version` and does
 * nothing. A deadline moved later therefore never fires at the old time; one moved earlier fires
 * at the new one. Returns how many clocks changed.
 */
export async function retimeClocks(
  manager: EntityManager,
  clocks: readonly RunningClock[],
  policyOf: (clock: RunningClock) => SlaPolicyEntity | null,
  now: Date,
): Promise<number> {
  if (clocks.length === 0) return 0;
  const earliest = new Date(Math.min(...clocks.map((c) => c.clock_started_at.getTime())));
  const calendar = await loadWorkingCalendar(manager, earliest);
  const changed: {
    id: string;
    warningAt: Date;
    deadlineAt: Date;
    redAt: Date;
    color: string;
    version: number;
  }[] = [];
  for (const clock of clocks) {
    const policy = policyOf(clock);
    if (!policy) continue;
    const start = clock.clock_started_at;
    const raw = clockInstants(
      start,
      deadlineAfter(start, stageDuration(policy, clock.clock_stage), calendar),
      {
        warningRatio: Number(policy.warningRatio),
        redAfterMinutes: policy.redAfterMinutes,
      },
    );
    // Earlier pauses shifted the instants; they still do.
    const at = (d: Date | null) => new Date(d!.getTime() + clock.clock_paused_ms);
    const next = { warningAt: at(raw.warningAt), deadlineAt: at(raw.deadlineAt), redAt: at(raw.redAt) };
    if (
      next.deadlineAt.getTime() === clock.deadline_at?.getTime() &&
      next.warningAt.getTime() === clock.warning_at?.getTime() &&
      next.redAt.getTime() === clock.red_at?.getTime()
    )
      continue;
    const color = supervisionColor({ ...next, pausedAt: clock.paused_at }, now, clock.supervised);
    changed.push({ id: clock.id, ...next, color, version: clock.sla_version + 1 });
  }
  if (changed.length === 0) return 0;
  // The new instants and the START_<stage> rows the relay re-arms the timers from, in one statement.
  await manager.query(
    `WITH retimed AS (
       UPDATE ticket t
          SET warning_at = v.warning_at, deadline_at = v.deadline_at, red_at = v.red_at,
              supervision_color = v.color, sla_version = v.sla_version, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::varchar[], $6::int[])
              AS v(id, warning_at, deadline_at, red_at, color, sla_version)
        WHERE t.id = v.id
        RETURNING t.id, t.clock_stage, t.sla_version)
     INSERT INTO ticket_outbox (ticket_id, kind, sla_version, payload)
     SELECT id, 'START_' || clock_stage, sla_version, jsonb_build_object('ticketId', id, 'eventId', null) FROM retimed`,
    [
      changed.map((c) => c.id),
      changed.map((c) => c.warningAt),
      changed.map((c) => c.deadlineAt),
      changed.map((c) => c.redAt),
      changed.map((c) => c.color),
      changed.map((c) => c.version),
    ],
  );
  return changed.length;
}
