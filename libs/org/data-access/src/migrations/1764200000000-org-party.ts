import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgParty1764200000000 implements MigrationInterface {
  name = 'OrgParty1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE party_organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        parent_id uuid REFERENCES party_organization(id),
        level varchar(16) NOT NULL,
        kind varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX party_organization_unit_name_key ON party_organization (unit_code, name)`,
    );
    await q.query(
      `CREATE INDEX party_organization_unit_code_prefix_idx ON party_organization (unit_code varchar_pattern_ops)`,
    );
    await q.query(`CREATE INDEX party_organization_parent_id_idx ON party_organization (parent_id)`);

    // "The branch is built on the grid": a branch may cover several grids.
    await q.query(`
      CREATE TABLE party_branch_grid (
        organization_id uuid NOT NULL REFERENCES party_organization(id) ON DELETE CASCADE,
        grid_code varchar(15) NOT NULL CHECK (grid_code ~ '^[0-9]{15}$'),
        PRIMARY KEY (organization_id, grid_code)
      )`);
    await q.query(`CREATE INDEX party_branch_grid_grid_code_idx ON party_branch_grid (grid_code)`);

    // unit_code repeats the branch's unit so scoped lists filter without a join.
    await q.query(`
      CREATE TABLE party_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id uuid NOT NULL REFERENCES party_organization(id),
        unit_code varchar(12) NOT NULL,
        name varchar(50) NOT NULL,
        status varchar(16) NOT NULL,
        joined_on date NOT NULL,
        full_member_on date,
        resident_id uuid,
        mobile boolean NOT NULL DEFAULT false,
        in_service boolean NOT NULL DEFAULT false,
        work_unit varchar(100),
        registered_unit_code varchar(12),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status IN ('FULL', 'PROBATIONARY')),
        CHECK (NOT in_service OR (work_unit IS NOT NULL AND registered_unit_code IS NOT NULL))
      )`);
    // One person, one branch: a resident can be a member only once.
    await q.query(
      `CREATE UNIQUE INDEX party_member_resident_id_key ON party_member (resident_id) WHERE resident_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX party_member_unit_name_idx ON party_member (unit_code varchar_pattern_ops, name, id)`,
    );
    await q.query(`CREATE INDEX party_member_name_idx ON party_member (name, id)`);
    await q.query(`CREATE INDEX party_member_branch_idx ON party_member (branch_id, name, id)`);
    await q.query(
      `CREATE INDEX party_member_registered_idx ON party_member (registered_unit_code) WHERE in_service`,
    );

    await q.query(`
      CREATE TABLE party_member_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES party_member(id) ON DELETE CASCADE,
        from_branch_id uuid NOT NULL REFERENCES party_organization(id),
        to_branch_id uuid NOT NULL REFERENCES party_organization(id),
        reason varchar(200),
        transferred_by uuid NOT NULL,
        transferred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_branch_id <> to_branch_id)
      )`);
    await q.query(
      `CREATE INDEX party_member_transfer_member_idx ON party_member_transfer (member_id, transferred_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE party_member_transfer`);
    await q.query(`DROP TABLE party_member`);
    await q.query(`DROP TABLE party_branch_grid`);
    await q.query(`DROP TABLE party_organization`);
  }
}
