import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import type { SelectQueryBuilder } from 'typeorm';
import { PartyIdentityService } from './party-identity.service';
import { type PartyMemberEntity, PartyMemberStatus } from './party-member.entity';
import { PartyMemberService } from './party-member.service';
import { PartyOrganizationService } from './party-organization.service';

// 10,000 members in two streets: a street's filtered pages, a community's in-service registrations (双报到)
// and its public 亮身份 board are all read through indexes.
describe('listing party members of a street', () => {
  let db: TestDatabase;
  const streetAdmin = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303001' });
  const communityAdmin = callerWith({ role: Role.PARTY_ADMIN, scopeCode: '520303002001' });
  const service = (caller = streetAdmin) =>
    new PartyMemberService(db.dataSource, caller, new PartyOrganizationService(db.dataSource, caller));

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    // 40 branches: 20 in each street's communities; members spread evenly, every 5th probationary,
    // every 25th in service and registered at 520303002001, every 3rd on the public board.
    await db.dataSource.query(`
      INSERT INTO party_organization (unit_code, level, kind, name)
      SELECT '52030300' || (1 + b % 2) || '00' || (1 + b % 4 / 2), 'BRANCH', 'GRID', 'branch ' || b FROM generate_series(0, 39) b`);
    await db.dataSource.query(`
      INSERT INTO party_member (branch_id, unit_code, name, status, joined_on,
                                in_service, work_unit, registered_unit_code, identity_display)
      SELECT o.id, o.unit_code, 'member ' || lpad(i::text, 5, '0'),
             CASE WHEN i % 5 = 0 THEN 'PROBATIONARY' ELSE 'FULL' END, date '2000-01-01' + (i % 7000),
             i % 25 = 0, CASE WHEN i % 25 = 0 THEN 'work unit' END, CASE WHEN i % 25 = 0 THEN '520303002001' END,
             CASE WHEN i % 3 = 0 THEN 'FULL' ELSE 'HIDDEN' END
      FROM generate_series(1, 10000) i
      JOIN (SELECT id, unit_code, row_number() OVER (ORDER BY name) - 1 AS n FROM party_organization) o ON o.n = i % 40`);
    await db.dataSource.query(`ANALYZE party_member`);
  }, 60_000);
  afterAll(() => db?.close());

  const explain = async (query: SelectQueryBuilder<PartyMemberEntity>, sort: string) => {
    query.orderBy(sort, 'ASC').addOrderBy('member.id', 'ASC').limit(21);
    const [sql, parameters] = query.getQueryAndParameters();
    const rows: { 'QUERY PLAN': string }[] = await db.dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      parameters,
    );
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    return { text, page: await query.getMany() };
  };
  const plan = async (after?: string) => {
    const query = service().listQuery({ unitCode: '520303001000', status: PartyMemberStatus.PROBATIONARY });
    if (after) query.andWhere('member.name > :after', { after });
    return explain(query, 'member.name');
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

  it('answers an id that is not a uuid with a typed error, not a database error', () => {
    for (const field of ['branchId', 'contactBranchId'] as const)
      expect(() => service().listQuery({ [field]: 'branch-1' })).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: `filter.${field}` }),
        }),
      );
  });

  it('lists a community’s registered in-service members and its public board through indexes', async () => {
    const registered = await explain(
      service(communityAdmin).listQuery({ registeredAt: '520303002001' }),
      'member.name',
    );
    expect(registered.page).toHaveLength(21);
    expect(registered.page.every((m) => m.inService && m.registeredUnitCode === '520303002001')).toBe(true);
    expect(registered.page.some((m) => !m.unitCode.startsWith('520303002001'))).toBe(true);
    expect(registered.text).toMatch(/party_member_registered_idx/);
    expect(registered.text).not.toMatch(/Seq Scan on party_member/);

    const board = await explain(
      new PartyIdentityService(db.dataSource, service(communityAdmin)).boardQuery({
        unitCode: '520303002001',
      }),
      'member.createdAt',
    );
    expect(board.page).toHaveLength(21);
    expect(
      board.page.every(
        (m) =>
          m.identityDisplay === 'FULL' &&
          (m.unitCode === '520303002001' || m.registeredUnitCode === '520303002001'),
      ),
    ).toBe(true);
    expect(board.page.some((m) => m.unitCode === '520303002001' && !m.inService)).toBe(true);
    expect(board.text).toMatch(/party_member_identity_idx/);
    expect(board.text).not.toMatch(/Seq Scan on party_member/);
  });
});
