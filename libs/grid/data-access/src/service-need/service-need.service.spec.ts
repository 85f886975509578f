import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { seedTwoGridRegister } from '../grid/unit-grid-spec.fixture';
import { gridDatabase } from '../index';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { ServiceNeedCategory, ServiceNeedStatus } from './service-need.entity';
import { ServiceNeedService } from './service-need.service';

// The service-need file: needs of households and residents through their statuses, and what is refused.
describe('ServiceNeedService', () => {
  let db: TestDatabase;
  let register: Awaited<ReturnType<typeof seedTwoGridRegister>>;
  const worker = callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001001' });
  const needs = (caller = worker) => new ServiceNeedService(db.dataSource, caller);

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    register = await seedTwoGridRegister(db.dataSource, new PersonalDataCipher(randomPersonalDataKeys()));
  });
  afterAll(() => db?.close());

  it('records needs of a household and a resident and moves them through their statuses', async () => {
    const meals = await needs().record({
      householdId: register.households['张三'],
      category: ServiceNeedCategory.MEAL_AID,
      description: '老两口需要助餐',
    });
    const job = await needs().record({
      residentId: register.residents['张小'],
      category: ServiceNeedCategory.EMPLOYMENT,
      description: '求职: 电工',
    });
    expect(meals).toMatchObject({ status: ServiceNeedStatus.OPEN, gridCode: '520303001001001' });
    await needs().changeStatus(meals.id, ServiceNeedStatus.IN_PROGRESS);
    await needs().changeStatus(meals.id, ServiceNeedStatus.MET, '已对接长者食堂');
    await expect(needs().changeStatus(meals.id, ServiceNeedStatus.OPEN)).rejects.toMatchObject({
      extensions: { code: 'INVALID_TRANSITION', from: 'MET', to: 'OPEN' },
    });
    await expect(needs().changeStatus(job.id, ServiceNeedStatus.CANCELLED)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
    });
    const open = await needs().list('520303001001001', ServiceNeedStatus.OPEN, 10);
    expect(open.map((n) => n.description)).toEqual(['求职: 电工']);
    const [ofHousehold] = await needs().ofSubjects('householdId', [register.households['张三']]);
    expect(ofHousehold).toMatchObject([{ status: ServiceNeedStatus.MET, statusNote: '已对接长者食堂' }]);
  });

  it('refuses a need of both or neither, and one outside the scope', async () => {
    await expect(
      needs().record({
        householdId: register.households['张三'],
        residentId: register.residents['张三'],
        category: ServiceNeedCategory.OTHER,
        description: '两者',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.householdId' } });
    const elsewhere = callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001002' });
    await expect(
      needs(elsewhere).record({
        residentId: register.residents['李四'],
        category: ServiceNeedCategory.MEDICAL,
        description: '复诊陪同',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await needs(elsewhere).ofSubjects('residentId', [register.residents['张小']])).toEqual([[]]);
  });

  it('answers ids that are not uuids with typed errors, not database errors', async () => {
    await expect(
      needs().record({ residentId: 'not-an-id', category: ServiceNeedCategory.OTHER, description: '打错了' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.residentId' } });
    await expect(needs().changeStatus('42', ServiceNeedStatus.MET)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
