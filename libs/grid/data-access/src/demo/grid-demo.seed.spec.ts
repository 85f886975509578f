import type { DataSource } from 'typeorm';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { createLogger } from '@gridgov/platform-observability';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from '@gridgov/platform-testing';
import { boundaryProblem } from '../grid/grid-boundary';
import { GridEntity } from '../grid/grid.entity';
import { HouseholdEntity } from '../household/household.entity';
import { ResidentEntity } from '../household/resident.entity';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { gridDatabase } from '../index';
import { seedGridDemo } from './grid-demo.seed';
import { GridTeamMemberEntity } from '../team/grid-team-member.entity';
import { chinaToday, teamOn } from '../team/grid-team.service';

// The demo seed can run at every start: twice gives the same rows, and every boundary is valid.
describe('grid demo seed', () => {
  const schema = freshSchemaName('grid');
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await initialiseDataSource(
      createDataSource({
        ...gridDatabase,
        url: testDatabaseUrl(),
        schema,
        poolSize: 2,
        applicationName: 'grid-seed-spec',
      }),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropSchemas([schema]);
  });

  it('is idempotent and seeds valid unit grids of the org demo communities and one building’s households', async () => {
    const log = createLogger('grid-seed-spec', 'silent');
    const cipher = new PersonalDataCipher(randomPersonalDataKeys());
    await seedGridDemo(dataSource, log, cipher);
    await seedGridDemo(dataSource, log, cipher);
    const grids = await dataSource.getRepository(GridEntity).find({ order: { code: 'ASC' } });
    expect(grids.map((g) => [g.code, g.kind])).toEqual([
      ['520303001001001', 'BLOCK'],
      ['520303001001002', 'COMPOUND'],
      ['520303001002001', 'BLOCK'],
      ['520303002001001', 'RURAL_GROUP'],
    ]);
    expect(grids.map((g) => boundaryProblem(g.boundary)).filter(Boolean)).toEqual([]);
    const residents = await dataSource.getRepository(ResidentEntity).find({ order: { name: 'ASC' } });
    expect(residents).toHaveLength(4);
    expect(residents.every((r) => r.householdId !== null)).toBe(true);
    expect(await dataSource.getRepository(HouseholdEntity).count()).toBe(3);
    const members = await dataSource.getRepository(GridTeamMemberEntity).find();
    const teams = grids.map(
      (g) =>
        teamOn(
          g.code,
          chinaToday(),
          members.filter((m) => m.gridId === g.id),
        ).model,
    );
    expect(teams).toEqual(['1+1+2', '1+0', '1+0', '1+3']);
    const needs = await dataSource.query('SELECT category, status FROM service_need ORDER BY category');
    expect(needs).toEqual([
      { category: 'EMPLOYMENT', status: 'IN_PROGRESS' },
      { category: 'MEAL_AID', status: 'OPEN' },
    ]);
    expect(await dataSource.query('SELECT moved_on::text AS on FROM residence_move')).toEqual([
      { on: '2024-09-01' },
    ]);
    expect(cipher.decrypt(residents[0].idNumberCipher)).toMatch(/^520303\d{11}[\dX]$/);
  });
});
