import type { DataSource } from 'typeorm';
import { type Grant, Role } from '@gridgov/platform-auth';
import { type Connection, paginate } from '@gridgov/platform-graphql';
import { callerWith, startAssessmentTestDatabase } from '../testing/assessment-test-database';
import { AssessmentIndicatorKind, AssessmentPeriodKind, AssessmentSubjectKind } from './assessment-kinds';
import type { AssessmentSchemeEntity } from './assessment-scheme.entity';
import { type AssessmentSchemeFilter, AssessmentSchemeService } from './assessment-scheme.service';

const platformAdmin = callerWith({ role: Role.PLATFORM_ADMIN, scopeCode: '' });

// Who reads which schemes: owned in or below one's scope, or by a unit above it (its subjects are rated by them).
describe('AssessmentSchemeService list and get (real database)', () => {
  let db: { dataSource: DataSource; drop(): Promise<void> };
  const ids = new Map<string, string>();

  const names = async (grants: Grant[], filter: AssessmentSchemeFilter = {}) => {
    const service = new AssessmentSchemeService(db.dataSource, callerWith(...grants));
    const page = await paginate(
      service.listQuery(filter),
      { first: 50 },
      { column: 'scheme.createdAt', value: (s) => s.createdAt, direction: 'DESC' },
    );
    return page.edges.map((e) => e.node.name).sort();
  };

  beforeAll(async () => {
    db = await startAssessmentTestDatabase();
    const service = new AssessmentSchemeService(db.dataSource, platformAdmin);
    const owners: [
      name: string,
      owner: string,
      subjectKind: AssessmentSubjectKind,
      periodKind: AssessmentPeriodKind,
    ][] = [
      ['city', '5203', AssessmentSubjectKind.DEPARTMENT, AssessmentPeriodKind.YEAR],
      ['huichuan', '520303', AssessmentSubjectKind.GRID_WORKER, AssessmentPeriodKind.MONTH],
      ['huichuan-cards', '520303', AssessmentSubjectKind.COMMUNITY, AssessmentPeriodKind.QUARTER],
      ['shanghai-road', '520303001', AssessmentSubjectKind.GRID_WORKER, AssessmentPeriodKind.MONTH],
      ['gaoqiao', '520303002', AssessmentSubjectKind.GRID_WORKER, AssessmentPeriodKind.QUARTER],
      ['honghuagang', '520302', AssessmentSubjectKind.GRID_WORKER, AssessmentPeriodKind.MONTH],
    ];
    for (const [name, ownerUnitCode, subjectKind, periodKind] of owners) {
      const scheme = await service.create({
        name,
        ownerUnitCode,
        subjectKind,
        periodKind,
        totalScale: 100,
        indicators: [{ code: 'review', name: '评议', kind: AssessmentIndicatorKind.MANUAL, weight: 100 }],
      });
      ids.set(name, scheme.id);
    }
  });
  afterAll(() => db?.drop());

  it('shows a street assessor its own street’s schemes and those of the district and city above, not a sibling’s', async () => {
    expect(await names([{ role: Role.ASSESSOR, scopeCode: '520303001' }])).toEqual([
      'city',
      'huichuan',
      'huichuan-cards',
      'shanghai-road',
    ]);
  });

  it('shows a district assessor everything in the district and above it, nothing of another district', async () => {
    expect(await names([{ role: Role.ASSESSOR, scopeCode: '520303' }])).toEqual([
      'city',
      'gaoqiao',
      'huichuan',
      'huichuan-cards',
      'shanghai-road',
    ]);
  });

  it('filters by subject kind and period kind', async () => {
    const assessor = [{ role: Role.ASSESSOR, scopeCode: '520303' }];
    expect(await names(assessor, { subjectKind: AssessmentSubjectKind.GRID_WORKER })).toEqual([
      'gaoqiao',
      'huichuan',
      'shanghai-road',
    ]);
    expect(
      await names(assessor, {
        subjectKind: AssessmentSubjectKind.GRID_WORKER,
        periodKind: AssessmentPeriodKind.MONTH,
      }),
    ).toEqual(['huichuan', 'shanghai-road']);
  });

  it('pages newest first without gaps or repeats', async () => {
    const service = new AssessmentSchemeService(db.dataSource, platformAdmin);
    const byCreation = {
      column: 'scheme.createdAt',
      value: (s: AssessmentSchemeEntity) => s.createdAt,
      direction: 'DESC' as const,
    };
    const all = (await paginate(service.listQuery({}), { first: 50 }, byCreation)).edges.map((e) => e.node);
    const paged: AssessmentSchemeEntity[] = [];
    let after: string | null = null;
    do {
      const page: Connection<AssessmentSchemeEntity> = await paginate(
        service.listQuery({}),
        { first: 4, after },
        byCreation,
      );
      paged.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged.map((s) => s.id)).toEqual(all.map((s) => s.id));
    expect(new Set(paged.map((s) => s.id)).size).toBe(ids.size);
    paged
      .slice(1)
      .forEach((s, i) => expect(s.createdAt.getTime()).toBeLessThanOrEqual(paged[i].createdAt.getTime()));
  });

  it('gets a scheme in scope, FORBIDDEN outside it and NOT_FOUND for an unknown id', async () => {
    const street = new AssessmentSchemeService(
      db.dataSource,
      callerWith({ role: Role.ASSESSOR, scopeCode: '520303001' }),
    );
    await expect(street.get(ids.get('huichuan')!)).resolves.toMatchObject({ name: 'huichuan' });
    await expect(street.get(ids.get('gaoqiao')!)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(street.get('not-a-uuid')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a caller without assessment:read', async () => {
    const helper = new AssessmentSchemeService(
      db.dataSource,
      callerWith({ role: Role.GRID_HELPER, scopeCode: '520303001001001' }),
    );
    expect(() => helper.listQuery({})).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
  });
});
