import { DataSource, In } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, conflict, InputProblems, notFound } from '@gridgov/platform-errors';
import { TicketConfigChangeKind } from '../audit/ticket-config-audit.entity';
import { recordConfigChange } from '../audit/ticket-config-audit.service';
import { CATEGORY_CODE } from '../ticket/ticket-input';
import { TicketMode } from '../ticket/ticket.enums';
import { type CategoryAttribute, checkAttributeDefinitions } from './category-attribute';
import { parentCategory } from './category-code';
import { TicketCategoryEntity } from './ticket-category.entity';

/** The catalogue is national: only a platform-wide grant (scope '') configures it. */
const CATALOGUE_SCOPE = '';

export interface NewCategoryInput {
  code: string;
  name: string;
  defaultMode: TicketMode;
  attributes?: CategoryAttribute[] | null;
}

/** A category as intake sees it: usable only if it and every ancestor are active; attributes include the ancestors'. */
export interface IntakeCategory {
  code: string;
  defaultMode: TicketMode;
  active: boolean;
  attributes: CategoryAttribute[];
}

/** Reads the category catalogue and lets platform admins add and disable categories. */
export class TicketCategoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  list(includeDisabled: boolean): Promise<TicketCategoryEntity[]> {
    return this.dataSource.getRepository(TicketCategoryEntity).find({
      where: includeDisabled ? {} : { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  /** Catalogue entries by code, null for codes not in it (for `Ticket.category`). */
  async byCodes(codes: readonly string[]): Promise<(TicketCategoryEntity | null)[]> {
    const rows = await this.dataSource.getRepository(TicketCategoryEntity).findBy({ code: In([...codes]) });
    return codes.map((code) => rows.find((r) => r.code === code) ?? null);
  }

  async create(input: NewCategoryInput): Promise<TicketCategoryEntity> {
    this.auth.assert(Permission.TICKET_CONFIGURE, CATALOGUE_SCOPE);
    const problems = new InputProblems();
    const code = input.code.trim();
    const name = input.name.trim();
    problems.check(
      code.length <= 64 && CATEGORY_CODE.test(code),
      'input.code',
      'must be a dotted upper-case code such as CITY_MANAGEMENT.ROAD (at most 64 characters)',
    );
    problems.check(name.length >= 2 && name.length <= 40, 'input.name', 'must be 2 to 40 characters');
    const attributes = checkAttributeDefinitions(input.attributes ?? [], problems);
    problems.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TicketCategoryEntity);
      if (await repo.existsBy({ code }))
        throw conflict(`Category ${code} already exists`, { categoryCode: code });
      const parentCode = parentCategory(code);
      if (parentCode && !(await repo.existsBy({ code: parentCode })))
        throw badInput('input.code', `its parent ${parentCode} does not exist; create it first`);
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(sort_order), 0) + 1 AS next FROM ticket_category`,
      )) as { next: number }[];
      const category = await repo.save(
        repo.create({ code, parentCode, name, defaultMode: input.defaultMode, attributes, sortOrder: next }),
      );
      await recordConfigChange(manager, this.auth, {
        kind: TicketConfigChangeKind.CATEGORY_CREATE,
        key: code,
        scopeCode: CATALOGUE_SCOPE,
        before: null,
        after: { name, parentCode, defaultMode: input.defaultMode, attributes, active: category.active },
      });
      return category;
    });
  }

  /** Disabling a category stops new reports under it and its children; enabling needs an active parent. */
  async setActive(code: string, active: boolean): Promise<TicketCategoryEntity> {
    this.auth.assert(Permission.TICKET_CONFIGURE, CATALOGUE_SCOPE);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TicketCategoryEntity);
      const category = await repo.findOne({
        where: { code: code.trim() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!category) throw notFound('Ticket category', code);
      if (active && category.parentCode) {
        const parent = await repo.findOneByOrFail({ code: category.parentCode });
        if (!parent.active)
          throw badInput('code', `its parent ${parent.code} is disabled; enable the parent first`);
      }
      // Already so: nothing to change, audit or make intake reload.
      if (category.active === active) return category;
      const before = { active: category.active };
      category.active = active;
      const saved = await repo.save(category);
      await recordConfigChange(manager, this.auth, {
        kind: active ? TicketConfigChangeKind.CATEGORY_ENABLE : TicketConfigChangeKind.CATEGORY_DISABLE,
        key: category.code,
        scopeCode: CATALOGUE_SCOPE,
        before,
        after: { active },
      });
      return saved;
    });
  }
}
