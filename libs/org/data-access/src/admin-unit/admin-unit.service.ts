import { Brackets, DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, forbidden, InputProblems, notFound } from '@gridgov/platform-errors';
import { AdminUnitLevel, levelOfCode, levelRank, significantPrefix } from './admin-unit-code';
import { AdminUnitEntity } from './admin-unit.entity';

export interface CreateAdminUnitInput {
  code: string;
  name: string;
  parentCode?: string | null;
  rural?: boolean | null;
}

export interface AdminUnitFilter {
  parentCode?: string | null;
  level?: AdminUnitLevel | null;
  /** Matches a code prefix or a part of the name. */
  search?: string | null;
}

/** The administrative unit tree: creation, moves, lookups and scoped lists. */
export class AdminUnitService {
  private readonly units: Repository<AdminUnitEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.units = dataSource.getRepository(AdminUnitEntity);
  }

  /** A unit is visible inside the caller's scope, and so are the ancestors of that scope (to show the path). */
  canRead(unit: AdminUnitEntity): boolean {
    const prefixes = this.auth.scopePrefixes(Permission.UNIT_READ);
    const own = significantPrefix(unit.code);
    return prefixes.some((p) => unit.code.startsWith(p) || p.startsWith(own));
  }

  async get(id: string): Promise<AdminUnitEntity> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw notFound('AdminUnit', id);
    return this.readable(unit);
  }

  async getByCode(code: string): Promise<AdminUnitEntity> {
    const unit = await this.units.findOneBy({ code });
    if (!unit) throw notFound('AdminUnit', code);
    return this.readable(unit);
  }

  /** For reference resolvers: units the caller may not see come back as null, not errors. */
  async findVisibleByIds(ids: readonly string[]): Promise<(AdminUnitEntity | null)[]> {
    const rows = await this.units.createQueryBuilder('unit').where('unit.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.filter((u) => this.canRead(u)).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async findVisibleByCodes(codes: readonly string[]): Promise<(AdminUnitEntity | null)[]> {
    const rows = await this.units.createQueryBuilder('unit').where('unit.code IN (:...codes)', { codes }).getMany();
    const byCode = new Map(rows.filter((u) => this.canRead(u)).map((u) => [u.code, u]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** Units within the caller's scope, filtered; the caller pages it. */
  listQuery(filter: AdminUnitFilter): SelectQueryBuilder<AdminUnitEntity> {
    this.auth.assertAnywhere(Permission.UNIT_READ);
    const query = this.units.createQueryBuilder('unit');
    this.whereInScope(query, this.auth.scopePrefixes(Permission.UNIT_READ));
    if (filter.parentCode) {
      query.innerJoin(AdminUnitEntity, 'parent', 'parent.id = unit.parentId').andWhere('parent.code = :parentCode', {
        parentCode: filter.parentCode,
      });
    }
    if (filter.level) query.andWhere('unit.level = :level', { level: filter.level });
    const search = filter.search?.trim();
    if (search) {
      if (/^\d+$/.test(search)) query.andWhere('unit.code LIKE :codePrefix', { codePrefix: `${search}%` });
      else query.andWhere('lower(unit.name) LIKE :name', { name: `%${escapeLike(search.toLowerCase())}%` });
    }
    return query;
  }

  async children(parentId: string): Promise<AdminUnitEntity[]> {
    const children = await this.units.find({ where: { parentId }, order: { code: 'ASC' } });
    return children.filter((u) => this.canRead(u));
  }

  async create(input: CreateAdminUnitInput): Promise<AdminUnitEntity> {
    const problems = new InputProblems();
    const code = input.code.trim();
    const name = input.name.trim();
    const level = levelOfCode(code);
    problems.check(level !== undefined, 'input.code', 'must be a 12-digit statistical division code such as 520303001001');
    problems.check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters');
    problems.throwIfAny();

    let parent: AdminUnitEntity | null = null;
    if (input.parentCode) {
      parent = await this.units.findOneBy({ code: input.parentCode });
      if (!parent) throw badInput('input.parentCode', `no administrative unit has code ${input.parentCode}`);
      this.assertValidParent(code, level!, parent, 'input.parentCode');
      this.auth.assert(Permission.UNIT_MANAGE, significantPrefix(parent.code));
    } else {
      // Only platform administrators create roots (a province or a city).
      if (!this.auth.scopePrefixes(Permission.UNIT_MANAGE).includes('')) {
        throw forbidden('Only a platform administrator can create a unit without a parent');
      }
    }
    try {
      return await this.units.save(
        this.units.create({ code, name, level, rural: input.rural ?? parent?.rural ?? false, parentId: parent?.id ?? null }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'admin_unit_code_key')) throw conflict(`An administrative unit with code ${code} exists already`);
      throw error;
    }
  }

  /**
   * Moves a unit under another parent, e.g. when a street level is abolished and its communities
   * report to the district. The code stays, so the new parent must be one of its code ancestors.
   */
  async move(id: string, newParentCode: string): Promise<AdminUnitEntity> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw notFound('AdminUnit', id);
    const parent = await this.units.findOneBy({ code: newParentCode });
    if (!parent) throw badInput('newParentCode', `no administrative unit has code ${newParentCode}`);
    this.assertValidParent(unit.code, unit.level, parent, 'newParentCode');
    this.auth.assert(Permission.UNIT_MANAGE, significantPrefix(unit.code));
    this.auth.assert(Permission.UNIT_MANAGE, significantPrefix(parent.code));
    unit.parentId = parent.id;
    return this.units.save(unit);
  }

  private assertValidParent(code: string, level: AdminUnitLevel, parent: AdminUnitEntity, field: string): void {
    if (levelRank(parent.level) >= levelRank(level)) {
      throw badInput(field, `a ${parent.level} cannot contain a ${level}`);
    }
    if (!code.startsWith(significantPrefix(parent.code))) {
      throw badInput(field, `code ${code} does not lie under ${parent.code} (it must start with ${significantPrefix(parent.code)})`);
    }
  }

  private readable(unit: AdminUnitEntity): AdminUnitEntity {
    this.auth.assertAnywhere(Permission.UNIT_READ);
    if (!this.canRead(unit)) throw forbidden(`Administrative unit ${unit.code} is outside your scope`);
    return unit;
  }

  private whereInScope(query: SelectQueryBuilder<AdminUnitEntity>, prefixes: string[]): void {
    if (prefixes.includes('')) return;
    query.andWhere(
      new Brackets((where) => {
        prefixes.forEach((prefix, i) => where.orWhere(`unit.code LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }));
      }),
    );
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
