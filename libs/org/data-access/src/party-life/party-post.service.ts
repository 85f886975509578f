import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems } from '@gridgov/platform-errors';
import { isCalendarDate, todayIso } from '../calendar-date';
import { PartyMemberEntity } from '../party/party-member.entity';
import type { PartyOrganizationService } from '../party/party-organization.service';
import { PartyPledgeEntity } from './party-pledge.entity';
import { PartyPostEntity, PartyPostKind } from './party-post.entity';

export interface CreatePartyPostInput {
  branchId: string;
  kind: PartyPostKind;
  name: string;
  duties: string;
  /** A member of the same branch who holds the post. */
  memberId?: string | null;
}

export interface CreatePartyPledgeInput {
  memberId: string;
  content: string;
  pledgedOn: string;
}

/** 设岗定责 posts and members' public pledges; scoped like the branch / member they belong to. */
export class PartyPostService {
  private readonly posts: Repository<PartyPostEntity>;
  private readonly pledges: Repository<PartyPledgeEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly organizations: PartyOrganizationService,
  ) {
    this.posts = dataSource.getRepository(PartyPostEntity);
    this.pledges = dataSource.getRepository(PartyPledgeEntity);
  }

  async createPost(input: CreatePartyPostInput): Promise<PartyPostEntity> {
    const name = input.name.trim();
    const duties = input.duties.trim();
    new InputProblems()
      .check(Object.values(PartyPostKind).includes(input.kind), 'input.kind', 'unknown post kind')
      .check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters')
      .check(duties.length >= 2 && duties.length <= 2000, 'input.duties', 'must be 2 to 2000 characters')
      .throwIfAny();
    const branch = await this.organizations.requireBranch(input.branchId, 'input.branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    if (input.memberId) {
      const member = await this.dataSource.getRepository(PartyMemberEntity).findOneBy({ id: input.memberId });
      if (!member || member.branchId !== branch.id)
        throw badInput('input.memberId', 'must be a member of this branch');
    }
    return this.posts.save(
      this.posts.create({
        branchId: branch.id,
        kind: input.kind,
        name,
        duties,
        memberId: input.memberId ?? null,
      }),
    );
  }

  async createPledge(input: CreatePartyPledgeInput): Promise<PartyPledgeEntity> {
    const content = input.content.trim();
    new InputProblems()
      .check(content.length >= 2 && content.length <= 500, 'input.content', 'must be 2 to 500 characters')
      .check(
        isCalendarDate(input.pledgedOn) && input.pledgedOn <= todayIso(),
        'input.pledgedOn',
        'must be a past date YYYY-MM-DD',
      )
      .throwIfAny();
    const member = await this.dataSource.getRepository(PartyMemberEntity).findOneBy({ id: input.memberId });
    if (!member) throw badInput('input.memberId', `no party member has id ${input.memberId}`);
    this.auth.assert(Permission.PARTY_MANAGE, member.unitCode);
    return this.pledges.save(
      this.pledges.create({ memberId: member.id, content, pledgedOn: input.pledgedOn }),
    );
  }

  /** Posts per branch; the caller has already been allowed to see the branches. */
  async postsOfBranches(branchIds: readonly string[]): Promise<PartyPostEntity[][]> {
    const rows = await this.posts.find({ where: { branchId: In([...branchIds]) }, order: { name: 'ASC' } });
    return branchIds.map((id) => rows.filter((p) => p.branchId === id));
  }

  async postsOfMember(memberId: string): Promise<PartyPostEntity[]> {
    return this.posts.find({ where: { memberId }, order: { name: 'ASC' } });
  }

  async pledgesOfMember(memberId: string): Promise<PartyPledgeEntity[]> {
    return this.pledges.find({ where: { memberId }, order: { pledgedOn: 'DESC' } });
  }
}
