import type { DataSource } from 'typeorm';
import { createLogger } from '@gridgov/platform-observability';
import { startAssessmentTestDatabase } from '../testing/assessment-test-database';
import { seedAssessmentDemo } from './assessment-demo.seed';

// The demo seed runs at every start: a second run (even a concurrent one) adds nothing.
describe('assessment demo seed', () => {
  let db: { dataSource: DataSource; drop(): Promise<void> };
  const log = createLogger('assessment-seed-test', 'silent');

  beforeAll(async () => {
    db = await startAssessmentTestDatabase();
  });
  afterAll(() => db?.drop());

  it('creates the four 汇川区 schemes once, with weights adding up to 100', async () => {
    await Promise.all([seedAssessmentDemo(db.dataSource, log), seedAssessmentDemo(db.dataSource, log)]);
    await seedAssessmentDemo(db.dataSource, log);
    const rows = await db.dataSource.query(
      `SELECT s.name, s.owner_unit_code, s.status, count(i.id)::int AS indicators, sum(i.weight)::text AS total
         FROM assessment_scheme s JOIN assessment_indicator i ON i.scheme_id = s.id
        GROUP BY s.id ORDER BY s.name`,
    );
    expect(rows).toEqual([
      { name: '社区季度亮牌', owner_unit_code: '520303', status: 'ACTIVE', indicators: 6, total: '100.00' },
      { name: '红色文明榜积分', owner_unit_code: '520303', status: 'ACTIVE', indicators: 1, total: '100.00' },
      {
        name: '网格员月度评星定级',
        owner_unit_code: '520303',
        status: 'ACTIVE',
        indicators: 5,
        total: '100.00',
      },
      {
        name: '职能部门年度考评',
        owner_unit_code: '520303',
        status: 'ACTIVE',
        indicators: 4,
        total: '100.00',
      },
    ]);
  });
});
