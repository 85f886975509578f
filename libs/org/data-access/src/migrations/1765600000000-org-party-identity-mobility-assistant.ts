import { MigrationInterface, QueryRunner } from 'typeorm';

/** 亮身份 display choice, 流动党员 whereabouts, and the member serving as a grid's party assistant (网格助理). */
export class OrgPartyIdentityMobilityAssistant1765600000000 implements MigrationInterface {
  name = 'OrgPartyIdentityMobilityAssistant1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE party_member
        ADD COLUMN identity_display varchar(8) NOT NULL DEFAULT 'HIDDEN'
          CHECK (identity_display IN ('HIDDEN', 'MASKED', 'FULL')),
        ADD COLUMN mobile_location varchar(200),
        ADD COLUMN mobile_since date,
        ADD COLUMN mobile_contact_branch_id uuid REFERENCES party_organization(id),
        ADD CONSTRAINT party_member_mobility_check
          CHECK (mobile OR (mobile_location IS NULL AND mobile_since IS NULL AND mobile_contact_branch_id IS NULL))`);
    // The public board lists only members who chose to show their identity.
    await q.query(`
      CREATE INDEX party_member_identity_idx ON party_member (unit_code varchar_pattern_ops, created_at, id)
        WHERE identity_display <> 'HIDDEN'`);
    await q.query(`
      ALTER TABLE party_branch_grid
        ADD COLUMN assistant_member_id uuid REFERENCES party_member(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE INDEX party_branch_grid_assistant_idx ON party_branch_grid (assistant_member_id)
        WHERE assistant_member_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_branch_grid DROP COLUMN assistant_member_id`);
    await q.query(`DROP INDEX party_member_identity_idx`);
    await q.query(`
      ALTER TABLE party_member
        DROP CONSTRAINT party_member_mobility_check,
        DROP COLUMN mobile_contact_branch_id,
        DROP COLUMN mobile_since,
        DROP COLUMN mobile_location,
        DROP COLUMN identity_display`);
  }
}
