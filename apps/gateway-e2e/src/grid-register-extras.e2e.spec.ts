import { Workbook } from 'exceljs';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { nationalIdCheckChar, RESIDENT_IMPORT_COLUMNS, squareBoundary } from '@gridgov/grid-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createCommunityGrids } from './testing/community-grids';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const GRID = '520303001001001';
const idNumber = (first17: string) => first17 + nationalIdCheckChar(first17);
async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const book = new Workbook();
  const sheet = book.addWorksheet('户籍');
  for (const row of [[...RESIDENT_IMPORT_COLUMNS], ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

// What grid-service adds to the register through the gateway: XLSX imports as jobs with progress.
describe('grid register extras through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, who = 'staff') => {
    const result = await graph.query<T>(query, variables, tokens[who]);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const problem = async (query: string, variables: Record<string, unknown>, who = 'staff') => {
    const result = await graph.query(query, variables, tokens[who]);
    return result.errors?.[0]?.extensions;
  };

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
    ]);
    const people: TestPerson[] = [
      ['admin', Role.PLATFORM_ADMIN, ''],
      ['staff', Role.COMMUNITY_STAFF, '520303001001'],
      ['otherStaff', Role.COMMUNITY_STAFF, '520303001002'],
    ];
    Object.assign(tokens, (await signInPeople(graph, people)).tokens);
    await createCommunityGrids(graph, tokens['admin'], [{ code: GRID, name: '珠海路一网格', west: 106.925 }]);
    await ok(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      {
        input: {
          gridCode: GRID,
          code: 'ZHL-9',
          name: '珠海路9号楼',
          address: '珠海路9号',
          kind: 'RESIDENTIAL',
          floors: 6,
          units: 2,
        },
      },
      'admin',
    );
  });
  afterAll(() => graph?.stop());

  it('imports an XLSX workbook as a job whose progress and report are polled', async () => {
    const person = (house: string, relation: string, name: string, id: string) => [
      GRID,
      'ZHL-9',
      1,
      1,
      house,
      '',
      '',
      relation,
      name,
      id,
      '',
      'REGISTERED',
      '',
      '',
      '',
    ];
    const file = await xlsxOf([
      person('101', 'HEAD', '周一', idNumber('52030319600101301')),
      person('101', 'CHILD', '周二', idNumber('52030319900101302')),
      person('102', 'HEAD', '吴三', idNumber('52030319650101303')),
    ]);
    const JOB = `id status totalRows processedRows failure report { errors { row column reason } residentsCreated householdsCreated }`;
    const started = await ok<{ startResidentImport: { id: string; status: string } }>(
      `mutation($file: String!) { startResidentImport(format: XLSX, file: $file, dryRun: false) { ${JOB} } }`,
      { file },
    );
    let job: { status: string; totalRows: number; processedRows: number; report: unknown } | undefined;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (
        await ok<{ residentImportJob: NonNullable<typeof job> }>(
          `query($id: ID!) { residentImportJob(id: $id) { ${JOB} } }`,
          {
            id: started.startResidentImport.id,
          },
        )
      ).residentImportJob;
    } while (!['DONE', 'FAILED'].includes(job.status));
    expect(job).toMatchObject({
      status: 'DONE',
      totalRows: 3,
      processedRows: 3,
      report: { errors: [], residentsCreated: 3, householdsCreated: 2 },
    });
    expect(
      await problem(
        `query($id: ID!) { residentImportJob(id: $id) { id } }`,
        { id: started.startResidentImport.id },
        'otherStaff',
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('appoints a 1+1+X team and posts the grid board publicly, without resident data', async () => {
    const appoint = `mutation($input: AppointGridTeamMemberInput!) { appointGridTeamMember(input: $input) { id } }`;
    for (const [role, name, extra] of [
      ['RESPONSIBLE', '张敏', { publicPhone: '085128801001', photoUrl: 'https://x.example/zm.jpg' }],
      ['MESSENGER', '周红', {}],
      ['HELPER', '孙建华', { helperKind: 'BUILDING_HEAD' }],
    ] as const)
      await ok(appoint, { input: { gridCode: GRID, role, name, startsOn: '2025-01-01', ...extra } }, 'admin');
    expect(
      await problem(
        appoint,
        { input: { gridCode: GRID, role: 'RESPONSIBLE', name: '李强', startsOn: '2025-03-01' } },
        'admin',
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsOn' });

    const team = await ok<{
      grid: { team: { model: string; gaps: string[]; helpers: { helperKind: string }[] } };
    }>(`query($code: String!) { grid(code: $code) { team { model gaps helpers { helperKind } } } }`, {
      code: GRID,
    });
    expect(team.grid.team).toEqual({ model: '1+1+1', gaps: [], helpers: [{ helperKind: 'BUILDING_HEAD' }] });

    await ok(
      `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
      {
        input: {
          unitCode: '520303001001',
          name: '高龄津贴申领',
          categoryCode: 'ELDERLY',
          eligibility: '80岁以上户籍老人',
          fee: '免费',
          channel: 'WINDOW',
          proxyAllowed: true,
          doorstep: true,
        },
      },
      'admin',
    );
    // The board and the service items of the grid's unit (org-service) in one anonymous request.
    const board = await graph.query<{ gridBoard: unknown }>(
      `query($code: String!) {
        gridBoard(code: $code) {
          code name boundary responsible { name phone photoUrl } messenger { name }
          grid { code serviceItems { name doorstep } }
        }
      }`,
      { code: GRID },
    );
    expect(board.errors).toBeUndefined();
    expect(board.data).toMatchObject({
      gridBoard: {
        code: GRID,
        name: '珠海路一网格',
        boundary: { type: 'Polygon' },
        responsible: { name: '张敏', phone: '085128801001', photoUrl: 'https://x.example/zm.jpg' },
        messenger: { name: '周红' },
        grid: { code: GRID, serviceItems: [{ name: '高龄津贴申领', doorstep: true }] },
      },
    });
    const beyondBoard = await graph.query(
      `query($code: String!) { gridBoard(code: $code) { grid { team { model } } } }`,
      {
        code: GRID,
      },
    );
    expect(beyondBoard.errors?.[0]?.extensions?.['code']).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('warns about grid size and reports overlapping sibling grids', async () => {
    await ok(
      `mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`,
      {
        input: {
          code: '520303001001002',
          name: '珠海路二网格',
          level: 4,
          kind: 'RURAL_GROUP',
          adminUnitCode: '520303001001',
          boundary: squareBoundary(106.927, 27.7, 0.004),
        },
      },
      'admin',
    );
    const grid = await ok<{ grid: unknown }>(
      `query($code: String!) { grid(code: $code) {
        sizeGuidance { setting minHouseholds maxHouseholds households warning }
        overlappingSiblings { code }
      } }`,
      { code: GRID },
    );
    expect(grid.grid).toEqual({
      sizeGuidance: {
        setting: 'URBAN',
        minHouseholds: 300,
        maxHouseholds: 500,
        households: 2,
        warning:
          '2 households, below the 300–500 households for an urban grid: consider merging it with a neighbour',
      },
      overlappingSiblings: [{ code: '520303001001002' }],
    });
    const coverage = await ok<{ coverage: { sizeWarnings: { gridCode: string; setting: string }[] } }>(
      `{ coverage(codePrefix: "520303001001") { sizeWarnings { gridCode setting } } }`,
    );
    expect(coverage.coverage.sizeWarnings).toEqual([
      { gridCode: GRID, setting: 'URBAN' },
      { gridCode: '520303001001002', setting: 'RURAL' },
    ]);
  });

  it('keeps a service-need file and the history of a resident moving to another grid', async () => {
    type Person = { id: string; name: string; household: { id: string } | null };
    const { residents } = await ok<{ residents: Person[] }>(
      `query($code: String!) { residents(gridCode: $code) { id name household { id } } }`,
      { code: GRID },
    );
    const byName = Object.fromEntries(residents.map((r) => [r.name, r]));
    const need = await ok<{ recordServiceNeed: { id: string } }>(
      `mutation($input: RecordServiceNeedInput!) { recordServiceNeed(input: $input) { id } }`,
      {
        input: {
          householdId: byName['周一'].household?.id,
          category: 'HOME_CARE',
          description: '独居老人需上门照料',
        },
      },
    );
    await ok(`mutation($id: ID!) { changeServiceNeedStatus(id: $id, status: IN_PROGRESS) { status } }`, {
      id: need.recordServiceNeed.id,
    });
    expect(
      await problem(`mutation($id: ID!) { changeServiceNeedStatus(id: $id, status: OPEN) { status } }`, {
        id: need.recordServiceNeed.id,
      }),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });

    await ok(`mutation($input: MoveResidentInput!) { moveResident(input: $input) { id } }`, {
      input: {
        residentId: byName['周二'].id,
        toGridCode: '520303001001002',
        movedOn: '2026-05-01',
        reason: '分户',
      },
    });
    const read = await ok<{ household: unknown; resident: unknown }>(
      `query($household: ID!, $resident: ID!) {
        household(id: $household) { serviceNeeds { category status } members { name } }
        resident(id: $resident) { moves { fromGridCode toGridCode movedOn reason fromHouse { number } } }
      }`,
      { household: byName['周一'].household?.id, resident: byName['周二'].id },
    );
    expect(read).toEqual({
      household: {
        serviceNeeds: [{ category: 'HOME_CARE', status: 'IN_PROGRESS' }],
        members: [{ name: '周一' }],
      },
      resident: {
        moves: [
          {
            fromGridCode: GRID,
            toGridCode: '520303001001002',
            movedOn: '2026-05-01',
            reason: '分户',
            fromHouse: { number: '101' },
          },
        ],
      },
    });
  });
});
