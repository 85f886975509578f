import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import { DEMO_ACCOUNTS, hashPassword } from '@gridgov/platform-auth';
import type { Logger } from '@gridgov/platform-observability';
import { AccountEntity } from '../account/account.entity';
import { RoleGrantEntity } from '../account/role-grant.entity';
import {
  CobuildingPairingEntity,
  CobuildingResourceKind,
  CobuildingUnitEntity,
} from '../community/cobuilding.entity';
import { CouncilMeetingEntity, CouncilMeetingKind, CouncilTopicEntity } from '../community/council.entity';
import { DepartmentEntity, DepartmentKind } from '../department/department.entity';
import { NotificationEntity } from '../notification/notification.entity';
import { PartyMeetingEntity, PartyMeetingKind } from '../party-life/party-meeting.entity';
import { PartyPledgeEntity } from '../party-life/party-pledge.entity';
import { PartyPostEntity, PartyPostKind } from '../party-life/party-post.entity';
import { PartyBranchGridEntity } from '../party/party-branch-grid.entity';
import { IdentityDisplay, PartyMemberEntity, PartyMemberStatus } from '../party/party-member.entity';
import {
  PartyOrganizationEntity,
  PartyOrganizationKind,
  PartyOrganizationLevel,
} from '../party/party-organization.entity';
import {
  ServiceCenterEntity,
  ServiceCenterKind,
  ServiceChannel,
  ServiceItemEntity,
} from '../public-service/public-service.entity';
import {
  VolunteerActivityEntity,
  VolunteerSignupEntity,
  VolunteerTeamEntity,
} from '../volunteer/volunteer.entity';
import { DEMO_PASSWORD } from './org-demo.seed';

/** Finds the row matching `where`, or creates it from `where` and `extra`: what makes the seed idempotent. */
async function ensure<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: FindOptionsWhere<E> & Partial<E>,
  extra: Partial<E> = {},
): Promise<E> {
  return (
    (await manager.findOneBy(entity, where)) ??
    manager.save(entity, manager.create(entity, { ...where, ...extra } as E))
  );
}

const DEPARTMENTS: [string, DepartmentKind][] = [
  ['汇川区综合行政执法局（城管）', DepartmentKind.URBAN_MANAGEMENT],
  ['汇川区生态环境分局', DepartmentKind.ENVIRONMENT],
  ['汇川区市场监督管理局', DepartmentKind.MARKET_REGULATION],
  ['汇川区民政局', DepartmentKind.CIVIL_AFFAIRS],
  ['汇川分局上海路派出所', DepartmentKind.PUBLIC_SECURITY],
];

const DEMO_VOLUNTEER_RESIDENT_ID = '00000000-0000-4000-8000-0000000f0101';

/** Departments, party building, volunteering, services, council, co-building and an inbox for the demo units. */
export async function seedOrgPartyDemo(dataSource: DataSource, log: Logger): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (m) => {
    for (const [name, kind] of DEPARTMENTS)
      await ensure(m, DepartmentEntity, { unitCode: '520303000000', name }, { kind });

    const partyAdmin = await ensure(
      m,
      AccountEntity,
      { username: 'zhuhai.party' },
      {
        id: DEMO_ACCOUNTS['zhuhai.party'].id,
        displayName: '珠海路社区党委党务干事',
        passwordHash,
        managedAt: '520303001001',
      },
    );
    await m
      .createQueryBuilder()
      .insert()
      .into(RoleGrantEntity)
      .values({ accountId: partyAdmin.id, ...DEMO_ACCOUNTS['zhuhai.party'].grant })
      .orIgnore()
      .execute();

    const community = '520303001001';
    const committee = await ensure(
      m,
      PartyOrganizationEntity,
      { unitCode: community, name: '珠海路社区党委' },
      {
        level: PartyOrganizationLevel.COMMITTEE,
        kind: PartyOrganizationKind.COMMUNITY,
      },
    );
    const branch = await ensure(
      m,
      PartyOrganizationEntity,
      { unitCode: community, name: '珠海路一网格党支部' },
      {
        level: PartyOrganizationLevel.BRANCH,
        kind: PartyOrganizationKind.GRID,
        parentId: committee.id,
      },
    );
    const binding = await ensure(m, PartyBranchGridEntity, {
      organizationId: branch.id,
      gridCode: '520303001001001',
    });
    const veteran = await ensure(
      m,
      PartyMemberEntity,
      { branchId: branch.id, name: '王建国' },
      {
        unitCode: community,
        status: PartyMemberStatus.FULL,
        joinedOn: '1998-07-01',
        fullMemberOn: '1999-07-01',
      },
    );
    await m.update(PartyOrganizationEntity, { id: branch.id }, { secretaryMemberId: veteran.id });
    // The secretary is the grid's party assistant and shows their identity in full (亮身份).
    // By key: the loaded binding as criteria would add `assistant_member_id = NULL`, which matches nothing.
    await m.update(
      PartyBranchGridEntity,
      { organizationId: binding.organizationId, gridCode: binding.gridCode },
      { assistantMemberId: veteran.id },
    );
    await m.update(PartyMemberEntity, { id: veteran.id }, { identityDisplay: IdentityDisplay.FULL });
    // A mobile member working in 人民路, in touch with the grid branch there (流入地党组织), which sees him too.
    const contactBranch = await ensure(
      m,
      PartyOrganizationEntity,
      { unitCode: '520303001002', name: '人民路一网格党支部' },
      { level: PartyOrganizationLevel.BRANCH, kind: PartyOrganizationKind.GRID },
    );
    await ensure(
      m,
      PartyMemberEntity,
      { branchId: branch.id, name: '张流动' },
      {
        unitCode: community,
        status: PartyMemberStatus.FULL,
        joinedOn: '2015-07-01',
        mobile: true,
        mobileLocation: '人民路商业街（务工）',
        mobileSince: '2025-03-01',
        mobileContactBranchId: contactBranch.id,
        mobileContactUnitCode: contactBranch.unitCode,
        identityDisplay: IdentityDisplay.MASKED,
      },
    );
    // An in-service member of a district agency branch, registered at 珠海路社区 (双报到).
    const agencyBranch = await ensure(
      m,
      PartyOrganizationEntity,
      { unitCode: '520303000000', name: '汇川区教育局机关党支部' },
      { level: PartyOrganizationLevel.BRANCH, kind: PartyOrganizationKind.AGENCY },
    );
    await ensure(
      m,
      PartyMemberEntity,
      { branchId: agencyBranch.id, name: '赵为民' },
      {
        unitCode: '520303000000',
        status: PartyMemberStatus.FULL,
        joinedOn: '2008-07-01',
        inService: true,
        workUnit: '汇川区教育局',
        registeredUnitCode: community,
        identityDisplay: IdentityDisplay.FULL,
      },
    );
    await ensure(
      m,
      PartyMemberEntity,
      { branchId: branch.id, name: '李在职' },
      {
        unitCode: community,
        status: PartyMemberStatus.FULL,
        joinedOn: '2010-06-01',
        inService: true,
        workUnit: '汇川区教育局',
        registeredUnitCode: community,
      },
    );
    await ensure(
      m,
      PartyPostEntity,
      { branchId: branch.id, name: '治安巡逻岗' },
      {
        kind: PartyPostKind.PUBLIC_ORDER,
        duties: '每周两次夜间巡逻，发现隐患及时报告网格员',
        memberId: veteran.id,
      },
    );
    await ensure(
      m,
      PartyPledgeEntity,
      { memberId: veteran.id, pledgedOn: '2026-01-05' },
      { content: '每月为独居老人上门服务一次' },
    );
    await ensure(
      m,
      PartyMeetingEntity,
      { branchId: branch.id, kind: PartyMeetingKind.MEMBERS_MEETING, heldOn: '2026-10-10' },
      {
        attendance: 18,
        absent: 2,
        minutes: '学习上级文件精神，部署网格巡逻。',
        recordedBy: partyAdmin.id,
      },
    );

    const team = await ensure(m, VolunteerTeamEntity, { unitCode: community, name: '珠海路志愿服务队' });
    const activity = await ensure(
      m,
      VolunteerActivityEntity,
      { teamId: team.id, title: '清洁家园' },
      {
        unitCode: community,
        place: '珠海路小区广场',
        gridCode: '520303001001001',
        startsAt: new Date('2026-11-01T01:00:00Z'),
        endsAt: new Date('2026-11-01T04:00:00Z'),
        capacity: 20,
      },
    );
    await ensure(
      m,
      VolunteerSignupEntity,
      { activityId: activity.id, partyMemberId: veteran.id },
      {
        name: veteran.name,
        checkedInAt: new Date('2026-11-01T01:00:00Z'),
        checkedOutAt: new Date('2026-11-01T03:30:00Z'),
        serviceMinutes: 150,
      },
    );
    // A resident who is not a party member (she shows on the honour board as a VOLUNTEER, masked).
    // Fixed id: grid-service generates its residents' ids, which org cannot read.
    await ensure(
      m,
      VolunteerSignupEntity,
      { activityId: activity.id, residentId: DEMO_VOLUNTEER_RESIDENT_ID },
      {
        name: '赵丽',
        checkedInAt: new Date('2026-11-01T01:00:00Z'),
        checkedOutAt: new Date('2026-11-01T03:00:00Z'),
        serviceMinutes: 120,
      },
    );

    await ensure(
      m,
      ServiceCenterEntity,
      { unitCode: community, name: '珠海路社区党员群众综合服务站' },
      {
        kind: ServiceCenterKind.COMMUNITY_STATION,
        address: '汇川区珠海路88号',
        openingHours: '周一至周五 8:30-12:00, 14:00-17:30',
        extendedHours: '周六 9:00-12:00；工作日 17:30-19:00（错时延时）',
        windows: 3,
        staffOnDuty: ['张敏', '刘洋'],
      },
    );
    for (const [unitCode, name, doorstep] of [
      ['520303000000', '高龄津贴申请', true],
      [community, '居住证明开具', true],
      [community, '活动场地预约', false],
    ] as const) {
      await ensure(
        m,
        ServiceItemEntity,
        { unitCode, name },
        {
          categoryCode: 'SOC-01',
          eligibility: '辖区居民',
          materials: ['身份证', '户口簿'],
          timeLimitDays: 5,
          fee: '免费',
          channel: ServiceChannel.BOTH,
          proxyAllowed: true,
          doorstep,
        },
      );
    }

    const council = await ensure(
      m,
      CouncilMeetingEntity,
      { unitCode: community, title: '加装电梯议事会' },
      {
        kind: CouncilMeetingKind.DECISION,
        heldOn: '2026-11-05',
        participants: ['居民代表甲', '居民代表乙', '物业代表'],
      },
    );
    await ensure(
      m,
      CouncilTopicEntity,
      { meetingId: council.id, title: '3栋加装电梯' },
      {
        decision: '同意加装，费用按楼层分摊',
        votesFor: 15,
        votesAgainst: 2,
        abstentions: 1,
      },
    );
    const cobuilding = await ensure(
      m,
      CobuildingUnitEntity,
      { unitCode: community, name: '汇川区教育局' },
      {
        gridCode: '520303001001001',
        resources: [
          { kind: CobuildingResourceKind.VENUE, description: '会议室可供议事会使用' },
          { kind: CobuildingResourceKind.VOLUNTEERS, description: '10名在职党员' },
        ],
      },
    );
    await ensure(
      m,
      CobuildingPairingEntity,
      { cobuildingUnitId: cobuilding.id, branchId: branch.id },
      {
        since: '2026-01-01',
        jointActivities: ['政策宣讲'],
      },
    );
    await ensure(
      m,
      NotificationEntity,
      { accountId: partyAdmin.id, kind: 'MEETING_REMINDER' },
      {
        title: '三会一课提醒',
        body: '珠海路一网格党支部本月支委会尚未召开',
        link: `/party/organizations/${branch.id}`,
      },
    );
  });
  log.info({ departments: DEPARTMENTS.length }, 'org party-building demo data ready');
}
