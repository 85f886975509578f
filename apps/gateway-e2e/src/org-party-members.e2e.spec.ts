import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { nationalIdCheckChar } from '@gridgov/grid-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';

const GRID = '520303001001001';
const ZHUHAI = '520303001001';
const DISTRICT = '520303000000';

// Members beyond the basics: grid assistants, 亮身份 boards, 双报到 at the home community, 流动党员.
describe('party members through the gateway: assistants, identity boards, in-service and mobile members', () => {
  let graph: TestGraph;
  const tokens: Record<'admin' | 'zhuhai' | 'renmin' | 'district' | 'worker', string> = {
    admin: '',
    worker: '',
    zhuhai: '',
    renmin: '',
    district: '',
  };
  const send = <T>(who: keyof typeof tokens | null, query: string, variables: Record<string, unknown> = {}) =>
    graph.query<T>(query, variables, who ? tokens[who] : undefined);
  const run = async <T>(
    who: keyof typeof tokens | null,
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    const result = await send<T>(who, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const failure = (result: GraphQLResult<unknown>) => ({
    code: result.errors?.[0].extensions?.['code'],
    field: result.errors?.[0].extensions?.['field'],
  });
  const signIn = async (username: string, password: string) =>
    (
      await graph.query<{ login: { token: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: password },
      )
    ).data?.login.token as string;

  const ORG = `mutation($input: CreatePartyOrganizationInput!) { createPartyOrganization(input: $input) { id } }`;
  const MEMBER = `mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id } }`;
  const ASSISTANT = `mutation($b: ID!, $g: String!, $m: ID) { setGridPartyAssistant(branchId: $b, gridCode: $g, memberId: $m) { gridCode } }`;
  const DISPLAY = `mutation($m: ID!, $d: IdentityDisplay!) { setPartyIdentityDisplay(memberId: $m, display: $d) { identityDisplay } }`;
  const MOBILITY = `mutation($m: ID!, $mobility: PartyMobilityInput) { setPartyMemberMobility(memberId: $m, mobility: $mobility) {
    mobile mobileLocation mobileSince mobileContactBranch { name } } }`;
  const BOARD = `query($g: String, $u: String) { partyIdentityBoard(gridCode: $g, unitCode: $u) { totalCount
    edges { node { name masked branchName inService posts { kind name duties } pledges { content } } } } }`;
  const createOrg = async (who: keyof typeof tokens, input: Record<string, unknown>) =>
    (await run<{ createPartyOrganization: { id: string } }>(who, ORG, { input })).createPartyOrganization.id;
  const createMember = async (who: keyof typeof tokens, input: Record<string, unknown>) =>
    (await run<{ createPartyMember: { id: string } }>(who, MEMBER, { input })).createPartyMember.id;

  let gridBranch: string;
  let buildingBranch: string;
  let secretary: string;
  let masked: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
    ]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
    tokens.admin = await signIn('admin', 'correct horse');
    const units = [
      ['520300000000', '遵义市', null],
      [DISTRICT, '汇川区', '520300000000'],
      ['520303001000', '上海路街道', DISTRICT],
      [ZHUHAI, '珠海路社区', '520303001000'],
      ['520303001002', '人民路社区', '520303001000'],
    ];
    for (const [code, name, parentCode] of units)
      await run(
        'admin',
        `mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { id } }`,
        {
          input: { code, name, parentCode },
        },
      );
    const square = [106.925, 106.929].flatMap((lon, i) => [
      [lon, 27.7 + 0.004 * i],
      [lon, 27.7 + 0.004 * (1 - i)],
    ]);
    await run('admin', `mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`, {
      input: {
        code: GRID,
        name: '珠海路一网格',
        level: 4,
        kind: 'BLOCK',
        adminUnitCode: ZHUHAI,
        boundary: { type: 'Polygon', coordinates: [[...square, square[0]]] },
      },
    });
    // Party admins of two communities and the district, and the grid's worker (grid:read, no party:read).
    for (const [who, unitCode, role, gridCode] of [
      ['zhuhai', ZHUHAI, 'PARTY_ADMIN', null],
      ['renmin', '520303001002', 'PARTY_ADMIN', null],
      ['district', DISTRICT, 'PARTY_ADMIN', null],
      ['worker', ZHUHAI, 'GRID_WORKER', GRID],
    ] as const) {
      const id = (
        await run<{ createAccount: { id: string } }>(
          'admin',
          `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`,
          { input: { username: `${who}.party`, displayName: who, password: 'party-pass-2026', unitCode } },
        )
      ).createAccount.id;
      await run('admin', `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }`, {
        input: gridCode ? { accountId: id, role, gridCode } : { accountId: id, role, unitCode },
      });
      tokens[who] = await signIn(`${who}.party`, 'party-pass-2026');
    }

    const committee = await createOrg('zhuhai', {
      name: '珠海路社区党委',
      level: 'COMMITTEE',
      kind: 'COMMUNITY',
      unitCode: ZHUHAI,
    });
    gridBranch = await createOrg('zhuhai', {
      name: '珠海路一网格党支部',
      level: 'BRANCH',
      kind: 'GRID',
      unitCode: ZHUHAI,
      parentId: committee,
    });
    buildingBranch = await createOrg('zhuhai', {
      name: '珠海路楼宇党支部',
      level: 'BRANCH',
      kind: 'BUILDING',
      unitCode: ZHUHAI,
      parentId: committee,
    });
    await run(
      'zhuhai',
      `mutation($b: ID!, $g: String!) { bindPartyBranchToGrid(branchId: $b, gridCode: $g) { id } }`,
      {
        b: gridBranch,
        g: GRID,
      },
    );
    secretary = await createMember('zhuhai', {
      branchId: gridBranch,
      name: '王建国',
      status: 'FULL',
      joinedOn: '1998-07-01',
    });
    masked = await createMember('zhuhai', {
      branchId: gridBranch,
      name: '李卫东',
      status: 'FULL',
      joinedOn: '2005-07-01',
    });
    await createMember('zhuhai', {
      branchId: gridBranch,
      name: '陈不亮',
      status: 'FULL',
      joinedOn: '2012-07-01',
    });
    await run(
      'zhuhai',
      `mutation($o: ID!, $m: ID!) { setPartySecretary(organizationId: $o, memberId: $m) { id } }`,
      {
        o: gridBranch,
        m: secretary,
      },
    );
  });
  afterAll(() => graph?.stop());

  it('makes the branch secretary the grid’s assistant and reads it from the grid and from the branch', async () => {
    await run('zhuhai', ASSISTANT, { b: gridBranch, g: GRID, m: secretary });
    const data = await run<{ grid: unknown; partyOrganization: unknown }>(
      'zhuhai',
      `query($g: String!, $b: ID!) {
        grid(code: $g) { name partyAssistants { name } partyBranches { name secretary { name } } }
        partyOrganization(id: $b) { gridBindings { gridCode grid { name adminUnitCode } assistant { name } } } }`,
      { g: GRID, b: gridBranch },
    );
    expect(data).toEqual({
      grid: {
        name: '珠海路一网格',
        partyAssistants: [{ name: '王建国' }],
        partyBranches: [{ name: '珠海路一网格党支部', secretary: { name: '王建国' } }],
      },
      partyOrganization: {
        gridBindings: [
          {
            gridCode: GRID,
            grid: { name: '珠海路一网格', adminUnitCode: ZHUHAI },
            assistant: { name: '王建国' },
          },
        ],
      },
    });

    const notMember = await send('zhuhai', ASSISTANT, { b: buildingBranch, g: GRID, m: secretary });
    expect(failure(notMember)).toEqual({ code: 'BAD_USER_INPUT', field: 'gridCode' });
    const stranger = await createMember('zhuhai', {
      branchId: buildingBranch,
      name: '赵楼宇',
      status: 'FULL',
      joinedOn: '2001-07-01',
    });
    const otherBranch = await send('zhuhai', ASSISTANT, { b: gridBranch, g: GRID, m: stranger });
    expect(failure(otherBranch)).toEqual({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(failure(await send('renmin', ASSISTANT, { b: gridBranch, g: GRID, m: null })).code).toBe(
      'FORBIDDEN',
    );
    // The grid's worker reads the grid but not its party members.
    const outside = await run<{ grid: { partyAssistants: unknown[] } }>(
      'worker',
      `query($g: String!) { grid(code: $g) { partyAssistants { name } } }`,
      { g: GRID },
    );
    expect(outside.grid.partyAssistants).toEqual([]);
    const still = await run<{ grid: { partyAssistants: { name: string }[] } }>(
      'zhuhai',
      `query($g: String!) { grid(code: $g) { partyAssistants { name } } }`,
      { g: GRID },
    );
    expect(still.grid.partyAssistants).toEqual([{ name: '王建国' }]);
  });

  it('shows members who show their identity on the public board, masked as they chose', async () => {
    await run('zhuhai', DISPLAY, { m: secretary, d: 'FULL' });
    await run('zhuhai', DISPLAY, { m: masked, d: 'MASKED' });
    expect(failure(await send('renmin', DISPLAY, { m: masked, d: 'FULL' })).code).toBe('FORBIDDEN');
    await run('zhuhai', `mutation($input: CreatePartyPostInput!) { createPartyPost(input: $input) { id } }`, {
      input: {
        branchId: gridBranch,
        kind: 'HYGIENE',
        name: '环境卫生岗',
        duties: '每周巡查楼道卫生',
        memberId: masked,
      },
    });
    await run(
      'zhuhai',
      `mutation($input: CreatePartyPledgeInput!) { createPartyPledge(input: $input) { id } }`,
      {
        input: { memberId: masked, content: '每月为独居老人上门服务一次', pledgedOn: '2026-01-05' },
      },
    );

    const board = await run<{ partyIdentityBoard: { totalCount: number; edges: { node: unknown }[] } }>(
      null,
      BOARD,
      {
        g: GRID,
      },
    );
    expect(board.partyIdentityBoard.totalCount).toBe(2);
    expect(board.partyIdentityBoard.edges.map((e) => e.node)).toEqual([
      {
        name: '王建国',
        masked: false,
        branchName: '珠海路一网格党支部',
        inService: false,
        posts: [],
        pledges: [],
      },
      {
        name: '李**',
        masked: true,
        branchName: '珠海路一网格党支部',
        inService: false,
        posts: [{ kind: 'HYGIENE', name: '环境卫生岗', duties: '每周巡查楼道卫生' }],
        pledges: [{ content: '每月为独居老人上门服务一次' }],
      },
    ]);
    const names = async (who: 'zhuhai' | 'renmin') =>
      (
        await run<{ partyIdentityBoard: { edges: { node: { name: string } }[] } }>(who, BOARD, { u: ZHUHAI })
      ).partyIdentityBoard.edges.map((e) => e.node.name);
    expect(await names('zhuhai')).toEqual(['王建国', '李卫东']);
    expect(await names('renmin')).toEqual(['王建国', '李**']);

    expect(failure(await send(null, BOARD, {}))).toEqual({ code: 'BAD_USER_INPUT', field: 'gridCode' });
    expect(failure(await send(null, BOARD, { u: '520303001000' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'unitCode',
    });
  });

  it('lists in-service members at the community they registered at, whatever their branch', async () => {
    const agency = await createOrg('district', {
      name: '汇川区教育局机关党支部',
      level: 'BRANCH',
      kind: 'AGENCY',
      unitCode: DISTRICT,
    });
    const teacher = await createMember('district', {
      branchId: agency,
      name: '赵为民',
      status: 'FULL',
      joinedOn: '2008-07-01',
      inService: true,
      workUnit: '汇川区教育局',
      registeredUnitCode: ZHUHAI,
    });
    await run('district', DISPLAY, { m: teacher, d: 'FULL' });
    const REGISTERED = `query($u: String!) { partyMembers(filter: { registeredAt: $u }) { totalCount edges { node { name workUnit branch { name } } } } }`;
    const home = await run<{ partyMembers: unknown }>('zhuhai', REGISTERED, { u: ZHUHAI });
    expect(home.partyMembers).toEqual({
      totalCount: 1,
      edges: [{ node: { name: '赵为民', workUnit: '汇川区教育局', branch: null } }],
    });
    const one = await run<{ partyMember: { name: string } }>(
      'zhuhai',
      `query($id: ID!) { partyMember(id: $id) { name } }`,
      {
        id: teacher,
      },
    );
    expect(one.partyMember.name).toBe('赵为民');
    const own = await run<{ partyMembers: { edges: { node: { name: string } }[] } }>(
      'zhuhai',
      `{ partyMembers(filter: { inService: true }) { edges { node { name } } } }`,
    );
    expect(own.partyMembers.edges).toEqual([]);

    const elsewhere = await run<{ partyMembers: { totalCount: number } }>('renmin', REGISTERED, {
      u: ZHUHAI,
    });
    expect(elsewhere.partyMembers.totalCount).toBe(0);
    expect(
      failure(await send('renmin', `query($id: ID!) { partyMember(id: $id) { name } }`, { id: teacher }))
        .code,
    ).toBe('FORBIDDEN');
    expect(failure(await send('zhuhai', REGISTERED, { u: '520303001000' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.registeredAt',
    });

    const board = await run<{
      partyIdentityBoard: { edges: { node: { name: string; inService: boolean } }[] };
    }>(null, BOARD, {
      u: ZHUHAI,
    });
    expect(board.partyIdentityBoard.edges.map((e) => e.node).filter((n) => n.inService)).toEqual([
      expect.objectContaining({ name: '赵为民', branchName: '汇川区教育局机关党支部' }),
    ]);

    // He volunteers at his home community; a district member not registered there cannot be signed up.
    const team = await run<{ createVolunteerTeam: { id: string } }>(
      'zhuhai',
      `mutation { createVolunteerTeam(input: { unitCode: "${ZHUHAI}", name: "珠海路在职党员服务队" }) { id } }`,
    );
    const activityId = (
      await run<{ createVolunteerActivity: { id: string } }>(
        'zhuhai',
        `mutation($input: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $input) { id } }`,
        {
          input: {
            teamId: team.createVolunteerTeam.id,
            title: '政策宣讲',
            place: '珠海路社区活动室',
            startsAt: '2026-11-08T01:00:00Z',
            endsAt: '2026-11-08T03:00:00Z',
            capacity: 5,
          },
        },
      )
    ).createVolunteerActivity.id;
    const SIGN_UP = `mutation($input: SignUpVolunteerInput!) { signUpVolunteer(input: $input) { name } }`;
    const signed = await run<{ signUpVolunteer: { name: string } }>('zhuhai', SIGN_UP, {
      input: { activityId, partyMemberId: teacher },
    });
    expect(signed.signUpVolunteer.name).toBe('赵为民');
    const director = await createMember('district', {
      branchId: agency,
      name: '钱局长',
      status: 'FULL',
      joinedOn: '1995-07-01',
    });
    expect(
      failure(await send('zhuhai', SIGN_UP, { input: { activityId, partyMemberId: director } })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.partyMemberId',
    });
  });

  it('links a member to a grid-service resident, read under grid-service’s own scope', async () => {
    const idNumber = '52030319700101121' + nationalIdCheckChar('52030319700101121');
    const resident = await run<{ createResident: { id: string } }>(
      'admin',
      `mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      { input: { gridCode: GRID, name: '孙居民', idNumber, population: 'REGISTERED' } },
    );
    const member = await createMember('zhuhai', {
      branchId: gridBranch,
      name: '孙居民',
      status: 'FULL',
      joinedOn: '1999-07-01',
      residentId: resident.createResident.id,
    });
    const READ = `query($id: ID!) { partyMember(id: $id) { name resident { id name gridCode } } }`;
    const asAdmin = await run<{ partyMember: unknown }>('admin', READ, { id: member });
    expect(asAdmin.partyMember).toEqual({
      name: '孙居民',
      resident: { id: resident.createResident.id, name: '孙居民', gridCode: GRID },
    });
    // A party admin has no household:read, so grid-service gives them the member without the resident record.
    const asParty = await send<{ partyMember: { resident: unknown } }>('zhuhai', READ, { id: member });
    expect(asParty.data?.partyMember.resident).toBeNull();
  });

  it('records where a mobile member is, since when and the branch there, which sees them too', async () => {
    // Working in the 人民路 area, in touch with a branch there (流入地党组织).
    const contactBranch = await createOrg('renmin', {
      name: '人民路一网格党支部',
      level: 'BRANCH',
      kind: 'GRID',
      unitCode: '520303001002',
    });
    const away = { location: '人民路商业街（务工）', since: '2025-03-01', contactBranchId: contactBranch };
    const MOBILE_COUNT = `{ partyMembers(filter: { mobile: true }) { totalCount } }`;
    const badInputs: [Record<string, unknown>, string][] = [
      [{ ...away, since: '2999-01-01' }, 'input.mobility.since'],
      [{ ...away, location: ' ' }, 'input.mobility.location'],
      [
        { ...away, contactBranchId: '00000000-0000-4000-8000-000000000000' },
        'input.mobility.contactBranchId',
      ],
      [{ ...away, contactBranchId: gridBranch }, 'input.mobility.contactBranchId'],
    ];
    for (const [mobility, field] of badInputs) {
      const result = await send('zhuhai', MEMBER, {
        input: { branchId: gridBranch, name: '张流动', status: 'FULL', joinedOn: '2015-07-01', mobility },
      });
      expect(failure(result)).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(
      (await run<{ partyMembers: { totalCount: number } }>('zhuhai', MOBILE_COUNT)).partyMembers.totalCount,
    ).toBe(0);

    const mobile = await createMember('zhuhai', {
      branchId: gridBranch,
      name: '张流动',
      status: 'FULL',
      joinedOn: '2015-07-01',
      mobility: away,
    });
    const MOBILE = `{ partyMembers(filter: { mobile: true }) { edges { node { name mobileLocation mobileSince mobileContactBranch { name } } } } }`;
    // The home branch sees the whereabouts; the contact branch is another community's, so it shows as null.
    const listed = await run<{ partyMembers: unknown }>('zhuhai', MOBILE);
    expect(listed.partyMembers).toEqual({
      edges: [
        {
          node: {
            name: '张流动',
            mobileLocation: '人民路商业街（务工）',
            mobileSince: '2025-03-01',
            mobileContactBranch: null,
          },
        },
      ],
    });
    const CONTACTS = `query($b: ID!) { partyMembers(filter: { contactBranchId: $b }) { edges { node { name mobileContactBranch { name } branch { name } } } } }`;
    const atContact = await run<{ partyMembers: unknown }>('renmin', CONTACTS, { b: contactBranch });
    expect(atContact.partyMembers).toEqual({
      edges: [
        { node: { name: '张流动', mobileContactBranch: { name: '人民路一网格党支部' }, branch: null } },
      ],
    });
    expect(
      (await run<{ partyMembers: unknown }>('zhuhai', CONTACTS, { b: contactBranch })).partyMembers,
    ).toEqual({
      edges: [],
    });
    expect(failure(await send('renmin', MOBILITY, { m: mobile, mobility: null })).code).toBe('FORBIDDEN');

    const home = await run<{ setPartyMemberMobility: unknown }>('zhuhai', MOBILITY, {
      m: mobile,
      mobility: null,
    });
    expect(home.setPartyMemberMobility).toEqual({
      mobile: false,
      mobileLocation: null,
      mobileSince: null,
      mobileContactBranch: null,
    });
    const back = await send('renmin', `query($id: ID!) { partyMember(id: $id) { name } }`, { id: mobile });
    expect(failure(back).code).toBe('FORBIDDEN');
  });

  it('ends the secretary’s and assistant’s roles when they transfer to another branch', async () => {
    await run(
      'zhuhai',
      `mutation($input: TransferPartyMemberInput!) { transferPartyMember(input: $input) { id } }`,
      {
        input: { memberId: secretary, toBranchId: buildingBranch, reason: '搬迁' },
      },
    );
    const data = await run<{ grid: unknown }>(
      'zhuhai',
      `query($g: String!) { grid(code: $g) { partyAssistants { name } partyBranches { secretary { name } gridBindings { assistant { name } } } } }`,
      { g: GRID },
    );
    expect(data.grid).toEqual({
      partyAssistants: [],
      partyBranches: [{ secretary: null, gridBindings: [{ assistant: null }] }],
    });
  });
});
