import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgPartySecretary1764600000000 implements MigrationInterface {
  name = 'OrgPartySecretary1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE party_organization ADD COLUMN secretary_member_id uuid REFERENCES party_member(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_organization DROP COLUMN secretary_member_id`);
  }
}
