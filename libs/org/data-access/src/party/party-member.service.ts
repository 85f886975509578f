import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { AdminUnitLevel, levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import { isCalendarDate, todayIso } from '../calendar-date';
import { whereCodeInScope } from '../scope-filter';
import { PartyMemberTransferEntity } from './party-member-transfer.entity';
import { PartyBranchGridEntity } from './party-branch-grid.entity';
import { IdentityDisplay, PartyMemberEntity, PartyMemberStatus } from './party-member.entity';
import { PartyOrganizationEntity } from './party-organization.entity';
import type { PartyOrganizationService } from './party-organization.service';

export interface CreatePartyMemberInput {
  branchId: string;
  name: string;
  status: PartyMemberStatus;
  joinedOn: string;
  fullMemberOn?: string | null;
  residentId?: string | null;
  /** Given for a mobile member (流动党员). */
  mobility?: PartyMobilityInput | null;
  inService?: boolean | null;
  workUnit?: string | null;
  /** The home community an in-service member registers at (双报到). */
  registeredUnitCode?: string | null;
}

/** 流动党员: where the member is, since when, and the branch there they keep in touch with (流入地党组织). */
export interface PartyMobilityInput {
  location: string;
  /** YYYY-MM-DD. */
  since: string;
  contactBranchId?: string | null;
}

export interface TransferPartyMemberInput {
  memberId: string;
  toBranchId: string;
  reason?: string | null;
}

export interface PartyMemberFilter {
  /** Members of branches at this unit and below (e.g. a street). */
  unitCode?: string | null;
  branchId?: string | null;
  status?: PartyMemberStatus | null;
  mobile?: boolean | null;
  inService?: boolean | null;
  /** Start of the name. */
  name?: string | null;
  /**
   * 双报到: in-service members registered at this community, whatever their branch. The scope is
   * the community's, so its party staff see them though the branch is elsewhere.
   */
  registeredAt?: string | null;
  /** Mobile members in touch with this branch where they are now; needs party:read at the branch's unit. */
  contactBranchId?: string | null;
}

/** Party members, their branch, whereabouts and transfers; who may see a member is `canRead`. */
export class PartyMemberService {
  private readonly members: Repository<PartyMemberEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly organizations: PartyOrganizationService,
  ) {
    this.members = dataSource.getRepository(PartyMemberEntity);
  }

  /**
   * In scope of the branch's unit, of the community an in-service member registered at, or of the
   * branch a mobile member keeps in touch with.
   */
  canRead(member: PartyMemberEntity): boolean {
    const inScope = (code: string | null) => code !== null && this.auth.can(Permission.PARTY_READ, code);
    return (
      inScope(member.unitCode) ||
      (member.inService && inScope(member.registeredUnitCode)) ||
      (member.mobile && inScope(member.mobileContactUnitCode))
    );
  }

  async get(id: string): Promise<PartyMemberEntity> {
    const member = await this.find(id);
    if (!member) throw notFound('PartyMember', id);
    if (!this.canRead(member)) throw forbidden(`Party member ${id} is outside your scope`);
    return member;
  }

  async findVisibleByIds(ids: readonly string[]): Promise<(PartyMemberEntity | null)[]> {
    const rows = await this.members.findBy({ id: In([...ids]) });
    const byId = new Map(rows.filter((m) => this.canRead(m)).map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Filtered, scoped; paged by name then id (index party_member_unit_name_idx / party_member_branch_idx). */
  listQuery(filter: PartyMemberFilter): SelectQueryBuilder<PartyMemberEntity> {
    this.auth.assertAnywhere(Permission.PARTY_READ);
    const query = this.members.createQueryBuilder('member');
    if (filter.registeredAt != null) {
      if (levelOfCode(filter.registeredAt) !== AdminUnitLevel.COMMUNITY)
        throw badInput('filter.registeredAt', 'must be a community code (12 digits)');
      // Index party_member_registered_idx.
      query
        .andWhere('member.inService')
        .andWhere('member.registeredUnitCode = :registeredAt', { registeredAt: filter.registeredAt });
      whereCodeInScope(query, 'member.registeredUnitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    } else if (filter.contactBranchId != null) {
      if (!isUuid(filter.contactBranchId))
        throw badInput('filter.contactBranchId', 'must be a branch id (uuid)');
      // Index party_member_mobile_contact_idx.
      query.andWhere('member.mobileContactBranchId = :contactBranchId', {
        contactBranchId: filter.contactBranchId,
      });
      whereCodeInScope(query, 'member.mobileContactUnitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    } else {
      whereCodeInScope(query, 'member.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    }
    if (filter.unitCode)
      query.andWhere('member.unitCode LIKE :unit', { unit: `${significantPrefix(filter.unitCode)}%` });
    if (filter.branchId) {
      if (!isUuid(filter.branchId)) throw badInput('filter.branchId', 'must be a branch id (uuid)');
      query.andWhere('member.branchId = :branchId', { branchId: filter.branchId });
    }
    if (filter.status) query.andWhere('member.status = :status', { status: filter.status });
    if (filter.mobile != null) query.andWhere('member.mobile = :mobile', { mobile: filter.mobile });
    if (filter.inService != null)
      query.andWhere('member.inService = :inService', { inService: filter.inService });
    const name = filter.name?.trim();
    if (name)
      query.andWhere('member.name LIKE :name', { name: `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return query;
  }

  /** Members per branch, for `PartyOrganization.members`; invisible branches give empty lists. */
  async membersOfBranches(branchIds: readonly string[]): Promise<PartyMemberEntity[][]> {
    const rows = await this.members.find({
      where: { branchId: In([...branchIds]) },
      order: { name: 'ASC', id: 'ASC' },
    });
    const visible = rows.filter((m) => this.canRead(m));
    return branchIds.map((id) => visible.filter((m) => m.branchId === id));
  }

  async create(input: CreatePartyMemberInput): Promise<PartyMemberEntity> {
    const name = input.name.trim();
    const inService = input.inService ?? false;
    const workUnit = inService ? input.workUnit?.trim() || null : null;
    const registeredUnitCode = inService ? (input.registeredUnitCode ?? null) : null;
    const problems = new InputProblems()
      .check(name.length >= 1 && name.length <= 50, 'input.name', 'must be 1 to 50 characters')
      .check(Object.values(PartyMemberStatus).includes(input.status), 'input.status', 'unknown status')
      .check(
        isCalendarDate(input.joinedOn) && input.joinedOn <= todayIso(),
        'input.joinedOn',
        'must be a past date YYYY-MM-DD',
      );
    if (input.fullMemberOn != null) {
      problems.check(
        input.status === PartyMemberStatus.FULL &&
          isCalendarDate(input.fullMemberOn) &&
          input.fullMemberOn >= input.joinedOn,
        'input.fullMemberOn',
        'only a FULL member has it, a date YYYY-MM-DD on or after joinedOn',
      );
    }
    if (input.residentId != null)
      problems.check(isUuid(input.residentId), 'input.residentId', 'must be a resident id (uuid)');
    const mobility = checkMobility(problems, 'input.mobility', input.mobility);
    if (inService) {
      problems
        .check(
          workUnit !== null && workUnit.length <= 100,
          'input.workUnit',
          'an in-service member needs a work unit (≤ 100 characters)',
        )
        .check(
          registeredUnitCode !== null && levelOfCode(registeredUnitCode) === AdminUnitLevel.COMMUNITY,
          'input.registeredUnitCode',
          'an in-service member registers at a community (12-digit code)',
        );
    }
    problems.throwIfAny();
    const branch = await this.organizations.requireBranch(input.branchId, 'input.branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    await this.checkContactBranch(mobility, branch.id, 'input.mobility.contactBranchId');
    if (
      registeredUnitCode &&
      !(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: registeredUnitCode }))
    ) {
      throw badInput('input.registeredUnitCode', `no administrative unit has code ${registeredUnitCode}`);
    }
    if (input.residentId) await this.assertNotMemberYet(input.residentId);
    try {
      return await this.members.save(
        this.members.create({
          branchId: branch.id,
          unitCode: branch.unitCode,
          name,
          status: input.status,
          joinedOn: input.joinedOn,
          fullMemberOn: input.fullMemberOn ?? null,
          residentId: input.residentId ?? null,
          ...mobility,
          inService,
          workUnit,
          registeredUnitCode,
        }),
      );
    } catch (error) {
      // Two concurrent registrations of one resident.
      if (isUniqueViolation(error, 'party_member_resident_id_key')) throw residentIsMember();
      throw error;
    }
  }

  /** Moves a member to another branch and records it; both branches must be in the caller's party:manage scope. */
  async transfer(input: TransferPartyMemberInput): Promise<PartyMemberEntity> {
    const member = await this.find(input.memberId);
    if (!member) throw badInput('input.memberId', `no party member has id ${input.memberId}`);
    this.auth.assert(Permission.PARTY_MANAGE, member.unitCode);
    const target = await this.organizations.requireBranch(input.toBranchId, 'input.toBranchId');
    if (target.id === member.branchId)
      throw badInput('input.toBranchId', 'the member is in this branch already');
    this.auth.assert(Permission.PARTY_MANAGE, target.unitCode);
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 200) throw badInput('input.reason', 'must be at most 200 characters');
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(PartyMemberTransferEntity, {
        memberId: member.id,
        fromBranchId: member.branchId,
        toBranchId: target.id,
        reason,
        transferredBy: this.auth.accountId,
      });
      // A secretary or grid assistant serves for their branch; leaving it ends the role.
      await manager.update(
        PartyBranchGridEntity,
        { assistantMemberId: member.id },
        { assistantMemberId: null },
      );
      await manager.update(
        PartyOrganizationEntity,
        { id: member.branchId, secretaryMemberId: member.id },
        { secretaryMemberId: null },
      );
      member.branchId = target.id;
      member.unitCode = target.unitCode;
      if (member.mobileContactBranchId === target.id)
        Object.assign(member, { mobileContactBranchId: null, mobileContactUnitCode: null });
      return manager.save(member);
    });
  }

  /** Marks a member as away (流动党员) with where and since when; null mobility means back home. */
  async setMobility(memberId: string, input: PartyMobilityInput | null): Promise<PartyMemberEntity> {
    const problems = new InputProblems();
    const mobility = checkMobility(problems, 'mobility', input);
    problems.throwIfAny();
    const member = await this.find(memberId);
    if (!member) throw badInput('memberId', `no party member has id ${memberId}`);
    this.auth.assert(Permission.PARTY_MANAGE, member.unitCode);
    await this.checkContactBranch(mobility, member.branchId, 'mobility.contactBranchId');
    return this.members.save(Object.assign(member, mobility));
  }

  /** 亮身份: whether and how the member appears on public boards. */
  async setIdentityDisplay(memberId: string, display: IdentityDisplay): Promise<PartyMemberEntity> {
    if (!Object.values(IdentityDisplay).includes(display)) throw badInput('display', 'unknown display');
    const member = await this.find(memberId);
    if (!member) throw badInput('memberId', `no party member has id ${memberId}`);
    this.auth.assert(Permission.PARTY_MANAGE, member.unitCode);
    member.identityDisplay = display;
    return this.members.save(member);
  }

  async transfersOf(memberId: string): Promise<PartyMemberTransferEntity[]> {
    return this.dataSource
      .getRepository(PartyMemberTransferEntity)
      .find({ where: { memberId }, order: { transferredAt: 'ASC' } });
  }

  /** The contact branch is where the member is now: any existing branch but their own. */
  private async checkContactBranch(mobility: Mobility, ownBranchId: string, field: string): Promise<void> {
    if (!mobility.mobileContactBranchId) return;
    const contact = await this.organizations.requireBranch(mobility.mobileContactBranchId, field);
    if (contact.id === ownBranchId) throw badInput(field, 'must be a branch other than the member’s own');
    mobility.mobileContactUnitCode = contact.unitCode;
  }

  private async find(id: string): Promise<PartyMemberEntity | null> {
    return isUuid(id) ? this.members.findOneBy({ id }) : null;
  }

  private async assertNotMemberYet(residentId: string): Promise<void> {
    if (await this.members.existsBy({ residentId })) throw residentIsMember();
  }
}

type Mobility = Pick<
  PartyMemberEntity,
  'mobile' | 'mobileLocation' | 'mobileSince' | 'mobileContactBranchId' | 'mobileContactUnitCode'
>;

/** Checks the whereabouts of a mobile member into `problems`; no input means not mobile. */
function checkMobility(problems: InputProblems, field: string, input?: PartyMobilityInput | null): Mobility {
  if (!input)
    return {
      mobile: false,
      mobileLocation: null,
      mobileSince: null,
      mobileContactBranchId: null,
      mobileContactUnitCode: null,
    };
  const location = input.location.trim();
  problems
    .check(location.length >= 2 && location.length <= 200, `${field}.location`, 'must be 2 to 200 characters')
    .check(
      isCalendarDate(input.since) && input.since <= todayIso(),
      `${field}.since`,
      'must be a past date YYYY-MM-DD',
    );
  if (input.contactBranchId != null)
    problems.check(isUuid(input.contactBranchId), `${field}.contactBranchId`, 'must be a branch id (uuid)');
  return {
    mobile: true,
    mobileLocation: location,
    mobileSince: input.since,
    mobileContactBranchId: input.contactBranchId ?? null,
    // Set from the branch once it is found.
    mobileContactUnitCode: null,
  };
}

// A person belongs to one branch; moving is a transfer.
const residentIsMember = () =>
  badInput('input.residentId', 'this resident is a party member of a branch already; transfer them instead');
