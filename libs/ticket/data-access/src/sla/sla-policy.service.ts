import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, conflict, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { TicketConfigChangeKind } from '../audit/ticket-config-audit.entity';
import { recordConfigChange } from '../audit/ticket-config-audit.service';
import { CATEGORY_CODE } from '../ticket/ticket-input';
import { TicketMode } from '../ticket/ticket.enums';
import { RUNNING_CLOCK_COLUMNS, type RunningClock, retimeClocks } from './clock-retime';
import { type SlaDuration, SlaUnit } from './sla-policy';
import { SlaPolicyEntity, UNIT_LEVELS, type UnitLevel } from './sla-policy.entity';
import { unitLevelSql } from './ticket-clock';

/** SLA policies are national: only a platform-wide grant (scope '') configures them. */
const POLICY_SCOPE = '';
/** Upper bounds that catch typos (minutes typed as hours) without limiting real policies. */
const MAX_AMOUNT: Record<SlaUnit, number> = {
  [SlaUnit.MINUTES]: 30 * 24 * 60,
  [SlaUnit.HOURS]: 30 * 24,
  [SlaUnit.WORKING_DAYS]: 60,
};
const STAGES = ['accept', 'resolve', 'verify'] as const;

export interface SlaPolicyInput {
  categoryPrefix?: string | null;
  mode: TicketMode;
  unitLevel: UnitLevel;
  accept: SlaDuration;
  resolve: SlaDuration;
  verify: SlaDuration;
  /** Share of the time after which the clock turns YELLOW; default 0.667. */
  warningRatio?: number | null;
  redAfterMinutes?: number | null;
  escalateOnRed?: boolean | null;
  ratingReminderDays?: number | null;
  autoCloseDays?: number | null;
}

/** The policy written and how many running clocks it re-timed. */
export interface SlaPolicyChange {
  policy: SlaPolicyEntity;
  retimedTickets: number;
}

/**
 * SLA policy administration. A change re-times the running clocks whose best-matching policy it
 * changes: new instants from the clock's start (keeping any time paused), a new SLA version and a
 * START_* outbox row, all in the change's transaction, so the ticket worker re-arms their timers.
 */
export class SlaPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async list(mode?: TicketMode | null): Promise<SlaPolicyEntity[]> {
    this.auth.assertAnywhere(Permission.TICKET_READ);
    return this.dataSource.getRepository(SlaPolicyEntity).find({
      where: mode ? { mode } : {},
      order: { mode: 'ASC', unitLevel: 'ASC', categoryPrefix: 'ASC' },
    });
  }

  create(input: SlaPolicyInput): Promise<SlaPolicyChange> {
    return this.write(null, input);
  }

  update(id: string, input: SlaPolicyInput): Promise<SlaPolicyChange> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    return this.write(id, input);
  }

  private async write(id: string | null, input: SlaPolicyInput): Promise<SlaPolicyChange> {
    this.auth.assert(Permission.TICKET_CONFIGURE, POLICY_SCOPE);
    const values = checkPolicyInput(input);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(SlaPolicyEntity);
      const old = id ? await repo.findOneBy({ id }) : null;
      if (id && !old) throw notFound('SLA policy', id);
      const clash = await repo.findOneBy({
        mode: values.mode,
        unitLevel: values.unitLevel,
        categoryPrefix: values.categoryPrefix,
      });
      if (clash && clash.id !== id)
        throw conflict(
          `A policy for ${values.mode} at ${values.unitLevel} level and category '${values.categoryPrefix}' exists already (${clash.id}); update it instead`,
          { policyId: clash.id },
        );
      const policy = await repo.save(repo.create({ ...old, ...values }));
      const scopes = [old, policy].filter((p) => p !== null);
      let retimedTickets = 0;
      for (const scope of uniqueScopes(scopes)) retimedTickets += await retime(manager, scope, new Date());
      await recordConfigChange(manager, this.auth, {
        kind: old ? TicketConfigChangeKind.SLA_POLICY_UPDATE : TicketConfigChangeKind.SLA_POLICY_CREATE,
        key: policy.id,
        scopeCode: POLICY_SCOPE,
        before: old && policyValues(old),
        after: policyValues(policy),
        effects: { retimedTickets },
      });
      return { policy, retimedTickets };
    });
  }
}

/** Checks a policy, listing every problem (BAD_USER_INPUT, `input.<field>`). */
function checkPolicyInput(input: SlaPolicyInput): Omit<SlaPolicyEntity, 'id'> {
  const problems = new InputProblems();
  const categoryPrefix = (input.categoryPrefix ?? '').trim();
  problems.check(
    categoryPrefix === '' || (categoryPrefix.length <= 64 && CATEGORY_CODE.test(categoryPrefix)),
    'input.categoryPrefix',
    'must be a category code such as CITY_MANAGEMENT, or empty for every category',
  );
  problems.check(
    UNIT_LEVELS.includes(input.unitLevel),
    'input.unitLevel',
    `must be one of ${UNIT_LEVELS.join(', ')}`,
  );
  for (const stage of STAGES) {
    const { amount, unit } = input[stage];
    problems.check(
      Number.isInteger(amount) && amount >= 1 && amount <= MAX_AMOUNT[unit],
      `input.${stage}.amount`,
      `must be a whole number of ${unit} from 1 to ${MAX_AMOUNT[unit]}`,
    );
  }
  const warningRatio = input.warningRatio ?? 0.667;
  problems.check(
    warningRatio > 0 && warningRatio < 1 && Math.round(warningRatio * 1000) === warningRatio * 1000,
    'input.warningRatio',
    'must be between 0 and 1 exclusive, at most 3 decimals (0.667: YELLOW after two thirds of the time)',
  );
  const redAfterMinutes = input.redAfterMinutes ?? 1440;
  const whole = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
  problems.check(
    whole(redAfterMinutes, MAX_AMOUNT.MINUTES),
    'input.redAfterMinutes',
    `must be a whole number of minutes from 0 to ${MAX_AMOUNT.MINUTES}`,
  );
  const ratingReminderDays = input.ratingReminderDays ?? 3;
  const autoCloseDays = input.autoCloseDays ?? 7;
  problems.check(
    whole(ratingReminderDays, 60) && ratingReminderDays > 0,
    'input.ratingReminderDays',
    'must be 1 to 60',
  );
  problems.check(whole(autoCloseDays, 60) && autoCloseDays > 0, 'input.autoCloseDays', 'must be 1 to 60');
  problems.check(
    autoCloseDays > ratingReminderDays,
    'input.autoCloseDays',
    'must be after the rating reminder (ratingReminderDays)',
  );
  problems.throwIfAny();
  return {
    categoryPrefix,
    mode: input.mode,
    unitLevel: input.unitLevel,
    acceptAmount: input.accept.amount,
    acceptUnit: input.accept.unit,
    resolveAmount: input.resolve.amount,
    resolveUnit: input.resolve.unit,
    verifyAmount: input.verify.amount,
    verifyUnit: input.verify.unit,
    warningRatio: warningRatio.toFixed(3),
    redAfterMinutes,
    escalateOnRed: input.escalateOnRed ?? false,
    ratingReminderDays,
    autoCloseDays,
  };
}

/** A policy as the audit records it: its values, the id being the audit key. */
function policyValues({ id: _id, ...values }: SlaPolicyEntity): Record<string, unknown> {
  return values;
}

interface PolicyScope {
  mode: TicketMode;
  unitLevel: UnitLevel;
}

function uniqueScopes(policies: PolicyScope[]): PolicyScope[] {
  const seen = new Map(
    policies.map((p) => [`${p.mode}/${p.unitLevel}`, { mode: p.mode, unitLevel: p.unitLevel }]),
  );
  return [...seen.values()];
}

/** The longest category prefix matching the code ('' matches all). */
export function bestPolicy<P extends { categoryPrefix: string }>(
  policies: readonly P[],
  categoryCode: string,
): P | null {
  return (
    policies
      .filter(
        (p) =>
          p.categoryPrefix === '' ||
          categoryCode === p.categoryPrefix ||
          categoryCode.startsWith(`${p.categoryPrefix}.`),
      )
      .sort((a, b) => b.categoryPrefix.length - a.categoryPrefix.length)[0] ?? null
  );
}

/**
 * Re-times the running clocks of one mode × unit level whose instants differ under the policies as
 * they are now.
 */
async function retime(manager: EntityManager, scope: PolicyScope, now: Date): Promise<number> {
  const policies = await manager.findBy(SlaPolicyEntity, { mode: scope.mode, unitLevel: scope.unitLevel });
  const clocks = (await manager.query(
    `SELECT ${RUNNING_CLOCK_COLUMNS}
       FROM ticket
      WHERE clock_stage IS NOT NULL AND mode = $1
        AND ${unitLevelSql('handling_unit_code')} = $2
      FOR UPDATE`,
    [scope.mode, scope.unitLevel],
  )) as RunningClock[];
  return retimeClocks(manager, clocks, (clock) => bestPolicy(policies, clock.category_code), now);
}
