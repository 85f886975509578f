import { MigrationInterface, QueryRunner } from 'typeorm';

/** A mobile member's contact branch (流入地党组织) sees them: its unit is kept on the member, like the branch's. */
export class OrgMobileContactScope1765600100000 implements MigrationInterface {
  name = 'OrgMobileContactScope1765600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_member ADD COLUMN mobile_contact_unit_code varchar(12)`);
    await q.query(`
      UPDATE party_member m SET mobile_contact_unit_code = o.unit_code
        FROM party_organization o WHERE o.id = m.mobile_contact_branch_id`);
    await q.query(`
      ALTER TABLE party_member ADD CONSTRAINT party_member_mobile_contact_check
        CHECK ((mobile_contact_branch_id IS NULL) = (mobile_contact_unit_code IS NULL))`);
    await q.query(`
      CREATE INDEX party_member_mobile_contact_idx ON party_member (mobile_contact_branch_id, name, id)
        WHERE mobile_contact_branch_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX party_member_mobile_contact_idx`);
    await q.query(`ALTER TABLE party_member DROP COLUMN mobile_contact_unit_code`);
  }
}
