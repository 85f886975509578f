import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgVolunteersAndInbox1764400000000 implements MigrationInterface {
  name = 'OrgVolunteersAndInbox1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer_team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX volunteer_team_unit_name_key ON volunteer_team (unit_code, name)`);
    await q.query(
      `CREATE INDEX volunteer_team_unit_code_prefix_idx ON volunteer_team (unit_code varchar_pattern_ops)`,
    );

    // unit_code repeats the team's unit so scoped lists filter without a join.
    await q.query(`
      CREATE TABLE volunteer_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES volunteer_team(id),
        unit_code varchar(12) NOT NULL,
        title varchar(100) NOT NULL,
        place varchar(200) NOT NULL,
        grid_code varchar(15) CHECK (grid_code ~ '^[0-9]{15}$'),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(
      `CREATE INDEX volunteer_activity_unit_start_idx ON volunteer_activity (unit_code varchar_pattern_ops, starts_at)`,
    );
    await q.query(`CREATE INDEX volunteer_activity_team_idx ON volunteer_activity (team_id, starts_at)`);
    await q.query(
      `CREATE INDEX volunteer_activity_grid_idx ON volunteer_activity (grid_code) WHERE grid_code IS NOT NULL`,
    );

    // A volunteer is a party member or a resident (grid-service's id) or just a named person.
    await q.query(`
      CREATE TABLE volunteer_signup (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES volunteer_activity(id) ON DELETE CASCADE,
        name varchar(50) NOT NULL,
        party_member_id uuid REFERENCES party_member(id),
        resident_id uuid,
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        service_minutes integer CHECK (service_minutes >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (checked_out_at IS NULL OR checked_out_at > checked_in_at)
      )`);
    await q.query(`CREATE INDEX volunteer_signup_activity_idx ON volunteer_signup (activity_id)`);
    await q.query(
      `CREATE UNIQUE INDEX volunteer_signup_member_key ON volunteer_signup (activity_id, party_member_id) WHERE party_member_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX volunteer_signup_resident_key ON volunteer_signup (activity_id, resident_id) WHERE resident_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX volunteer_signup_member_idx ON volunteer_signup (party_member_id) WHERE party_member_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX volunteer_signup_resident_idx ON volunteer_signup (resident_id) WHERE resident_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        link varchar(500),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_account_created_idx ON notification (account_id, created_at)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE volunteer_signup`);
    await q.query(`DROP TABLE volunteer_activity`);
    await q.query(`DROP TABLE volunteer_team`);
  }
}
