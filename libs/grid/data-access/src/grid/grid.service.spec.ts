import type { DataSource } from 'typeorm';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from '@gridgov/platform-testing';
import { gridDatabase } from '../index';
import { squareBoundary } from './grid-boundary';
import { GridKind, GridLevel } from './grid-code';
import { type CreateGridInput, GridService } from './grid.service';

const square = (west: number, south: number, size = 0.004) => squareBoundary(west, south, size);

const unitGrid = (code: string, west: number, overrides: Partial<CreateGridInput> = {}): CreateGridInput => ({
  code,
  name: `网格 ${code.slice(-3)}`,
  level: GridLevel.UNIT,
  kind: GridKind.BLOCK,
  adminUnitCode: code.slice(0, 12),
  boundary: square(west, 27.7),
  ...overrides,
});

const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;
const fieldOf = (error: unknown) => (error as { extensions?: { field?: string } }).extensions?.field;

// GridService against a real PostgreSQL schema: creation rules, scope, lists and boundary updates.
describe('GridService', () => {
  const schema = freshSchemaName('grid');
  let dataSource: DataSource;
  const as = (role: Role, scopeCode: string) =>
    new GridService(
      dataSource,
      new AuthContext({ accountId: `${role}-${scopeCode}`, grants: [{ role, scopeCode }] }),
    );

  beforeAll(async () => {
    dataSource = await initialiseDataSource(
      createDataSource({
        ...gridDatabase,
        url: testDatabaseUrl(),
        schema,
        poolSize: 2,
        applicationName: 'grid-service-spec',
      }),
    );
    const admin = as(Role.UNIT_ADMIN, '520303');
    await admin.create({
      ...unitGrid('520303001001000', 106.92, { level: GridLevel.COMMUNITY, kind: null }),
      boundary: square(106.92, 27.69, 0.03),
    });
    for (const [i, code] of ['520303001001001', '520303001001002', '520303001001003'].entries()) {
      await admin.create(
        unitGrid(code, 106.925 + i * 0.004, {
          parentCode: '520303001001000',
          kind: i === 2 ? GridKind.COMPOUND : GridKind.BLOCK,
        }),
      );
    }
    await admin.create(unitGrid('520303001002001', 106.94));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropSchemas([schema]);
  });

  it('stores the grid with its bounding box and parent', async () => {
    const grid = await as(Role.GRID_WORKER, '520303001001001').getByCode('520303001001001');
    expect(grid).toMatchObject({
      level: 4,
      kind: 'BLOCK',
      adminUnitCode: '520303001001',
      minLon: 106.925,
      minLat: 27.7,
      maxLat: 27.704,
    });
    expect(grid.parentId).toBe((await as(Role.UNIT_ADMIN, '520303').getByCode('520303001001000')).id);
  });

  it('names the bad field and writes nothing', async () => {
    const admin = as(Role.UNIT_ADMIN, '520303');
    const cases: [Partial<CreateGridInput>, string][] = [
      [{ code: '52030300100100' }, 'input.code'],
      [{ code: '520303001002009' }, 'input.code'],
      [{ kind: null }, 'input.kind'],
      [{ level: 5 }, 'input.level'],
      [
        {
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 1],
                [1, 0],
                [0, 1],
                [0, 0],
              ],
            ],
          },
        },
        'input.boundary',
      ],
      [{ parentCode: '520303001002001' }, 'input.parentCode'],
    ];
    for (const [override, field] of cases) {
      const error = await admin
        .create(unitGrid('520303001001009', 106.96, override))
        .catch((e: unknown) => e);
      expect([codeOf(error), fieldOf(error)]).toEqual(['BAD_USER_INPUT', field]);
    }
    await expect(admin.getByCode('520303001001009')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a duplicate code with CONFLICT', async () => {
    await expect(
      as(Role.UNIT_ADMIN, '520303').create(unitGrid('520303001001001', 106.97)),
    ).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('lets a community admin create grids only in its community', async () => {
    const communityAdmin = as(Role.UNIT_ADMIN, '520303001002');
    await expect(communityAdmin.create(unitGrid('520303001001008', 106.98))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(communityAdmin.create(unitGrid('520303001002002', 106.98))).resolves.toMatchObject({
      code: '520303001002002',
    });
  });

  it('pages a community’s grids by code with filters, and shows a grid worker only its grid', async () => {
    const admin = as(Role.UNIT_ADMIN, '520303');
    const first = await admin.listQuery('520303001001', {}).orderBy('grid.code').take(2).getMany();
    expect(first.map((g) => g.code)).toEqual(['520303001001000', '520303001001001']);
    const units = await admin
      .listQuery('520303001001', { level: 4, kind: GridKind.BLOCK })
      .orderBy('grid.code')
      .getMany();
    expect(units.map((g) => g.code)).toEqual(['520303001001001', '520303001001002']);
    const byName = await admin.listQuery('520303001001', { search: '003' }).getMany();
    expect(byName).toHaveLength(0); // digits match a code prefix, not a suffix
    const byPrefix = await admin.listQuery('520303001001', { search: '520303001001003' }).getMany();
    expect(byPrefix.map((g) => g.code)).toEqual(['520303001001003']);
    const worker = await as(Role.GRID_WORKER, '520303001001002').listQuery('520303001001', {}).getMany();
    expect(worker.map((g) => g.code)).toEqual(['520303001001002']);
  });

  it('forbids reading a grid outside the scope and hides it from reference lookups', async () => {
    const worker = as(Role.GRID_WORKER, '520303001001001');
    await expect(worker.getByCode('520303001002001')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const found = await worker.findVisibleByCodes(['520303001002001', '520303001001001', '999999999999999']);
    expect(found.map((g) => g?.code ?? null)).toEqual([null, '520303001001001', null]);
  });

  it('updates the boundary and bounding box, and finds the most specific grid at a point', async () => {
    const admin = as(Role.UNIT_ADMIN, '520303001001');
    const grid = await admin.getByCode('520303001001003');
    await expect(
      admin.updateBoundary(grid.id, {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'boundary' },
    });
    await expect(admin.updateBoundary(grid.id, square(106.95, 27.72))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'boundary' },
    });
    const updated = await admin.updateBoundary(grid.id, square(106.94, 27.71));
    expect(updated).toMatchObject({ minLon: 106.94, minLat: 27.71 });
    expect((await admin.gridAt(106.941, 27.711))?.code).toBe('520303001001003');
    expect((await admin.gridAt(106.926, 27.701))?.code).toBe('520303001001001');
    expect((await admin.gridAt(106.945, 27.715))?.code).toBe('520303001001000'); // only the community grid covers it
    expect(await as(Role.GRID_WORKER, '520303001002001').gridAt(106.941, 27.711)).toBeNull();
  });

  it('keeps a child inside its parent and reports siblings that overlap, not those that only touch', async () => {
    const admin = as(Role.UNIT_ADMIN, '520303');
    await expect(
      admin.create(unitGrid('520303001001009', 106.96, { parentCode: '520303001001000' })),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.boundary' } });
    const grid = (code: string) => admin.getByCode(code);
    const first = await grid('520303001001001');
    expect(await admin.overlappingSiblingsOf([first])).toEqual([[]]); // 002 shares an edge only
    await admin.create(unitGrid('520303001001004', 106.927, { parentCode: '520303001001000' }));
    // Without a parent: siblings are grids of the same unit and level (002 overlaps 001, 003 is apart).
    await admin.create(unitGrid('520303001003001', 106.97));
    await admin.create(unitGrid('520303001003002', 106.972));
    await admin.create(unitGrid('520303001003003', 106.98));
    const batch = await Promise.all(
      ['001001001', '001001002', '001001003', '001001004', '001003001', '001003002', '001003003'].map((c) =>
        grid(`520303${c}`),
      ),
    );
    const codes = (lists: { code: string }[][]) => lists.map((list) => list.map((g) => g.code));
    expect(codes(await admin.overlappingSiblingsOf(batch))).toEqual([
      ['520303001001004'],
      ['520303001001004'],
      [],
      ['520303001001001', '520303001001002'],
      ['520303001003002'],
      ['520303001003001'],
      [],
    ]);
    // Only siblings the caller may read are listed.
    const worker = as(Role.GRID_WORKER, '520303001001004');
    expect(codes(await worker.overlappingSiblingsOf([batch[3], batch[0]]))).toEqual([
      [],
      ['520303001001004'],
    ]);
  });

  it('answers a grid id that is not a uuid with NOT_FOUND, not a database error', async () => {
    const admin = as(Role.UNIT_ADMIN, '520303');
    await expect(admin.get('520303001001001')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(admin.updateBoundary('42', square(106.93, 27.7))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
