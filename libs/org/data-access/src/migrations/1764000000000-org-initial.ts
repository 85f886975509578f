import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgInitial1764000000000 implements MigrationInterface {
  name = 'OrgInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(12) NOT NULL CHECK (code ~ '^[0-9]{12}$'),
        name varchar(100) NOT NULL,
        level varchar(16) NOT NULL,
        rural boolean NOT NULL DEFAULT false,
        parent_id uuid REFERENCES admin_unit(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX admin_unit_code_key ON admin_unit (code)`);
    // Prefix scans (code LIKE '520303%') for scope filters.
    await q.query(`CREATE INDEX admin_unit_code_prefix_idx ON admin_unit (code varchar_pattern_ops)`);
    await q.query(`CREATE INDEX admin_unit_parent_id_idx ON admin_unit (parent_id, code)`);
    await q.query(`CREATE INDEX admin_unit_name_idx ON admin_unit (lower(name) varchar_pattern_ops)`);

    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(100) NOT NULL,
        password_hash varchar(200),
        disabled boolean NOT NULL DEFAULT false,
        external_issuer varchar(200),
        external_subject varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_username_key ON account (lower(username))`);
    await q.query(
      `CREATE UNIQUE INDEX account_external_subject_key ON account (external_issuer, external_subject) WHERE external_subject IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE role_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        role varchar(32) NOT NULL,
        scope_code varchar(15),
        department_id uuid,
        granted_by uuid,
        granted_at timestamptz NOT NULL DEFAULT now(),
        CHECK (scope_code IS NOT NULL OR department_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX role_grant_unique_key ON role_grant (account_id, role, scope_code, department_id) NULLS NOT DISTINCT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE role_grant`);
    await q.query(`DROP TABLE account`);
    await q.query(`DROP TABLE admin_unit`);
  }
}
