import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import { AdminUnitEntity } from './admin-unit.entity';
import { AdminUnitService } from './admin-unit.service';

const platformAdmin = callerWith({ role: Role.PLATFORM_ADMIN, scopeCode: '' });

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: { message: string; extensions: Record<string, unknown> }) => ({
      message: error.message,
      ...error.extensions,
    }),
  );

// The unit tree on a real database: creation rules, moves and scope.
describe('AdminUnitService', () => {
  let db: TestDatabase;
  const service = (auth = platformAdmin) => new AdminUnitService(db.dataSource, auth);

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    for (const [code, name, parentCode] of [
      ['520300000000', '遵义市', null],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303001001', '珠海路社区', '520303001000'],
      ['520303002000', '高桥街道', '520303000000'],
    ] as [string, string, string | null][]) {
      await service().create({ code, name, parentCode });
    }
  });
  afterAll(() => db?.close());

  it('refuses a malformed code, naming the field, and writes nothing', async () => {
    const before = await db.dataSource.getRepository(AdminUnitEntity).count();
    expect(
      await errorOf(service().create({ code: '52030300100', name: 'x', parentCode: '520303001000' })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
    expect(await db.dataSource.getRepository(AdminUnitEntity).count()).toBe(before);
  });

  it('refuses a child whose code does not lie under its parent', async () => {
    const error = await errorOf(
      service().create({ code: '520303002001', name: '高桥社区', parentCode: '520303001000' }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentCode' });
    expect(error.message).toContain('520303001');
  });

  it('refuses a duplicate code with CONFLICT', async () => {
    expect(
      await errorOf(service().create({ code: '520303001001', name: '重复', parentCode: '520303001000' })),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('moves a community straight under its district (street level abolished) but not under a sibling street', async () => {
    const community = await service().getByCode('520303001001');
    const moved = await service().move(community.id, '520303000000');
    expect((await service().get(moved.id)).parentId).toBe((await service().getByCode('520303000000')).id);
    expect(await errorOf(service().move(community.id, '520303002000'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newParentCode',
    });
  });

  it('lets a street admin create inside its street only, and lists only what is in scope', async () => {
    const streetAdmin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303002' });
    await service(streetAdmin).create({ code: '520303002001', name: '高桥社区', parentCode: '520303002000' });
    expect(
      await errorOf(
        service(streetAdmin).create({ code: '520303001002', name: '人民路社区', parentCode: '520303001000' }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const listed = await service(streetAdmin).listQuery({}).orderBy('unit.code').getMany();
    expect(listed.map((u) => u.code)).toEqual(['520303002000', '520303002001']);
    expect(await errorOf(service(streetAdmin).getByCode('520303001001'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Ancestors of one's scope are readable, to show where one is.
    expect((await service(streetAdmin).getByCode('520303000000')).name).toBe('汇川区');
  });

  it('finds units by a part of the name or a code prefix', async () => {
    expect((await service().listQuery({ search: '珠海' }).getMany()).map((u) => u.code)).toEqual([
      '520303001001',
    ]);
    expect(
      (await service().listQuery({ search: '5203030' }).orderBy('unit.code').getMany()).map((u) => u.code),
    ).toEqual(['520303000000', '520303001000', '520303001001', '520303002000', '520303002001']);
  });
});
