import type { DataSource, EntityManager } from 'typeorm';
import type { CategoryAttribute } from '../catalogue/category-attribute';
import { categoryLineage } from '../catalogue/category-code';
import type { IntakeCategory } from '../catalogue/ticket-category.service';
import type { UnitLevel } from '../sla/sla-policy.entity';
import { type ClockSource, policyPrefixMatches, type PolicyRow, unitLevel } from '../sla/ticket-clock';
import { WorkingCalendar } from '../sla/working-calendar';
import type { TicketMode } from './ticket.enums';

interface CategoryRow {
  code: string;
  default_mode: TicketMode;
  active: boolean;
  attributes: CategoryAttribute[];
}

type StagePolicies = Record<'accept' | 'resolve' | 'verify', Pick<PolicyRow, 'amount' | 'unit'>>;

interface PolicyRecord extends StagePolicies {
  category_prefix: string;
  mode: TicketMode;
  unit_level: UnitLevel;
  warning_ratio: string;
  red_after_minutes: number;
}

/**
 * The reference data a report reads — the category catalogue, SLA policies and the working
 * calendar — as of one `ticket_config_version`. Intake's insert names that version and writes
 * nothing if it is no longer current (a trigger bumps it on every write to those tables), so a
 * stale copy is never used: it is reloaded and the report retried.
 */
export class IntakeConfig implements ClockSource {
  private readonly categories: Map<string, CategoryRow>;
  private readonly calendarOfAllDays: WorkingCalendar;

  constructor(
    readonly version: string,
    categories: CategoryRow[],
    private readonly policies: PolicyRecord[],
    calendar: { day: string; working: boolean }[],
  ) {
    this.categories = new Map(categories.map((c) => [c.code, c]));
    // Past exceptions never matter to a deadline counted from now on.
    this.calendarOfAllDays = new WorkingCalendar(calendar);
  }

  /** The category a report names, with its lineage's attributes, or null if it is not in the catalogue. */
  category(code: string): IntakeCategory | null {
    const category = this.categories.get(code);
    if (!category) return null;
    const lineage = categoryLineage(code)
      .map((c) => this.categories.get(c))
      .filter((c) => c !== undefined);
    return {
      code,
      defaultMode: category.default_mode,
      active: lineage.every((c) => c.active),
      attributes: lineage.flatMap((c) => c.attributes),
    };
  }

  policy(
    ticket: { categoryCode: string; mode: TicketMode; handlingUnitCode: string },
    stage: 'ACCEPT' | 'RESOLVE' | 'VERIFY',
  ): PolicyRow | undefined {
    const level = unitLevel(ticket.handlingUnitCode);
    const best = this.policies
      .filter(
        (p) =>
          p.mode === ticket.mode &&
          p.unit_level === level &&
          policyPrefixMatches(p.category_prefix, ticket.categoryCode),
      )
      .reduce<
        PolicyRecord | undefined
      >((a, p) => (!a || p.category_prefix.length > a.category_prefix.length ? p : a), undefined);
    if (!best) return undefined;
    const { amount, unit } = best[stage.toLowerCase() as keyof StagePolicies];
    return { amount, unit, warning_ratio: best.warning_ratio, red_after_minutes: best.red_after_minutes };
  }

  calendar(): WorkingCalendar {
    return this.calendarOfAllDays;
  }
}

/** The config and its version in one statement, so both come from one snapshot. */
async function loadIntakeConfig(manager: EntityManager): Promise<IntakeConfig> {
  const stage = (s: string) => `'${s}', json_build_object('amount', ${s}_amount, 'unit', ${s}_unit)`;
  const [row] = (await manager.query(`
    SELECT (SELECT version::text FROM ticket_config_version) AS version,
           (SELECT coalesce(json_agg(json_build_object('code', code, 'default_mode', default_mode,
                     'active', active, 'attributes', attributes)), '[]') FROM ticket_category) AS categories,
           (SELECT coalesce(json_agg(json_build_object('category_prefix', category_prefix, 'mode', mode,
                     'unit_level', unit_level, 'warning_ratio', warning_ratio::text,
                     'red_after_minutes', red_after_minutes, ${stage('accept')}, ${stage('resolve')},
                     ${stage('verify')})), '[]') FROM sla_policy) AS policies,
           (SELECT coalesce(json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'working', working)), '[]')
              FROM working_calendar) AS calendar`)) as {
    version: string;
    categories: CategoryRow[];
    policies: PolicyRecord[];
    calendar: { day: string; working: boolean }[];
  }[];
  return new IntakeConfig(row.version, row.categories, row.policies, row.calendar);
}

const cached = new WeakMap<DataSource, Promise<IntakeConfig>>();

/**
 * The intake config of `manager`'s database, from this process's cache when there is one.
 * `stale`: a version the caller found out of date, so it is loaded anew (once for all callers
 * that found the same). Inside a transaction the copy is read but never cached: the transaction
 * may itself have changed the config and still roll back.
 */
export async function intakeConfig(manager: EntityManager, stale?: IntakeConfig): Promise<IntakeConfig> {
  if (manager.queryRunner?.isTransactionActive) {
    const current = stale ? undefined : await cached.get(manager.connection)?.catch(() => undefined);
    return current ?? loadIntakeConfig(manager);
  }
  const hit = cached.get(manager.connection);
  if (hit && (!stale || (await hit.catch(() => undefined)) !== stale)) return hit;
  const loading = loadIntakeConfig(manager);
  cached.set(manager.connection, loading);
  // A failed load is not kept: the next report tries again.
  loading.catch(() => cached.get(manager.connection) === loading && cached.delete(manager.connection));
  return loading;
}
