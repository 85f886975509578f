import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { seedTwoGridRegister } from '../grid/unit-grid-spec.fixture';
import { RelationToHead } from '../household/household-enums';
import { gridDatabase } from '../index';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { ResidenceMoveService } from './residence-move.service';

// Moves keep history: a household moving house into another grid, a member joining another household, refusals.
describe('ResidenceMoveService', () => {
  let db: TestDatabase;
  let register: Awaited<ReturnType<typeof seedTwoGridRegister>>;
  const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
  const moves = (caller = staff) => new ResidenceMoveService(db.dataSource, caller);
  const gridOf = async (name: string) =>
    (await db.dataSource.query('SELECT grid_code, household_id FROM resident WHERE name = $1', [name]))[0];

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    register = await seedTwoGridRegister(db.dataSource, new PersonalDataCipher(randomPersonalDataKeys()));
  });
  afterAll(() => db?.close());

  it('moves a household with its members into another grid and a member into that household, keeping history', async () => {
    const wang = register.households['王五'];
    const moved = await moves().moveHousehold({
      householdId: wang,
      toHouseId: register.b2House,
      movedOn: '2026-03-01',
      reason: '购房',
    });
    expect(moved).toMatchObject({ fromGridCode: '520303001001001', toGridCode: '520303001001002' });
    expect(await gridOf('王五')).toEqual({ grid_code: '520303001001002', household_id: wang });

    await moves().moveResident({
      residentId: register.residents['张小'],
      toHouseholdId: wang,
      relation: RelationToHead.OTHER_RELATIVE,
      movedOn: '2026-03-05',
    });
    expect(await gridOf('张小')).toEqual({ grid_code: '520303001001002', household_id: wang });
    const [history] = await moves().ofSubjects('residentId', [register.residents['张小']]);
    expect(history).toMatchObject([{ fromHouseholdId: register.households['张三'], toHouseholdId: wang }]);
    const [householdHistory] = await moves().ofSubjects('householdId', [wang]);
    expect(householdHistory.map((m) => m.movedOn)).toEqual(['2026-03-01']);
    expect((await moves().list('520303001001001', 10)).map((m) => m.movedOn)).toEqual([
      '2026-03-05',
      '2026-03-01',
    ]);
  });

  it('refuses moving a head alone, a move out of scope, and a bad date, changing nothing', async () => {
    await expect(
      moves().moveResident({
        residentId: register.residents['张三'],
        toGridCode: '520303001001002',
        movedOn: '2026-04-01',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.residentId' } });
    const gridWorker = callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001001' });
    await expect(
      moves(gridWorker).moveResident({
        residentId: register.residents['李四'],
        toGridCode: '520303001001002',
        movedOn: '2026-04-01',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      moves().moveResident({
        residentId: register.residents['李四'],
        toGridCode: '520303001001002',
        movedOn: '2026-02-30',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.movedOn' } });
    expect(await gridOf('李四')).toEqual({
      grid_code: '520303001001001',
      household_id: register.households['张三'],
    });
  });
});
