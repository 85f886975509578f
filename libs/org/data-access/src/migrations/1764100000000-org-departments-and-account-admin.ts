import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgDepartmentsAndAccountAdmin1764100000000 implements MigrationInterface {
  name = 'OrgDepartmentsAndAccountAdmin1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        name varchar(100) NOT NULL,
        kind varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX department_unit_name_key ON department (unit_code, name)`);
    await q.query(
      `CREATE INDEX department_unit_code_prefix_idx ON department (unit_code varchar_pattern_ops)`,
    );

    // The scope that manages an account (disable, reset password); '' for platform-managed accounts.
    await q.query(`ALTER TABLE account ADD COLUMN managed_at varchar(15) NOT NULL DEFAULT ''`);
    await q.query(`CREATE INDEX account_managed_at_prefix_idx ON account (managed_at varchar_pattern_ops)`);
    await q.query(
      `CREATE INDEX role_grant_department_id_idx ON role_grant (department_id) WHERE department_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE account_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        action varchar(32) NOT NULL,
        scope_code varchar(15) NOT NULL,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX account_audit_scope_idx ON account_audit (scope_code varchar_pattern_ops, at)`,
    );
    await q.query(`CREATE INDEX account_audit_account_idx ON account_audit (account_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_audit`);
    await q.query(`DROP INDEX role_grant_department_id_idx`);
    await q.query(`ALTER TABLE account DROP COLUMN managed_at`);
    await q.query(`DROP TABLE department`);
  }
}
