import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import {
  PartyOrganizationEntity,
  PartyOrganizationKind,
  PartyOrganizationLevel,
} from '../party/party-organization.entity';
import { PartyOrganizationService } from '../party/party-organization.service';
import { MeetingPeriod, PartyMeetingKind } from './party-meeting.entity';
import { PartyMeetingService } from './party-meeting.service';

// 三会一课 compliance: rules per branch kind, the current month/quarter, and scope.
describe('PartyMeetingService compliance', () => {
  let db: TestDatabase;
  let zhuhai: PartyOrganizationEntity;
  const service = (auth = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303001' })) =>
    new PartyMeetingService(db.dataSource, auth, new PartyOrganizationService(db.dataSource, auth));
  const behind = async (unitCode: string, on: string, auth?: ReturnType<typeof callerWith>) =>
    (await service(auth).shortfalls(unitCode, on)).map(
      (s) => `${s.branchId === zhuhai.id ? 'zhuhai' : 'renmin'} ${s.meetingKind} ${s.periodStart}`,
    );

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    const orgs = db.dataSource.getRepository(PartyOrganizationEntity);
    const branch = (name: string, unitCode: string) =>
      orgs.save(
        orgs.create({
          name,
          unitCode,
          level: PartyOrganizationLevel.BRANCH,
          kind: PartyOrganizationKind.GRID,
        }),
      );
    zhuhai = await branch('珠海路一网格党支部', '520303001001');
    await branch('人民路一网格党支部', '520303001002');
    const zhuhaiAdmin = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303001001' });
    const record = (kind: PartyMeetingKind, heldOn: string) =>
      service(zhuhaiAdmin).record({ branchId: zhuhai.id, kind, heldOn, attendance: 5, minutes: '会议记录' });
    await record(PartyMeetingKind.MEMBERS_MEETING, '2026-10-08');
    await record(PartyMeetingKind.PARTY_LECTURE, '2026-10-20');
    await record(PartyMeetingKind.COMMITTEE_MEETING, '2026-10-05');
    await record(PartyMeetingKind.GROUP_MEETING, '2026-11-03');
  });
  afterAll(() => db?.close());

  it('lists what each branch still owes in the period containing the date', async () => {
    expect(await behind('520303001000', '2026-11-15')).toEqual([
      'renmin COMMITTEE_MEETING 2026-11-01',
      'renmin GROUP_MEETING 2026-11-01',
      'renmin MEMBERS_MEETING 2026-10-01',
      'renmin PARTY_LECTURE 2026-10-01',
      'zhuhai COMMITTEE_MEETING 2026-11-01',
    ]);
    // A meeting on a later date does not count for an earlier day.
    expect(await behind('520303001001', '2026-10-06')).toEqual([
      'zhuhai GROUP_MEETING 2026-10-01',
      'zhuhai MEMBERS_MEETING 2026-10-01',
      'zhuhai PARTY_LECTURE 2026-10-01',
    ]);
  });

  it('follows a changed rule and the caller’s scope', async () => {
    const platform = callerWith({ role: Role.PLATFORM_ADMIN, scopeCode: '' });
    await service(platform).setRule(
      PartyOrganizationKind.GRID,
      PartyMeetingKind.COMMITTEE_MEETING,
      MeetingPeriod.QUARTER,
    );
    const renminOnly = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303001002' });
    expect(await behind('520303001000', '2026-11-15', renminOnly)).toEqual([
      'renmin COMMITTEE_MEETING 2026-10-01',
      'renmin GROUP_MEETING 2026-11-01',
      'renmin MEMBERS_MEETING 2026-10-01',
      'renmin PARTY_LECTURE 2026-10-01',
    ]);
    await expect(
      service().setRule(PartyOrganizationKind.GRID, PartyMeetingKind.COMMITTEE_MEETING, MeetingPeriod.MONTH),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
