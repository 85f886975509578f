import { createOrgSubgraph } from '@gridgov/org-graphql';
import { nationalIdCheckChar } from '@gridgov/grid-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';
import { createCommunityGrids } from './testing/community-grids';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const withCheck = (first17: string) => first17 + nationalIdCheckChar(first17);
const ELDER_ID = withCheck('52030319500101123');
const WIFE_ID = withCheck('52030319520202124');
const TENANT_ID = withCheck('52030319850612234');

interface MapResident {
  name: string;
  relationToHead: string;
  idNumber: string;
  phone: string | null;
  tags: { code: string; sensitive: boolean }[];
}
interface BuildingMap {
  building: {
    grid: unknown;
    houses: { unit: number; number: string; households: { head: unknown; members: MapResident[] }[] }[];
  };
}
const elderOf = (map: BuildingMap): MapResident => {
  const elder = map.building.houses[0].households[0].members.find((m) => m.name === '王大爷');
  if (!elder) throw new Error('王大爷 is missing from the building map');
  return elder;
};

const RESIDENT_FIELDS = `name idNumber(reason: "上门核实") phone tags { code sensitive }`;
const BUILDING_MAP = `query($id: ID!) {
  building(id: $id) {
    code
    grid { code adminUnit { code name } }
    houses { unit floor number use households { kind head { name } members { relationToHead ${RESIDENT_FIELDS} } } }
  }
}`;

// The household register through the gateway: grid, building, houses, households, residents and tags,
// read back with org's admin unit; masking, audit, scope and input checks.
describe('grid households through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  let buildingId: string;
  let houseIds: string[];
  let residentIds: Record<string, string>;
  let otherGridHouseId: string;
  let familyId: string;

  const gql = async <T>(query: string, variables: Record<string, unknown>, who: string) => {
    const result = await graph.query<T>(query, variables, tokens[who]);
    return result as GraphQLResult<T>;
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>, who = 'staff') => {
    const result = await gql<T>(query, variables, who);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const count = async (table: string) =>
    Number((await graph.subgraphs['grid'].dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
    ]);
    const people: TestPerson[] = [
      ['admin', Role.PLATFORM_ADMIN, ''],
      ['staff', Role.COMMUNITY_STAFF, '520303001001'],
      ['helper', Role.GRID_HELPER, '520303001001001'],
      ['unitAdmin', Role.UNIT_ADMIN, '520303001'],
      ['otherWorker', Role.GRID_WORKER, '520303001002'],
    ];
    Object.assign(tokens, (await signInPeople(graph, people)).tokens);
    await createCommunityGrids(graph, tokens['admin'], [
      { code: '520303001001001', name: '珠海路1网格', west: 106.925 },
      { code: '520303001001002', name: '珠海路2网格', west: 106.929 },
    ]);
  });
  afterAll(() => graph?.stop());

  it('registers a building, houses, residents with tags and households, found by gridAt', async () => {
    const at = await ok<{ gridAt: { code: string } }>(`{ gridAt(lon: 106.927, lat: 27.702) { code } }`, {});
    expect(at.gridAt.code).toBe('520303001001001');

    const building = await ok<{ createBuilding: { id: string } }>(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      {
        input: {
          gridCode: '520303001001001',
          code: 'ZHL-001',
          name: '珠海路1号楼',
          address: '珠海路1号',
          kind: 'RESIDENTIAL',
          longitude: 106.927,
          latitude: 27.702,
          floors: 6,
          units: 2,
        },
      },
    );
    buildingId = building.createBuilding.id;
    const createHouse = `mutation($input: CreateHouseInput!) { createHouse(input: $input) { id } }`;
    houseIds = [];
    for (const [unit, floor, number, use] of [
      [1, 1, '101', 'OWNER_OCCUPIED'],
      [1, 2, '201', 'RENTED'],
      [2, 1, '101', 'VACANT'],
    ] as const) {
      const house = await ok<{ createHouse: { id: string } }>(createHouse, {
        input: { buildingId, gridCode: '520303001001001', unit, floor, number, use },
      });
      houseIds.push(house.createHouse.id);
    }

    const createResident = `mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }`;
    residentIds = {};
    for (const [key, name, idNumber, phone, population, tagCodes] of [
      ['elder', '王大爷', ELDER_ID, '13812345678', 'REGISTERED', ['ELDERLY_ALONE', 'RELEASED_PRISONER']],
      ['wife', '李阿姨', WIFE_ID, null, 'REGISTERED', ['DISABLED']],
      ['tenant', '赵女士', TENANT_ID, '13900001111', 'FLOATING', []],
    ] as const) {
      const created = await ok<{ createResident: { id: string } }>(createResident, {
        input: {
          gridCode: '520303001001001',
          name,
          idNumber,
          phone,
          population,
          tagCodes,
          details: { medical: '高血压' },
        },
      });
      residentIds[key] = created.createResident.id;
    }
    const createHousehold = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;
    const family = await ok<{ createHousehold: { id: string } }>(createHousehold, {
      input: {
        houseId: houseIds[0],
        kind: 'REGISTERED',
        headResidentId: residentIds['elder'],
        members: [{ residentId: residentIds['wife'], relation: 'SPOUSE' }],
      },
    });
    familyId = family.createHousehold.id;
    await ok(createHousehold, {
      input: { houseId: houseIds[1], kind: 'TENANT', headResidentId: residentIds['tenant'] },
    });
  });

  it('reads the building map with clear data and tags for staff, in one query with the admin unit, and audits it', async () => {
    const before = await count('personal_data_access');
    const data = await ok<BuildingMap>(BUILDING_MAP, { id: buildingId });
    expect(data.building.grid).toEqual({
      code: '520303001001001',
      adminUnit: { code: '520303001001', name: '珠海路社区' },
    });
    expect(data.building.houses.map((h) => `${h.unit}-${h.number}`)).toEqual(['1-101', '1-201', '2-101']);
    const family = data.building.houses[0].households[0];
    expect(family.head).toEqual({ name: '王大爷' });
    const elder = elderOf(data);
    expect(elder).toMatchObject({ relationToHead: 'HEAD', idNumber: ELDER_ID, phone: '13812345678' });
    expect(elder.tags.map((t) => t.code).sort()).toEqual(['ELDERLY', 'ELDERLY_ALONE', 'RELEASED_PRISONER']);
    expect(data.building.houses[2].households).toEqual([]);

    const log = await ok<{
      personalDataAccesses: { residentId: string; fields: string[]; reason: string | null }[];
    }>(
      `{ personalDataAccesses(gridCodePrefix: "520303001001001") { residentId fields reason } }`,
      {},
      'unitAdmin',
    );
    expect(await count('personal_data_access')).toBeGreaterThan(before);
    expect(log.personalDataAccesses).toHaveLength(await count('personal_data_access'));
    const elderRows = log.personalDataAccesses.filter((a) => a.residentId === residentIds['elder']);
    expect(elderRows.flatMap((a) => a.fields).sort()).toEqual(['idNumber', 'phone', 'sensitiveTags']);
    expect(elderRows.find((a) => a.fields.includes('idNumber'))?.reason).toBe('上门核实');
  });

  it('shows a grid helper masked data without sensitive tags and writes no audit row', async () => {
    const before = await count('personal_data_access');
    const data = await ok<BuildingMap>(BUILDING_MAP, { id: buildingId }, 'helper');
    const elder = elderOf(data);
    expect(elder.idNumber).toBe(`${ELDER_ID.slice(0, 4)}**********${ELDER_ID.slice(-4)}`);
    expect(elder.phone).toBe('138****5678');
    expect(elder.tags.map((t) => t.code).sort()).toEqual(['ELDERLY', 'ELDERLY_ALONE']);
    expect(await count('personal_data_access')).toBe(before);
    const lookup = await gql(`{ residentByIdNumber(idNumber: "${ELDER_ID}") { name } }`, {}, 'helper');
    expect(lookup.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('stores ID numbers only encrypted and finds them by keyed hash for staff', async () => {
    const stored: { cipher: Buffer; masked: string }[] = await graph.subgraphs['grid'].dataSource.query(
      `SELECT id_number_cipher AS cipher, id_number_masked AS masked FROM resident`,
    );
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      for (const id of [ELDER_ID, WIFE_ID, TENANT_ID])
        expect(row.cipher.includes(Buffer.from(id))).toBe(false);
      expect(row.masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    }

    const data = await ok<{ residentByIdNumber: { id: string } }>(
      `query($n: String!) { residentByIdNumber(idNumber: $n) { id } }`,
      { n: TENANT_ID },
    );
    expect(data.residentByIdNumber.id).toBe(residentIds['tenant']);
  });

  it('logs a visit, computes due visits from tag intervals, and reads coverage with the admin unit in one query', async () => {
    const due = `query($within: Int!) { dueVisits(gridCode: "520303001001001", withinDays: $within) { intervalDays lastVisitedAt resident { name } } }`;
    type Due = {
      dueVisits: { intervalDays: number; lastVisitedAt: string | null; resident: { name: string } }[];
    };
    const before = await ok<Due>(due, { within: 0 });
    expect(before.dueVisits.map((d) => [d.resident.name, d.intervalDays, d.lastVisitedAt]).sort()).toEqual([
      ['李阿姨', 30, null],
      ['王大爷', 7, null],
    ]);

    const visit = await ok<{ logVisit: { track: unknown[]; photoUrls: string[] } }>(
      `mutation($input: LogVisitInput!) { logVisit(input: $input) { photoUrls track { longitude latitude at } } }`,
      {
        input: {
          householdId: familyId,
          longitude: 106.927,
          latitude: 27.702,
          notes: '独居老人走访',
          findings: '身体良好，需要助餐服务',
          photoUrls: ['https://img.example.cn/visit/1.jpg'],
          track: [
            { longitude: 106.926, latitude: 27.701, at: '2026-01-05T09:00:00Z' },
            { longitude: 106.927, latitude: 27.702, at: '2026-01-05T09:10:00Z' },
          ],
        },
      },
    );
    expect(visit.logVisit).toMatchObject({ photoUrls: ['https://img.example.cn/visit/1.jpg'] });
    expect(visit.logVisit.track).toHaveLength(2);
    // The household visit counts for its members: nobody is due now; the 7-day tag is due within a week.
    expect((await ok<Due>(due, { within: 0 })).dueVisits).toEqual([]);
    const nextWeek = await ok<Due>(due, { within: 7 });
    expect(nextWeek.dueVisits.map((d) => d.resident.name)).toEqual(['王大爷']);

    const all = await ok<{ grid: Record<string, unknown> }>(
      `{ grid(code: "520303001001001") {
          adminUnit { name coverage { codePrefix buildings households residents } }
          coverage { buildings buildingsWithoutHouses houses housesWithoutHouseholds households householdsWithoutResidents residents residentsMissingFields completeness }
          buildings { code houses { number households { visits { findings } members { name } } } }
        } }`,
      {},
    );
    expect(all.grid['adminUnit']).toEqual({
      name: '珠海路社区',
      coverage: { codePrefix: '520303001001', buildings: 1, households: 2, residents: 3 },
    });
    // 1 building, 3 houses (one vacant), 2 households, 3 residents none of whom has employment or education:
    // 9 records, 3 with a gap.
    expect(all.grid['coverage']).toEqual({
      buildings: 1,
      buildingsWithoutHouses: 0,
      houses: 3,
      housesWithoutHouseholds: 0,
      households: 2,
      householdsWithoutResidents: 0,
      residents: 3,
      residentsMissingFields: 3,
      completeness: 66.7,
    });
    const buildings = all.grid['buildings'] as {
      houses: { households: { visits: { findings: string }[] }[] }[];
    }[];
    expect(buildings[0].houses[0].households[0].visits).toEqual([{ findings: '身体良好，需要助餐服务' }]);
  });

  it('answers FORBIDDEN to another community’s grid worker', async () => {
    const building = await gql(BUILDING_MAP, { id: buildingId }, 'otherWorker');
    expect(building.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const resident = await gql(`{ resident(id: "${residentIds['elder']}") { name } }`, {}, 'otherWorker');
    expect(resident.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const create = await gql(
      `mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      {
        input: {
          gridCode: '520303001001001',
          name: '某人',
          idNumber: withCheck('52030319900101001'),
          population: 'FLOATING',
        },
      },
      'otherWorker',
    );
    expect(create.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses bad input with a typed error naming the field and writes nothing', async () => {
    const otherBuilding = await ok<{ createBuilding: { id: string } }>(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      {
        input: {
          gridCode: '520303001001002',
          code: 'ZHL-101',
          name: '二网格1号楼',
          address: '珠海路9号',
          kind: 'MIXED',
          floors: 3,
          units: 1,
        },
      },
    );
    otherGridHouseId = (
      await ok<{ createHouse: { id: string } }>(
        `mutation($input: CreateHouseInput!) { createHouse(input: $input) { id } }`,
        {
          input: {
            buildingId: otherBuilding.createBuilding.id,
            gridCode: '520303001001002',
            unit: 1,
            floor: 1,
            number: '101',
            use: 'RENTED',
          },
        },
      )
    ).createHouse.id;
    const counts = async () => Promise.all(['house', 'household', 'resident', 'visit'].map(count));
    const before = await counts();
    const badId = ELDER_ID.slice(0, 17) + (ELDER_ID[17] === '0' ? '1' : '0');
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
        { input: { gridCode: '520303001001001', name: '错号', idNumber: badId, population: 'REGISTERED' } },
        'input.idNumber',
      ],
      [
        `mutation($input: CreateHouseInput!) { createHouse(input: $input) { id } }`,
        {
          input: { buildingId, gridCode: '520303001001002', unit: 1, floor: 3, number: '301', use: 'VACANT' },
        },
        'input.buildingId',
      ],
      [
        `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`,
        { input: { houseId: houseIds[2], kind: 'REGISTERED', headResidentId: residentIds['elder'] } },
        'input.headResidentId',
      ],
      [
        `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`,
        { input: { houseId: otherGridHouseId, kind: 'TENANT', headResidentId: residentIds['tenant'] } },
        'input.headResidentId',
      ],
    ];
    cases.push([
      `mutation($input: LogVisitInput!) { logVisit(input: $input) { id } }`,
      { input: { residentId: residentIds['elder'], photoUrls: ['ftp://photos/1.jpg'] } },
      'input.photoUrls.0',
    ]);
    for (const [query, variables, field] of cases) {
      const result = await gql(query, variables, 'staff');
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0].message).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('imports a household from CSV through the gateway: dry run, row errors, then idempotent writes', async () => {
    const header =
      'gridCode,buildingCode,unit,floor,houseNumber,houseUse,householdKind,relation,name,idNumber,phone,population,employment,education,tags';
    const head = `520303001001001,ZHL-001,2,3,301,RENTED,TENANT,HEAD,孙先生,${withCheck('52030319880808111')},13600000000,FLOATING,个体,大专,`;
    const child = `520303001001001,ZHL-001,2,3,301,RENTED,TENANT,CHILD,孙小妹,${withCheck('52030320150101222')},,FLOATING,,小学,`;
    const mutation = `mutation($csv: String!, $dry: Boolean!) { importResidents(csv: $csv, dryRun: $dry) {
      rows errors { row column reason } housesCreated residentsCreated householdsCreated } }`;
    type Report = {
      importResidents: {
        rows: number;
        errors: { row: number; column: string }[];
        residentsCreated: number;
        householdsCreated: number;
      };
    };
    const residentsBefore = await count('resident');
    const bad = await ok<Report>(mutation, {
      csv: [header, head, child.replace('CHILD', 'COUSIN')].join('\n'),
      dry: false,
    });
    expect(bad.importResidents.errors.map((e) => [e.row, e.column])).toEqual([[3, 'relation']]);
    const dry = await ok<Report>(mutation, { csv: [header, head, child].join('\n'), dry: true });
    expect(dry.importResidents).toMatchObject({ rows: 2, errors: [], residentsCreated: 0 });
    expect(await count('resident')).toBe(residentsBefore);
    const real = await ok<Report>(mutation, { csv: [header, head, child].join('\n'), dry: false });
    expect(real.importResidents).toMatchObject({ errors: [], residentsCreated: 2, householdsCreated: 1 });
    const again = await ok<Report>(mutation, { csv: [header, head, child].join('\n'), dry: false });
    expect(again.importResidents).toMatchObject({ residentsCreated: 0, householdsCreated: 0 });
    expect(await count('resident')).toBe(residentsBefore + 2);
  });
});
