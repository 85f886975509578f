import { DEMO_ACCOUNTS } from '@gridgov/platform-auth';
import { createLogger } from '@gridgov/platform-observability';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import { seedOrgDemo } from './org-demo.seed';
import { seedOrgPartyDemo } from './org-party-demo.seed';

const log = createLogger('org-test', 'silent');
const grantsOf = (db: TestDatabase) =>
  db.dataSource.query(
    `SELECT a.username, a.id, g.role, g.scope_code FROM account a JOIN role_grant g ON g.account_id = a.id
      ORDER BY a.username`,
  ) as Promise<{ username: string; id: string; role: string; scope_code: string }[]>;

// Other contexts' demo seeds refer to the demo accounts by the ids fixed in platform-auth.
describe('org demo seed accounts', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase(orgDatabase);
  });
  afterEach(() => db?.close());

  it('creates every demo account with its fixed id and grant, once', async () => {
    for (let run = 0; run < 2; run++) {
      await seedOrgDemo(db.dataSource, log);
      await seedOrgPartyDemo(db.dataSource, log);
    }
    expect(await grantsOf(db)).toEqual(
      Object.entries(DEMO_ACCOUNTS)
        .map(([username, { id, grant }]) => ({ username, id, role: grant.role, scope_code: grant.scopeCode }))
        .sort((a, b) => a.username.localeCompare(b.username)),
    );
  });

  it('still starts on an older demo database whose accounts have generated ids', async () => {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO account (username, display_name) VALUES ('zhuhai.gw1', '珠海路一网格网格员') RETURNING id`,
    );
    expect(id).not.toBe(DEMO_ACCOUNTS['zhuhai.gw1'].id);
    await seedOrgDemo(db.dataSource, log);
    const rows = await grantsOf(db);
    expect(rows.filter((r) => r.username === 'zhuhai.gw1')).toEqual([
      { username: 'zhuhai.gw1', id, role: 'GRID_WORKER', scope_code: '520303001001001' },
    ]);
    expect(rows.find((r) => r.username === 'renmin.gw1')?.id).toBe(DEMO_ACCOUNTS['renmin.gw1'].id);
  });
});
