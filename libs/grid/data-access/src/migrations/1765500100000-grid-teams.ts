import { MigrationInterface, QueryRunner } from 'typeorm';

/** Grid teams (网格队伍): responsible person, messenger and helpers, each with the period they serve. */
export class GridTeams1765500100000 implements MigrationInterface {
  name = 'GridTeams1765500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grid_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grid_id uuid NOT NULL REFERENCES grid(id),
        grid_code varchar(15) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('RESPONSIBLE', 'MESSENGER', 'HELPER')),
        helper_kind varchar(16) CHECK (helper_kind IN ('GROUP_LEADER', 'BUILDING_HEAD', 'GUARD', 'PROPERTY_STAFF', 'VOLUNTEER')),
        name varchar(50) NOT NULL,
        public_phone varchar(20),
        photo_url varchar(500),
        account_id uuid,
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'HELPER') = (helper_kind IS NOT NULL)),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    // The team of a grid (current and past) in one index range.
    await q.query(`CREATE INDEX grid_team_member_grid_idx ON grid_team_member (grid_id, role, starts_on)`);
    // At most one open-ended responsible person and messenger per grid; overlaps of dated periods are checked by the service.
    await q.query(
      `CREATE UNIQUE INDEX grid_team_member_open_post_key ON grid_team_member (grid_id, role) WHERE ends_on IS NULL AND role <> 'HELPER'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grid_team_member`);
  }
}
