import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgPartyLife1764300000000 implements MigrationInterface {
  name = 'OrgPartyLife1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // 设岗定责: posts for members without office, held by a member.
    await q.query(`
      CREATE TABLE party_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id uuid NOT NULL REFERENCES party_organization(id),
        kind varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        duties text NOT NULL,
        member_id uuid REFERENCES party_member(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX party_post_branch_idx ON party_post (branch_id)`);
    await q.query(`CREATE INDEX party_post_member_idx ON party_post (member_id) WHERE member_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE party_pledge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES party_member(id) ON DELETE CASCADE,
        content varchar(500) NOT NULL,
        pledged_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX party_pledge_member_idx ON party_pledge (member_id, pledged_on)`);

    // 三会一课: how often each kind of branch must hold each meeting; rows, so they can be configured.
    await q.query(`
      CREATE TABLE meeting_rule (
        branch_kind varchar(32) NOT NULL,
        meeting_kind varchar(32) NOT NULL,
        period varchar(16) NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'YEAR')),
        PRIMARY KEY (branch_kind, meeting_kind)
      )`);
    await q.query(`
      INSERT INTO meeting_rule (branch_kind, meeting_kind, period)
      SELECT k, m.kind, m.period
      FROM unnest(ARRAY['COMMUNITY', 'GRID', 'BUILDING', 'NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'AGENCY']) k,
           (VALUES ('MEMBERS_MEETING', 'QUARTER'), ('COMMITTEE_MEETING', 'MONTH'),
                   ('GROUP_MEETING', 'MONTH'), ('PARTY_LECTURE', 'QUARTER')) AS m(kind, period)`);

    await q.query(`
      CREATE TABLE party_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id uuid NOT NULL REFERENCES party_organization(id),
        kind varchar(32) NOT NULL,
        held_on date NOT NULL,
        attendance integer NOT NULL CHECK (attendance >= 0),
        absent integer NOT NULL DEFAULT 0 CHECK (absent >= 0),
        minutes text NOT NULL,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX party_meeting_branch_kind_idx ON party_meeting (branch_id, kind, held_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE party_meeting`);
    await q.query(`DROP TABLE meeting_rule`);
    await q.query(`DROP TABLE party_pledge`);
    await q.query(`DROP TABLE party_post`);
  }
}
