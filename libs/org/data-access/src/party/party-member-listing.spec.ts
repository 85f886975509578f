import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import { PartyMemberStatus } from './party-member.entity';
import { PartyMemberService } from './party-member.service';
import { PartyOrganizationService } from './party-organization.service';

// 10,000 members in two streets: a street's filtered first page and a later keyset page use an index.
describe('listing party members of a street', () => {
  let db: TestDatabase;
  const streetAdmin = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303001' });
  const service = () =>
    new PartyMemberService(
      db.dataSource,
      streetAdmin,
      new PartyOrganizationService(db.dataSource, streetAdmin),
    );

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    // 40 branches: 20 in each street's communities; members spread evenly, every 5th probationary.
    await db.dataSource.query(`
      INSERT INTO party_organization (unit_code, level, kind, name)
      SELECT '52030300' || (1 + b % 2) || '00' || (1 + b % 4 / 2), 'BRANCH', 'GRID', 'branch ' || b FROM generate_series(0, 39) b`);
    await db.dataSource.query(`
      INSERT INTO party_member (branch_id, unit_code, name, status, joined_on)
      SELECT o.id, o.unit_code, 'member ' || lpad(i::text, 5, '0'),
             CASE WHEN i % 5 = 0 THEN 'PROBATIONARY' ELSE 'FULL' END, date '2000-01-01' + (i % 7000)
      FROM generate_series(1, 10000) i
      JOIN (SELECT id, unit_code, row_number() OVER (ORDER BY name) - 1 AS n FROM party_organization) o ON o.n = i % 40`);
    await db.dataSource.query(`ANALYZE party_member`);
  }, 60_000);
  afterAll(() => db?.close());

  const plan = async (after?: string) => {
    const query = service()
      .listQuery({ unitCode: '520303001000', status: PartyMemberStatus.PROBATIONARY })
      .orderBy('member.name', 'ASC')
      .addOrderBy('member.id', 'ASC')
      .limit(21);
    if (after) query.andWhere('member.name > :after', { after });
    const [sql, parameters] = query.getQueryAndParameters();
    const rows: { 'QUERY PLAN': string }[] = await db.dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      parameters,
    );
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    return { text, page: await query.getMany() };
  };

  it('pages a street’s probationary members by name through an index', async () => {
    const first = await plan();
    expect(first.page).toHaveLength(21);
    expect(first.page.every((m) => m.unitCode.startsWith('520303001') && m.status === 'PROBATIONARY')).toBe(
      true,
    );
    expect(first.text).toMatch(/Index (Only )?Scan using party_member_\w+/);
    expect(first.text).not.toMatch(/Seq Scan on party_member/);
    const later = await plan(first.page[20].name);
    expect(later.page[0].name > first.page[20].name).toBe(true);
    expect(later.text).not.toMatch(/Seq Scan on party_member/);
  });
});
