import { randomUUID } from 'node:crypto';
import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';

const GRID = '520303001001001';

// A community's party building, built through the gateway and read back with grid-service's grid in one request.
describe('party building of a community, through the gateway', () => {
  let graph: TestGraph;
  let admin: string;
  let zhuhai: string;
  let renmin: string;
  const send = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
    graph.query<T>(query, variables, token);
  const run = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await send<T>(token, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const problem = (result: GraphQLResult<unknown>) => ({
    code: result.errors?.[0].extensions?.['code'],
    field: result.errors?.[0].extensions?.['field'],
  });
  const login = async (username: string, password: string) =>
    (
      await graph.query<{ login: { token: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: password },
      )
    ).data?.login.token as string;
  const partyAdmin = async (username: string, unitCode: string) => {
    const account = await run<{ createAccount: { id: string } }>(
      admin,
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`,
      { input: { username, displayName: username, password: 'party-pass-2026', unitCode } },
    );
    await run(admin, `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }`, {
      input: { accountId: account.createAccount.id, role: 'PARTY_ADMIN', unitCode },
    });
    return login(username, 'party-pass-2026');
  };
  const CREATE_ORG = `mutation($input: CreatePartyOrganizationInput!) { createPartyOrganization(input: $input) { id } }`;
  const CREATE_MEMBER = `mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id } }`;
  const TRANSFER = `mutation($input: TransferPartyMemberInput!) { transferPartyMember(input: $input) { id } }`;
  const CHECK_OUT = `mutation($id: ID!, $at: DateTime!) { checkOutVolunteer(signupId: $id, at: $at) { serviceHours } }`;

  const residentId = randomUUID();
  let branchId: string;
  let secondBranchId: string;
  let residentMemberId: string;
  let activityId: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
    ]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
    admin = await login('admin', 'correct horse');
    const units: [string, string, string | null][] = [
      ['520300000000', '遵义市', null],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303001001', '珠海路社区', '520303001000'],
      ['520303001002', '人民路社区', '520303001000'],
    ];
    for (const [code, name, parentCode] of units) {
      await run(admin, `mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { id } }`, {
        input: { code, name, parentCode },
      });
    }
    const ring = [
      [106.925, 27.7],
      [106.929, 27.7],
      [106.929, 27.704],
      [106.925, 27.704],
      [106.925, 27.7],
    ];
    await run(admin, `mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`, {
      input: {
        code: GRID,
        name: '珠海路一网格',
        level: 4,
        kind: 'BLOCK',
        adminUnitCode: '520303001001',
        boundary: { type: 'Polygon', coordinates: [ring] },
      },
    });
    zhuhai = await partyAdmin('zhuhai.party', '520303001001');
    renmin = await partyAdmin('renmin.party', '520303001002');
  });
  afterAll(() => graph?.stop());

  it('builds committee, grid branch, members, a post, a meeting and volunteering, and reads them with the grid', async () => {
    const committee = await run<{ createPartyOrganization: { id: string } }>(zhuhai, CREATE_ORG, {
      input: { name: '珠海路社区党委', level: 'COMMITTEE', kind: 'COMMUNITY', unitCode: '520303001001' },
    });
    const committeeId = committee.createPartyOrganization.id;
    branchId = (
      await run<{ createPartyOrganization: { id: string } }>(zhuhai, CREATE_ORG, {
        input: {
          name: '珠海路一网格党支部',
          level: 'BRANCH',
          kind: 'GRID',
          unitCode: '520303001001',
          parentId: committeeId,
        },
      })
    ).createPartyOrganization.id;
    secondBranchId = (
      await run<{ createPartyOrganization: { id: string } }>(zhuhai, CREATE_ORG, {
        input: {
          name: '珠海路楼宇党支部',
          level: 'BRANCH',
          kind: 'BUILDING',
          unitCode: '520303001001',
          parentId: committeeId,
        },
      })
    ).createPartyOrganization.id;
    await run(
      zhuhai,
      `mutation($b: ID!, $g: String!) { bindPartyBranchToGrid(branchId: $b, gridCode: $g) { id } }`,
      {
        b: branchId,
        g: GRID,
      },
    );

    residentMemberId = (
      await run<{ createPartyMember: { id: string } }>(zhuhai, CREATE_MEMBER, {
        input: {
          branchId,
          name: '王建国',
          status: 'FULL',
          joinedOn: '1998-07-01',
          fullMemberOn: '1999-07-01',
          residentId,
        },
      })
    ).createPartyMember.id;
    await run(zhuhai, CREATE_MEMBER, {
      input: {
        branchId,
        name: '李在职',
        status: 'PROBATIONARY',
        joinedOn: '2025-12-01',
        inService: true,
        workUnit: '汇川区教育局',
        registeredUnitCode: '520303001001',
      },
    });
    await run(
      zhuhai,
      `mutation($o: ID!, $m: ID!) { setPartySecretary(organizationId: $o, memberId: $m) { id } }`,
      {
        o: branchId,
        m: residentMemberId,
      },
    );
    await run(zhuhai, `mutation($input: CreatePartyPostInput!) { createPartyPost(input: $input) { id } }`, {
      input: {
        branchId,
        kind: 'PUBLIC_ORDER',
        name: '治安巡逻岗',
        duties: '每周两次夜间巡逻',
        memberId: residentMemberId,
      },
    });
    await run(
      zhuhai,
      `mutation($input: RecordPartyMeetingInput!) { recordPartyMeeting(input: $input) { id } }`,
      {
        input: {
          branchId,
          kind: 'MEMBERS_MEETING',
          heldOn: '2026-10-10',
          attendance: 2,
          minutes: '学习文件，部署网格巡逻。',
        },
      },
    );

    const team = await run<{ createVolunteerTeam: { id: string } }>(
      zhuhai,
      `mutation { createVolunteerTeam(input: { unitCode: "520303001001", name: "珠海路志愿服务队" }) { id } }`,
    );
    const activity = await run<{ createVolunteerActivity: { id: string } }>(
      zhuhai,
      `mutation($input: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $input) { id } }`,
      {
        input: {
          teamId: team.createVolunteerTeam.id,
          title: '清洁家园',
          place: '珠海路小区广场',
          gridCode: GRID,
          startsAt: '2026-11-01T01:00:00Z',
          endsAt: '2026-11-01T04:00:00Z',
          capacity: 10,
        },
      },
    );
    activityId = activity.createVolunteerActivity.id;
    const signupId = (
      await run<{ signUpVolunteer: { id: string } }>(
        zhuhai,
        `mutation($input: SignUpVolunteerInput!) { signUpVolunteer(input: $input) { id } }`,
        { input: { activityId, partyMemberId: residentMemberId } },
      )
    ).signUpVolunteer.id;
    await run(
      zhuhai,
      `mutation($id: ID!) { checkInVolunteer(signupId: $id, at: "2026-11-01T01:00:00Z") { id } }`,
      {
        id: signupId,
      },
    );
    const out = await run<{ checkOutVolunteer: { serviceHours: number } }>(zhuhai, CHECK_OUT, {
      id: signupId,
      at: '2026-11-01T03:30:00Z',
    });
    expect(out.checkOutVolunteer.serviceHours).toBe(2.5);

    const data = await run<{ grid: unknown }>(
      zhuhai,
      `query($code: String!) { grid(code: $code) { name adminUnit { name } partyBranches {
          name kind parent { name } secretary { name } gridCodes posts { name kind memberId } meetings { kind heldOn attendance }
          members { name status residentId inService workUnit registeredUnitCode serviceHours posts { name } }
      } } }`,
      { code: GRID },
    );
    expect(data.grid).toEqual({
      name: '珠海路一网格',
      adminUnit: { name: '珠海路社区' },
      partyBranches: [
        {
          name: '珠海路一网格党支部',
          kind: 'GRID',
          parent: { name: '珠海路社区党委' },
          secretary: { name: '王建国' },
          gridCodes: [GRID],
          posts: [{ name: '治安巡逻岗', kind: 'PUBLIC_ORDER', memberId: residentMemberId }],
          meetings: [{ kind: 'MEMBERS_MEETING', heldOn: '2026-10-10', attendance: 2 }],
          members: [
            {
              name: '李在职',
              status: 'PROBATIONARY',
              residentId: null,
              inService: true,
              workUnit: '汇川区教育局',
              registeredUnitCode: '520303001001',
              serviceHours: 0,
              posts: [],
            },
            {
              name: '王建国',
              status: 'FULL',
              residentId,
              inService: false,
              workUnit: null,
              registeredUnitCode: null,
              serviceHours: 2.5,
              posts: [{ name: '治安巡逻岗' }],
            },
          ],
        },
      ],
    });
  });

  it('shows which branches are behind on 三会一课 this period', async () => {
    const data = await run<{
      meetingCompliance: { branch: { name: string }; meetingKind: string; periodStart: string }[];
    }>(
      zhuhai,
      `{ meetingCompliance(unitCode: "520303001001", on: "2026-10-31") { branch { name } meetingKind periodStart } }`,
    );
    const gridBranch = data.meetingCompliance.filter((s) => s.branch.name === '珠海路一网格党支部');
    expect(gridBranch.map((s) => `${s.meetingKind} ${s.periodStart}`).sort()).toEqual([
      'COMMITTEE_MEETING 2026-10-01',
      'GROUP_MEETING 2026-10-01',
      'PARTY_LECTURE 2026-10-01',
    ]);
    expect(data.meetingCompliance.filter((s) => s.branch.name === '珠海路楼宇党支部')).toHaveLength(4);
    const other = await run<{ meetingCompliance: unknown[] }>(
      renmin,
      `{ meetingCompliance(unitCode: "520303001001", on: "2026-10-31") { meetingKind } }`,
    );
    expect(other.meetingCompliance).toEqual([]);
  });

  it('keeps another community’s party admin out of these members', async () => {
    const listed = await run<{ partyMembers: { totalCount: number } }>(
      renmin,
      `{ partyMembers(filter: { unitCode: "520303001001" }) { totalCount } }`,
    );
    expect(listed.partyMembers.totalCount).toBe(0);
    const one = await send(renmin, `query($id: ID!) { partyMember(id: $id) { name } }`, {
      id: residentMemberId,
    });
    expect(problem(one).code).toBe('FORBIDDEN');
    const entities = await send(renmin, `query($id: ID!) { partyOrganization(id: $id) { name } }`, {
      id: branchId,
    });
    expect(problem(entities).code).toBe('FORBIDDEN');
    const write = await send(renmin, CREATE_MEMBER, {
      input: { branchId, name: '越权', status: 'FULL', joinedOn: '2000-01-01' },
    });
    expect(problem(write).code).toBe('FORBIDDEN');
    const own = await run<{ partyMembers: { totalCount: number } }>(
      zhuhai,
      `{ partyMembers { totalCount } }`,
    );
    expect(own.partyMembers.totalCount).toBe(2);
  });

  it('answers bad input with a typed error naming the field, and changes nothing', async () => {
    const unknownBranch = await send(zhuhai, CREATE_MEMBER, {
      input: { branchId: randomUUID(), name: '无支部', status: 'FULL', joinedOn: '2000-01-01' },
    });
    expect(problem(unknownBranch)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.branchId' });
    const twice = await send(zhuhai, CREATE_MEMBER, {
      input: { branchId: secondBranchId, name: '王建国', status: 'FULL', joinedOn: '1998-07-01', residentId },
    });
    expect(problem(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.residentId' });
    const sameBranch = await send(zhuhai, TRANSFER, {
      input: { memberId: residentMemberId, toBranchId: branchId },
    });
    expect(problem(sameBranch)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.toBranchId' });
    const late = await run<{ signUpVolunteer: { id: string } }>(
      zhuhai,
      `mutation($input: SignUpVolunteerInput!) { signUpVolunteer(input: $input) { id } }`,
      { input: { activityId, name: '张志愿' } },
    );
    await run(
      zhuhai,
      `mutation($id: ID!) { checkInVolunteer(signupId: $id, at: "2026-11-01T02:00:00Z") { id } }`,
      {
        id: late.signUpVolunteer.id,
      },
    );
    const negative = await send(zhuhai, CHECK_OUT, {
      id: late.signUpVolunteer.id,
      at: '2026-11-01T01:30:00Z',
    });
    expect(problem(negative)).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });

    const after = await run<{
      partyMembers: { totalCount: number };
      partyMember: { transfers: unknown[]; branch: { id: string } };
      volunteerActivities: {
        edges: { node: { signups: { name: string; serviceHours: number | null }[] } }[];
      };
    }>(
      zhuhai,
      `query($id: ID!) { partyMembers { totalCount } partyMember(id: $id) { transfers { id } branch { id } }
         volunteerActivities { edges { node { signups { name serviceHours } } } } }`,
      { id: residentMemberId },
    );
    expect(after.partyMembers.totalCount).toBe(2);
    expect(after.partyMember).toEqual({ transfers: [], branch: { id: branchId } });
    expect(after.volunteerActivities.edges[0].node.signups).toEqual([
      { name: '王建国', serviceHours: 2.5 },
      { name: '张志愿', serviceHours: null },
    ]);
  });

  it('transfers a member between branches and keeps the history', async () => {
    await run(zhuhai, TRANSFER, {
      input: { memberId: residentMemberId, toBranchId: secondBranchId, reason: '搬迁' },
    });
    const moved = await run<{ partyMember: unknown }>(
      zhuhai,
      `query($id: ID!) { partyMember(id: $id) { branch { name } transfers { fromBranchId toBranchId reason } } }`,
      { id: residentMemberId },
    );
    expect(moved.partyMember).toEqual({
      branch: { name: '珠海路楼宇党支部' },
      transfers: [{ fromBranchId: branchId, toBranchId: secondBranchId, reason: '搬迁' }],
    });
  });
});
