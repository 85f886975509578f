import { createLogger } from '@gridgov/platform-observability';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { orgDatabase } from '../index';
import { seedOrgDemo } from './org-demo.seed';
import { seedOrgPartyDemo } from './org-party-demo.seed';

// The demo seed runs at every start, so a second run must add nothing.
describe('org party-building demo seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
  });
  afterAll(() => db?.close());

  it('seeds every new capability once, however often it runs', async () => {
    const log = createLogger('org-test', 'silent');
    const tables = [
      'department',
      'party_organization',
      'party_member',
      'party_meeting',
      'volunteer_signup',
      'service_item',
      'council_topic',
      'cobuilding_pairing',
      'notification',
    ];
    const counts = async () =>
      Promise.all(
        tables.map(async (t) => Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${t}`))[0].n)),
      );
    for (let run = 0; run < 2; run++) {
      await seedOrgDemo(db.dataSource, log);
      await seedOrgPartyDemo(db.dataSource, log);
    }
    // Two volunteer sign-ups: a party member and a resident who is not one.
    expect(await counts()).toEqual([5, 4, 4, 1, 2, 3, 1, 1, 1]);
    // The secretary assists the demo grid: README's sample reads it as PartyMember.assistantOfGrids.
    expect(
      await db.dataSource.query(
        `SELECT m.name, b.grid_code FROM party_branch_grid b JOIN party_member m ON m.id = b.assistant_member_id`,
      ),
    ).toEqual([{ name: '王建国', grid_code: '520303001001001' }]);
  });
});
