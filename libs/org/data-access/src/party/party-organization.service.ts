import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import { whereCodeInScope } from '../scope-filter';
import { PartyBranchGridEntity } from './party-branch-grid.entity';
import { PartyMemberEntity } from './party-member.entity';
import {
  PARTY_LEVEL_ORDER,
  PartyOrganizationEntity,
  PartyOrganizationKind,
  PartyOrganizationLevel,
} from './party-organization.entity';

export interface CreatePartyOrganizationInput {
  name: string;
  level: PartyOrganizationLevel;
  kind: PartyOrganizationKind;
  /** 12-digit code of the owning unit; under the parent's unit. */
  unitCode: string;
  parentId?: string | null;
}

export interface PartyOrganizationFilter {
  unitCode?: string | null;
  level?: PartyOrganizationLevel | null;
  kind?: PartyOrganizationKind | null;
  parentId?: string | null;
}

const GRID_CODE = /^\d{15}$/;

/** The party organisation tree and its grid bindings; scoped by party:read / party:manage on the unit code. */
export class PartyOrganizationService {
  private readonly organizations: Repository<PartyOrganizationEntity>;
  private readonly bindings: Repository<PartyBranchGridEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.organizations = dataSource.getRepository(PartyOrganizationEntity);
    this.bindings = dataSource.getRepository(PartyBranchGridEntity);
  }

  canRead(organization: PartyOrganizationEntity): boolean {
    return this.auth.can(Permission.PARTY_READ, organization.unitCode);
  }

  async get(id: string): Promise<PartyOrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw notFound('PartyOrganization', id);
    if (!this.canRead(organization)) throw forbidden(`Party organisation ${id} is outside your scope`);
    return organization;
  }

  async findVisibleByIds(ids: readonly string[]): Promise<(PartyOrganizationEntity | null)[]> {
    const rows = await this.organizations.findBy({ id: In([...ids]) });
    const byId = new Map(rows.filter((o) => this.canRead(o)).map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  listQuery(filter: PartyOrganizationFilter): SelectQueryBuilder<PartyOrganizationEntity> {
    this.auth.assertAnywhere(Permission.PARTY_READ);
    const query = this.organizations.createQueryBuilder('org');
    whereCodeInScope(query, 'org.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    if (filter.unitCode)
      query.andWhere('org.unitCode LIKE :unit', { unit: `${significantPrefix(filter.unitCode)}%` });
    if (filter.level) query.andWhere('org.level = :level', { level: filter.level });
    if (filter.kind) query.andWhere('org.kind = :kind', { kind: filter.kind });
    if (filter.parentId) query.andWhere('org.parentId = :parentId', { parentId: filter.parentId });
    return query;
  }

  async children(parentId: string): Promise<PartyOrganizationEntity[]> {
    const rows = await this.organizations.find({ where: { parentId }, order: { name: 'ASC' } });
    return rows.filter((o) => this.canRead(o));
  }

  async create(input: CreatePartyOrganizationInput): Promise<PartyOrganizationEntity> {
    const name = input.name.trim();
    new InputProblems()
      .check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters')
      .check(PARTY_LEVEL_ORDER.includes(input.level), 'input.level', 'unknown level')
      .check(Object.values(PartyOrganizationKind).includes(input.kind), 'input.kind', 'unknown kind')
      .check(
        levelOfCode(input.unitCode) !== undefined,
        'input.unitCode',
        'must be a 12-digit administrative unit code',
      )
      .throwIfAny();
    this.auth.assert(Permission.PARTY_MANAGE, input.unitCode);
    if (input.parentId) {
      const parent = await this.organizations.findOneBy({ id: input.parentId });
      if (!parent) throw badInput('input.parentId', `no party organisation has id ${input.parentId}`);
      if (PARTY_LEVEL_ORDER.indexOf(parent.level) >= PARTY_LEVEL_ORDER.indexOf(input.level)) {
        throw badInput('input.level', `a ${parent.level} cannot contain a ${input.level}`);
      }
      if (input.level === PartyOrganizationLevel.GROUP && parent.level !== PartyOrganizationLevel.BRANCH) {
        throw badInput('input.parentId', 'a party group belongs to a branch');
      }
      if (!input.unitCode.startsWith(significantPrefix(parent.unitCode))) {
        throw badInput('input.unitCode', `must lie under the parent's unit ${parent.unitCode}`);
      }
    }
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: input.unitCode }))) {
      throw badInput('input.unitCode', `no administrative unit has code ${input.unitCode}`);
    }
    try {
      return await this.organizations.save(
        this.organizations.create({
          name,
          level: input.level,
          kind: input.kind,
          unitCode: input.unitCode,
          parentId: input.parentId ?? null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'party_organization_unit_name_key')) {
        throw conflict(`Unit ${input.unitCode} has a party organisation named ${name}`);
      }
      throw error;
    }
  }

  /** A branch that must exist and be a 党支部; unknown ids are the caller's input mistake. */
  async requireBranch(id: string, field: string): Promise<PartyOrganizationEntity> {
    const branch = isUuid(id) ? await this.organizations.findOneBy({ id }) : null;
    if (!branch) throw badInput(field, `no party branch has id ${id}`);
    if (branch.level !== PartyOrganizationLevel.BRANCH)
      throw badInput(field, `${branch.name} is a ${branch.level}, not a BRANCH`);
    return branch;
  }

  async bindGrid(branchId: string, gridCode: string): Promise<PartyOrganizationEntity> {
    const branch = await this.requireBranch(branchId, 'branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    if (!GRID_CODE.test(gridCode) || !gridCode.startsWith(significantPrefix(branch.unitCode))) {
      throw badInput('gridCode', `must be a 15-digit grid code under unit ${branch.unitCode}`);
    }
    await this.bindings
      .createQueryBuilder()
      .insert()
      .values({ organizationId: branch.id, gridCode })
      .orIgnore()
      .execute();
    return branch;
  }

  async unbindGrid(branchId: string, gridCode: string): Promise<PartyOrganizationEntity> {
    const branch = await this.requireBranch(branchId, 'branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    await this.bindings.delete({ organizationId: branch.id, gridCode });
    return branch;
  }

  /** The secretary must be a member of a branch at or under the organisation's unit (of the branch itself for a branch). */
  async setSecretary(organizationId: string, memberId: string): Promise<PartyOrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id: organizationId });
    if (!organization) throw badInput('organizationId', `no party organisation has id ${organizationId}`);
    this.auth.assert(Permission.PARTY_MANAGE, organization.unitCode);
    const member = await this.dataSource.getRepository(PartyMemberEntity).findOneBy({ id: memberId });
    const belongs =
      member !== null &&
      (organization.level === PartyOrganizationLevel.BRANCH
        ? member.branchId === organization.id
        : member.unitCode.startsWith(significantPrefix(organization.unitCode)));
    if (!belongs) throw badInput('memberId', `must be a party member of ${organization.name}`);
    organization.secretaryMemberId = memberId;
    return this.organizations.save(organization);
  }

  /**
   * Makes a member of the branch (usually its secretary) the party assistant of a grid the branch is
   * built on (网格助理); null ends the role. A transfer out of the branch ends it too.
   */
  async setGridAssistant(
    branchId: string,
    gridCode: string,
    memberId: string | null,
  ): Promise<PartyBranchGridEntity> {
    const branch = await this.requireBranch(branchId, 'branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    const binding = await this.bindings.findOneBy({ organizationId: branch.id, gridCode });
    if (!binding)
      throw badInput('gridCode', `${branch.name} is not built on grid ${gridCode}; bind it first`);
    if (memberId !== null) {
      const member = isUuid(memberId)
        ? await this.dataSource.getRepository(PartyMemberEntity).findOneBy({ id: memberId })
        : null;
      if (member?.branchId !== branch.id)
        throw badInput('memberId', `must be a party member of ${branch.name}`);
    }
    binding.assistantMemberId = memberId;
    return this.bindings.save(binding);
  }

  /** The grids each organisation is built on, by grid code. */
  async bindingsOf(organizationIds: readonly string[]): Promise<PartyBranchGridEntity[][]> {
    const rows = await this.bindings.find({
      where: { organizationId: In([...organizationIds]) },
      order: { gridCode: 'ASC' },
    });
    return organizationIds.map((id) => rows.filter((r) => r.organizationId === id));
  }

  /** Bindings of visible branches on each grid, e.g. for the grid's party assistants. */
  async bindingsOfGrids(gridCodes: readonly string[]): Promise<PartyBranchGridEntity[][]> {
    const bindings = await this.bindings.find({
      where: { gridCode: In([...gridCodes]) },
      order: { organizationId: 'ASC' },
    });
    const ids = [...new Set(bindings.map((b) => b.organizationId))];
    const visible = new Set(
      (ids.length ? await this.findVisibleByIds(ids) : []).filter((o) => o !== null).map((o) => o.id),
    );
    return gridCodes.map((code) =>
      bindings.filter((b) => b.gridCode === code && visible.has(b.organizationId)),
    );
  }

  /**
   * The bindings each member serves as party assistant of (网格助理), of visible branches only, by grid
   * code: one statement for all members (index party_branch_grid_assistant_idx).
   */
  async bindingsAssistedBy(memberIds: readonly string[]): Promise<PartyBranchGridEntity[][]> {
    const query = this.bindings
      .createQueryBuilder('binding')
      .innerJoin(PartyOrganizationEntity, 'org', 'org.id = binding.organizationId')
      .where('binding.assistantMemberId IN (:...memberIds)', { memberIds: [...memberIds] })
      .orderBy('binding.gridCode', 'ASC');
    whereCodeInScope(query, 'org.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    const rows = await query.getMany();
    return memberIds.map((id) => rows.filter((r) => r.assistantMemberId === id));
  }

  /** Branches built on each grid, visible ones only. */
  async branchesOfGrids(gridCodes: readonly string[]): Promise<PartyOrganizationEntity[][]> {
    const bindings = await this.bindings.findBy({ gridCode: In([...gridCodes]) });
    const ids = [...new Set(bindings.map((b) => b.organizationId))];
    const organizations = ids.length
      ? await this.organizations.find({ where: { id: In(ids) }, order: { name: 'ASC' } })
      : [];
    const visible = organizations.filter((o) => this.canRead(o));
    return gridCodes.map((code) =>
      visible.filter((o) => bindings.some((b) => b.gridCode === code && b.organizationId === o.id)),
    );
  }
}
