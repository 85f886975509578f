import { EntityManager } from 'typeorm';
import type { TicketEntity } from '../ticket/ticket.entity';
import { SupervisionColor } from '../ticket/ticket.enums';
import { ClockChange } from '../workflow/ticket-transitions';
import { clockInstants, deadlineAfter, SlaUnit, supervisionColor } from './sla-policy';
import type { UnitLevel } from './sla-policy.entity';
import { WorkingCalendar } from './working-calendar';

type ClockColumns = Pick<
  TicketEntity,
  | 'clockStage'
  | 'clockStartedAt'
  | 'warningAt'
  | 'deadlineAt'
  | 'redAt'
  | 'pausedAt'
  | 'clockPausedMs'
  | 'supervisionColor'
  | 'overdue'
>;

const STAGE: Partial<Record<ClockChange, 'ACCEPT' | 'RESOLVE' | 'VERIFY'>> = {
  [ClockChange.START_ACCEPT]: 'ACCEPT',
  [ClockChange.START_RESOLVE]: 'RESOLVE',
  [ClockChange.START_VERIFY]: 'VERIFY',
};

/** sla_policy level of the handling unit's significant code prefix. */
export function unitLevel(code: string): UnitLevel {
  return code.length >= 12
    ? 'COMMUNITY'
    : code.length >= 9
      ? 'STREET'
      : code.length >= 6
        ? 'DISTRICT'
        : 'CITY';
}

/** `unitLevel` in SQL, over a column holding a handling unit's code. */
export function unitLevelSql(column: string): string {
  return `CASE WHEN length(${column}) >= 12 THEN 'COMMUNITY' WHEN length(${column}) >= 9 THEN 'STREET'
               WHEN length(${column}) >= 6 THEN 'DISTRICT' ELSE 'CITY' END`;
}

export interface PolicyRow {
  amount: number;
  unit: SlaUnit;
  warning_ratio: string;
  red_after_minutes: number;
}

type ClockSubject = Pick<TicketEntity, 'categoryCode' | 'mode' | 'handlingUnitCode'>;
type Stage = 'ACCEPT' | 'RESOLVE' | 'VERIFY';

/**
 * Where a starting clock reads its SLA policy and working calendar: the database in the caller's
 * transaction, or intake's cached copy (`ticket/ticket-intake-config.ts`), which must pick the
 * same policy (`policyPrefixMatches`).
 */
export interface ClockSource {
  policy(ticket: ClockSubject, stage: Stage): Promise<PolicyRow | undefined> | PolicyRow | undefined;
  calendar(from: Date): Promise<WorkingCalendar> | WorkingCalendar;
}

/** An sla_policy prefix applies to its category and the ones below it, as text ("_" is no wildcard). */
export function policyPrefixMatches(prefix: string, categoryCode: string): boolean {
  return prefix === '' || categoryCode === prefix || categoryCode.startsWith(`${prefix}.`);
}

const databaseSource = (manager: EntityManager): ClockSource => ({
  async policy(ticket, stage) {
    const column = stage.toLowerCase();
    // The SQL twin of policyPrefixMatches.
    const [policy] = (await manager.query(
      `SELECT ${column}_amount AS amount, ${column}_unit AS unit, warning_ratio, red_after_minutes
         FROM sla_policy
        WHERE mode = $1 AND unit_level = $2
          AND (category_prefix = '' OR $3 = category_prefix OR left($3, length(category_prefix) + 1) = category_prefix || '.')
        ORDER BY length(category_prefix) DESC LIMIT 1`,
      [ticket.mode, unitLevel(ticket.handlingUnitCode), ticket.categoryCode],
    )) as PolicyRow[];
    return policy;
  },
  calendar: (from) => loadWorkingCalendar(manager, from),
});

/**
 * The ticket's clock columns after a clock change (in the caller's transaction): a new stage reads
 * the most specific SLA policy and the working calendar (from `source`: the database or a cached
 * copy); a pause freezes the colour; a resume shifts the instants by the time paused.
 */
export async function nextClock(
  source: EntityManager | ClockSource,
  ticket: Pick<TicketEntity, 'categoryCode' | 'mode' | 'handlingUnitCode'> &
    Partial<ClockColumns & Pick<TicketEntity, 'supervised'>>,
  change: ClockChange,
  now: Date,
): Promise<ClockColumns> {
  const current: ClockColumns = {
    clockStage: ticket.clockStage ?? null,
    clockStartedAt: ticket.clockStartedAt ?? null,
    warningAt: ticket.warningAt ?? null,
    deadlineAt: ticket.deadlineAt ?? null,
    redAt: ticket.redAt ?? null,
    pausedAt: ticket.pausedAt ?? null,
    clockPausedMs: ticket.clockPausedMs ?? 0,
    supervisionColor: SupervisionColor.GREEN,
    // A clock that ends or is replaced past its deadline makes the ticket late for good.
    overdue:
      (ticket.overdue ?? false) ||
      (change !== ClockChange.PAUSE &&
        change !== ClockChange.RESUME &&
        !!ticket.deadlineAt &&
        !ticket.pausedAt &&
        now > ticket.deadlineAt),
  };
  let next: ClockColumns;
  const stage = STAGE[change];
  if (stage) {
    next = {
      ...current,
      clockStage: stage,
      clockStartedAt: now,
      pausedAt: null,
      clockPausedMs: 0,
      ...(await startClock(
        source instanceof EntityManager ? databaseSource(source) : source,
        ticket,
        stage,
        now,
      )),
    };
  } else if (change === ClockChange.PAUSE) {
    next = { ...current, pausedAt: now };
  } else if (change === ClockChange.RESUME && current.pausedAt) {
    const paused = now.getTime() - current.pausedAt.getTime();
    const shift = (d: Date | null) => (d ? new Date(d.getTime() + paused) : null);
    next = {
      ...current,
      warningAt: shift(current.warningAt),
      deadlineAt: shift(current.deadlineAt),
      redAt: shift(current.redAt),
      pausedAt: null,
      clockPausedMs: current.clockPausedMs + paused,
    };
  } else {
    next = {
      ...current,
      clockStage: null,
      clockStartedAt: null,
      warningAt: null,
      deadlineAt: null,
      redAt: null,
      pausedAt: null,
      clockPausedMs: 0,
    };
  }
  return { ...next, supervisionColor: supervisionColor(next, now, ticket.supervised ?? false) };
}

/** The calendar's exceptions from `from`'s day (China time) on: enough for any deadline starting then. */
export async function loadWorkingCalendar(manager: EntityManager, from: Date): Promise<WorkingCalendar> {
  return new WorkingCalendar(
    (await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM working_calendar WHERE day >= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
      [from],
    )) as { day: string; working: boolean }[],
  );
}

async function startClock(
  source: ClockSource,
  ticket: ClockSubject,
  stage: Stage,
  now: Date,
): Promise<Pick<ClockColumns, 'warningAt' | 'deadlineAt' | 'redAt'>> {
  const policy = await source.policy(ticket, stage);
  if (!policy) return { warningAt: null, deadlineAt: null, redAt: null };
  const calendar =
    policy.unit === SlaUnit.WORKING_DAYS ? await source.calendar(now) : new WorkingCalendar([]);
  const deadlineAt = deadlineAfter(now, { amount: policy.amount, unit: policy.unit }, calendar);
  return clockInstants(now, deadlineAt, {
    warningRatio: Number(policy.warning_ratio),
    redAfterMinutes: policy.red_after_minutes,
  });
}
