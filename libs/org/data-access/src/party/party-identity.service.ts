import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '@gridgov/platform-errors';
import { AdminUnitLevel, levelOfCode } from '../admin-unit/admin-unit-code';
import { PartyPledgeEntity } from '../party-life/party-pledge.entity';
import { PartyPostEntity } from '../party-life/party-post.entity';
import { IdentityDisplay, PartyMemberEntity } from './party-member.entity';
import type { PartyMemberService } from './party-member.service';
import { PartyOrganizationEntity } from './party-organization.entity';

/** The public board of one grid or one community. */
export interface IdentityBoardArea {
  gridCode?: string | null;
  unitCode?: string | null;
}

/** What a member who shows their identity (亮身份) puts on a public board, and nothing more. */
export interface PartyIdentityCard {
  name: string;
  /** True when the name is shown as surname only. */
  masked: boolean;
  branchName: string;
  /** An in-service member registered at the community (双报到). */
  inService: boolean;
  posts: PartyPostEntity[];
  pledges: PartyPledgeEntity[];
}

/** 王建国 → 王**. */
export const maskName = (name: string): string => {
  const [first = '', ...rest] = Array.from(name);
  return first + '*'.repeat(rest.length);
};

/**
 * 亮身份 boards: readable without sign-in, listing only members who chose to show their identity.
 * A MASKED member shows the surname only, except to staff who may read the member anyway.
 */
export class PartyIdentityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: PartyMemberService,
  ) {}

  /**
   * A grid's board lists the members of branches built on it; a community's, the members of its
   * branches and the in-service members registered there. Index party_member_identity_idx.
   */
  boardQuery(area: IdentityBoardArea): SelectQueryBuilder<PartyMemberEntity> {
    const query = this.dataSource
      .getRepository(PartyMemberEntity)
      .createQueryBuilder('member')
      .where('member.identityDisplay <> :hidden', { hidden: IdentityDisplay.HIDDEN });
    if ((area.gridCode == null) === (area.unitCode == null))
      throw badInput('gridCode', 'give either a grid code or a community code');
    if (area.gridCode != null) {
      if (!/^\d{15}$/.test(area.gridCode)) throw badInput('gridCode', 'must be a 15-digit grid code');
      return query.andWhere(
        'member.branchId IN (SELECT b.organization_id FROM party_branch_grid b WHERE b.grid_code = :gridCode)',
        { gridCode: area.gridCode },
      );
    }
    const unitCode = area.unitCode as string;
    if (levelOfCode(unitCode) !== AdminUnitLevel.COMMUNITY)
      throw badInput('unitCode', 'must be a community code (12 digits)');
    return query.andWhere(
      new Brackets((where) =>
        where
          .where('member.unitCode = :unitCode', { unitCode })
          .orWhere('(member.inService AND member.registeredUnitCode = :unitCode)', { unitCode }),
      ),
    );
  }

  /** The cards of a page of members: one query each for branches, posts and pledges. */
  async cards(members: PartyMemberEntity[]): Promise<PartyIdentityCard[]> {
    if (members.length === 0) return [];
    const ids = members.map((m) => m.id);
    const [branches, posts, pledges] = await Promise.all([
      this.dataSource
        .getRepository(PartyOrganizationEntity)
        .findBy({ id: In([...new Set(members.map((m) => m.branchId))]) }),
      this.dataSource
        .getRepository(PartyPostEntity)
        .find({ where: { memberId: In(ids) }, order: { name: 'ASC' } }),
      this.dataSource
        .getRepository(PartyPledgeEntity)
        .find({ where: { memberId: In(ids) }, order: { pledgedOn: 'DESC' } }),
    ]);
    return members.map((member) => {
      const masked = member.identityDisplay !== IdentityDisplay.FULL && !this.members.canRead(member);
      return {
        name: masked ? maskName(member.name) : member.name,
        masked,
        branchName: branches.find((b) => b.id === member.branchId)?.name ?? '',
        inService: member.inService,
        posts: posts.filter((p) => p.memberId === member.id),
        pledges: pledges.filter((p) => p.memberId === member.id),
      };
    });
  }
}
