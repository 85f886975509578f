import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, forbidden, InputProblems, notFound } from '@gridgov/platform-errors';
import { levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import { whereCodeInScope } from '../scope-filter';
import { DepartmentEntity, DepartmentKind } from './department.entity';

export interface CreateDepartmentInput {
  unitCode: string;
  name: string;
  kind: DepartmentKind;
}

export interface DepartmentFilter {
  unitCode?: string | null;
  kind?: DepartmentKind | null;
}

/** Departments: readable inside the caller's unit:read scope, or by the department's own staff. */
export class DepartmentService {
  private readonly departments: Repository<DepartmentEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.departments = dataSource.getRepository(DepartmentEntity);
  }

  canRead(department: DepartmentEntity): boolean {
    return (
      this.auth.can(Permission.UNIT_READ, department.unitCode) ||
      this.auth.identity.grants.some((g) => g.departmentId === department.id)
    );
  }

  async get(id: string): Promise<DepartmentEntity> {
    const department = await this.departments.findOneBy({ id });
    if (!department) throw notFound('Department', id);
    if (!this.canRead(department)) throw forbidden(`Department ${id} is outside your scope`);
    return department;
  }

  /** For reference resolvers and loaders: invisible departments come back as null. */
  async findVisibleByIds(ids: readonly string[]): Promise<(DepartmentEntity | null)[]> {
    const rows = await this.departments
      .createQueryBuilder('department')
      .where('department.id IN (:...ids)', { ids })
      .getMany();
    const byId = new Map(rows.filter((d) => this.canRead(d)).map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  listQuery(filter: DepartmentFilter): SelectQueryBuilder<DepartmentEntity> {
    this.auth.assertAnywhere(Permission.UNIT_READ);
    const query = this.departments.createQueryBuilder('department');
    whereCodeInScope(query, 'department.unitCode', this.auth.scopePrefixes(Permission.UNIT_READ));
    if (filter.unitCode)
      query.andWhere('department.unitCode LIKE :unit', { unit: `${significantPrefix(filter.unitCode)}%` });
    if (filter.kind) query.andWhere('department.kind = :kind', { kind: filter.kind });
    return query;
  }

  async create(input: CreateDepartmentInput): Promise<DepartmentEntity> {
    const name = input.name.trim();
    new InputProblems()
      .check(
        levelOfCode(input.unitCode) !== undefined,
        'input.unitCode',
        'must be a 12-digit administrative unit code',
      )
      .check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters')
      .check(Object.values(DepartmentKind).includes(input.kind), 'input.kind', 'unknown department kind')
      .throwIfAny();
    this.auth.assert(Permission.UNIT_MANAGE, significantPrefix(input.unitCode));
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: input.unitCode }))) {
      throw badInput('input.unitCode', `no administrative unit has code ${input.unitCode}`);
    }
    try {
      return await this.departments.save(
        this.departments.create({ unitCode: input.unitCode, name, kind: input.kind }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'department_unit_name_key'))
        throw conflict(`Unit ${input.unitCode} has a department named ${name}`);
      throw error;
    }
  }
}
