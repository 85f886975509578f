import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgServicesCouncilCobuilding1764500000000 implements MigrationInterface {
  name = 'OrgServicesCouncilCobuilding1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_center (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        kind varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        address varchar(200) NOT NULL,
        lon double precision,
        lat double precision,
        opening_hours varchar(200) NOT NULL,
        extended_hours varchar(200),
        windows integer NOT NULL DEFAULT 1 CHECK (windows >= 0),
        staff_on_duty text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX service_center_unit_code_prefix_idx ON service_center (unit_code varchar_pattern_ops)`,
    );

    await q.query(`
      CREATE TABLE service_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        name varchar(100) NOT NULL,
        category_code varchar(16) NOT NULL,
        eligibility text NOT NULL,
        materials text[] NOT NULL DEFAULT '{}',
        time_limit_days integer CHECK (time_limit_days >= 0),
        fee varchar(100) NOT NULL,
        channel varchar(16) NOT NULL,
        proxy_allowed boolean NOT NULL DEFAULT false,
        doorstep boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX service_item_unit_name_key ON service_item (unit_code, name)`);
    await q.query(`CREATE INDEX service_item_unit_category_idx ON service_item (unit_code, category_code)`);

    // 居民议事会: meetings of four kinds, topics (maybe about a ticket), decisions with votes.
    await q.query(`
      CREATE TABLE council_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        kind varchar(32) NOT NULL,
        title varchar(100) NOT NULL,
        held_on date NOT NULL,
        participants text[] NOT NULL DEFAULT '{}',
        published_result text,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX council_meeting_unit_held_idx ON council_meeting (unit_code varchar_pattern_ops, held_on)`,
    );
    await q.query(`
      CREATE TABLE council_topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES council_meeting(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        ticket_id uuid,
        decision text,
        votes_for integer CHECK (votes_for >= 0),
        votes_against integer CHECK (votes_against >= 0),
        abstentions integer CHECK (abstentions >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX council_topic_meeting_idx ON council_topic (meeting_id)`);
    await q.query(
      `CREATE INDEX council_topic_ticket_idx ON council_topic (ticket_id) WHERE ticket_id IS NOT NULL`,
    );

    // 共驻共建 / 双报到单位 registered to a community or grid, their resources and pairings with branches.
    await q.query(`
      CREATE TABLE cobuilding_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        grid_code varchar(15) CHECK (grid_code ~ '^[0-9]{15}$'),
        name varchar(100) NOT NULL,
        resources jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX cobuilding_unit_unit_name_key ON cobuilding_unit (unit_code, name)`);
    await q.query(
      `CREATE INDEX cobuilding_unit_unit_code_prefix_idx ON cobuilding_unit (unit_code varchar_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE cobuilding_pairing (
        cobuilding_unit_id uuid NOT NULL REFERENCES cobuilding_unit(id) ON DELETE CASCADE,
        branch_id uuid NOT NULL REFERENCES party_organization(id),
        since date NOT NULL,
        joint_activities text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (cobuilding_unit_id, branch_id)
      )`);
    await q.query(`CREATE INDEX cobuilding_pairing_branch_idx ON cobuilding_pairing (branch_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cobuilding_pairing`);
    await q.query(`DROP TABLE cobuilding_unit`);
    await q.query(`DROP TABLE council_topic`);
    await q.query(`DROP TABLE council_meeting`);
    await q.query(`DROP TABLE service_item`);
    await q.query(`DROP TABLE service_center`);
  }
}
