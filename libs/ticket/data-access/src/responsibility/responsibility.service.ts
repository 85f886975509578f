import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { TicketConfigChangeKind } from '../audit/ticket-config-audit.entity';
import { recordConfigChange } from '../audit/ticket-config-audit.service';
import { CATEGORY_CODE } from '../ticket/ticket-input';
import { unitCodePrefixes } from '../workflow/ticket-transitions';
import { ResponsibilityRuleEntity } from './responsibility-rule.entity';

/** Significant unit code prefixes: province, city, district, street, community. */
const UNIT_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const MAX_COOPERATING = 10;

export interface ResponsibilityRuleInput {
  unitCode: string;
  /** '' or null: every category. */
  categoryPrefix?: string | null;
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[] | null;
}

/**
 * Responsibility lists (责任清单). A unit's line is inherited by every unit below it unless a lower
 * unit has its own; for a ticket the longest matching unit code wins, then the longest category prefix.
 */
export class ResponsibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  /** The lines that apply in a unit (inherited from above) and those set below it, unit code then category order. */
  list(unitCode: string): Promise<ResponsibilityRuleEntity[]> {
    const unit = checkUnitCode(unitCode, 'unitCode');
    this.auth.assert(Permission.TICKET_READ, unit);
    return this.dataSource
      .getRepository(ResponsibilityRuleEntity)
      .createQueryBuilder('r')
      .where(`(:unit LIKE r.unit_code || '%' OR r.unit_code LIKE :below)`, { unit, below: `${unit}%` })
      .orderBy('r.unit_code')
      .addOrderBy('r.category_prefix')
      .getMany();
  }

  /** The line a ticket of `categoryCode` handled by `unitCode` is dispatched by, or null. */
  async resolve(unitCode: string, categoryCode: string): Promise<ResponsibilityRuleEntity | null> {
    const unit = checkUnitCode(unitCode, 'unitCode');
    if (!CATEGORY_CODE.test(categoryCode)) throw badInput('categoryCode', 'must be a category code');
    this.auth.assert(Permission.TICKET_READ, unit);
    return ResponsibilityService.responsibleFor(this.dataSource.manager, unit, categoryCode);
  }

  /** Sets (creates or replaces) the line of a unit × category; needs ticket:configure covering the unit. */
  async set(input: ResponsibilityRuleInput): Promise<ResponsibilityRuleEntity> {
    const problems = new InputProblems();
    const unitCode = input.unitCode.trim();
    const categoryPrefix = (input.categoryPrefix ?? '').trim();
    const cooperating = [...new Set(input.cooperatingDepartmentIds ?? [])];
    problems.check(
      UNIT_CODE.test(unitCode),
      'input.unitCode',
      'must be a unit code of 2, 4, 6, 9 or 12 digits',
    );
    problems.check(
      categoryPrefix === '' || (categoryPrefix.length <= 64 && CATEGORY_CODE.test(categoryPrefix)),
      'input.categoryPrefix',
      'must be a category code such as CITY_MANAGEMENT, or empty for every category',
    );
    problems.check(isUuid(input.leadDepartmentId), 'input.leadDepartmentId', 'must be a UUID');
    cooperating.forEach((id, i) =>
      problems.check(isUuid(id), `input.cooperatingDepartmentIds[${i}]`, 'must be a UUID'),
    );
    problems.check(
      !cooperating.includes(input.leadDepartmentId),
      'input.cooperatingDepartmentIds',
      'must not repeat the lead department',
    );
    problems.check(
      cooperating.length <= MAX_COOPERATING,
      'input.cooperatingDepartmentIds',
      `at most ${MAX_COOPERATING} departments`,
    );
    problems.throwIfAny();
    this.auth.assert(Permission.TICKET_CONFIGURE, unitCode);
    const values = {
      unitCode,
      categoryPrefix,
      leadDepartmentId: input.leadDepartmentId,
      cooperatingDepartmentIds: cooperating,
      updatedBy: this.auth.accountId,
    };
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ResponsibilityRuleEntity);
      const before = await repo.findOne({
        where: { unitCode, categoryPrefix },
        lock: { mode: 'pessimistic_write' },
      });
      await repo.upsert(values, ['unitCode', 'categoryPrefix']);
      const rule = await repo.findOneByOrFail({ unitCode, categoryPrefix });
      await recordRuleChange(manager, this.auth, TicketConfigChangeKind.RESPONSIBILITY_SET, before, rule);
      return rule;
    });
  }

  /** Removes a line, so the unit inherits its parent's again. */
  async remove(id: string): Promise<ResponsibilityRuleEntity> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ResponsibilityRuleEntity);
      const rule = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw notFound('Responsibility rule', id);
      this.auth.assert(Permission.TICKET_CONFIGURE, rule.unitCode);
      await repo.delete({ id });
      await recordRuleChange(manager, this.auth, TicketConfigChangeKind.RESPONSIBILITY_REMOVE, rule, null);
      return rule;
    });
  }

  /** Longest unit code prefix first, then the longest category prefix (`''` matches all). */
  static async responsibleFor(
    manager: EntityManager,
    unitCode: string,
    categoryCode: string,
  ): Promise<ResponsibilityRuleEntity | null> {
    return (
      manager
        .getRepository(ResponsibilityRuleEntity)
        .createQueryBuilder('r')
        .where(`r.unit_code IN (:...prefixes)`, { prefixes: unitCodePrefixes(unitCode) })
        // Compared as text, not LIKE: "_" in category codes is no wildcard.
        .andWhere(
          `(r.category_prefix = '' OR r.category_prefix = :category OR left(:category, length(r.category_prefix) + 1) = r.category_prefix || '.')`,
          { category: categoryCode },
        )
        .orderBy('length(r.unit_code)', 'DESC')
        .addOrderBy('length(r.category_prefix)', 'DESC')
        .getOne()
    );
  }
}

/** Audits a line by its unit and category; the values are department ids only. */
function recordRuleChange(
  manager: EntityManager,
  auth: AuthContext,
  kind: TicketConfigChangeKind,
  before: ResponsibilityRuleEntity | null,
  after: ResponsibilityRuleEntity | null,
): Promise<void> {
  const { unitCode, categoryPrefix } = (after ?? before) as ResponsibilityRuleEntity;
  const values = (rule: ResponsibilityRuleEntity | null) =>
    rule && {
      leadDepartmentId: rule.leadDepartmentId,
      cooperatingDepartmentIds: rule.cooperatingDepartmentIds,
    };
  return recordConfigChange(manager, auth, {
    kind,
    key: `${unitCode}/${categoryPrefix}`,
    scopeCode: unitCode,
    before: values(before),
    after: values(after),
  });
}

function checkUnitCode(code: string, field: string): string {
  const unit = code.trim();
  if (!UNIT_CODE.test(unit)) throw badInput(field, 'must be a unit code of 2, 4, 6, 9 or 12 digits');
  return unit;
}
