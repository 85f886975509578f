import { MigrationInterface, QueryRunner } from 'typeorm';

/** Buildings, houses, households, residents, the tag catalogue and the personal-data access log. */
export class GridHouseholds1764200000000 implements MigrationInterface {
  name = 'GridHouseholds1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE building (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        grid_id uuid NOT NULL REFERENCES grid(id),
        grid_code varchar(15) NOT NULL,
        name varchar(100) NOT NULL,
        address varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('RESIDENTIAL', 'COMMERCIAL', 'MIXED', 'BUNGALOW', 'OTHER')),
        longitude double precision,
        latitude double precision,
        floors smallint NOT NULL CHECK (floors BETWEEN 1 AND 200),
        units smallint NOT NULL CHECK (units BETWEEN 1 AND 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX building_code_key ON building (code)`);
    await q.query(`CREATE INDEX building_grid_code_idx ON building (grid_code varchar_pattern_ops, code)`);

    await q.query(`
      CREATE TABLE house (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        building_id uuid NOT NULL REFERENCES building(id),
        grid_code varchar(15) NOT NULL,
        unit smallint NOT NULL CHECK (unit >= 1),
        floor smallint NOT NULL,
        number varchar(20) NOT NULL,
        use varchar(16) NOT NULL CHECK (use IN ('OWNER_OCCUPIED', 'RENTED', 'VACANT', 'COMMERCIAL')),
        area numeric(8, 2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Natural key of a house; also serves "houses of a building in floor order" lookups.
    await q.query(`CREATE UNIQUE INDEX house_building_unit_number_key ON house (building_id, unit, number)`);
    await q.query(`CREATE INDEX house_grid_code_idx ON house (grid_code varchar_pattern_ops)`);

    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        house_id uuid NOT NULL REFERENCES house(id),
        grid_code varchar(15) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('REGISTERED', 'TENANT')),
        head_resident_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX household_house_id_idx ON household (house_id)`);
    await q.query(`CREATE INDEX household_grid_code_idx ON household (grid_code varchar_pattern_ops)`);
    // A person heads at most one household.
    await q.query(`CREATE UNIQUE INDEX household_head_resident_id_key ON household (head_resident_id)`);

    await q.query(`
      CREATE TABLE resident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grid_code varchar(15) NOT NULL,
        household_id uuid REFERENCES household(id),
        relation_to_head varchar(16) CHECK (relation_to_head IN
          ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'OTHER')),
        name varchar(50) NOT NULL,
        gender varchar(8) NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        id_number_cipher bytea NOT NULL,
        id_number_hash bytea NOT NULL,
        id_number_masked varchar(18) NOT NULL,
        phone varchar(20),
        population varchar(16) NOT NULL CHECK (population IN ('REGISTERED', 'FLOATING')),
        employment varchar(20),
        education varchar(20),
        tag_codes varchar(32)[] NOT NULL DEFAULT '{}',
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exact lookup by keyed hash of the ID number: never LIKE on personal data.
    await q.query(`CREATE UNIQUE INDEX resident_id_number_hash_key ON resident (id_number_hash)`);
    await q.query(`CREATE INDEX resident_household_id_idx ON resident (household_id)`);
    await q.query(`CREATE INDEX resident_grid_code_idx ON resident (grid_code varchar_pattern_ops)`);
    await q.query(`CREATE INDEX resident_tag_codes_idx ON resident USING gin (tag_codes)`);
    await q.query(
      `ALTER TABLE household ADD CONSTRAINT household_head_resident_id_fkey FOREIGN KEY (head_resident_id) REFERENCES resident(id)`,
    );

    await q.query(`
      CREATE TABLE tag (
        code varchar(32) PRIMARY KEY,
        name varchar(50) NOT NULL,
        sensitive boolean NOT NULL,
        visit_interval_days smallint CHECK (visit_interval_days > 0),
        derived boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      INSERT INTO tag (code, name, sensitive, visit_interval_days, derived) VALUES
        ('ELDERLY', '老年人(60岁以上)', false, NULL, true),
        ('ELDERLY_ALONE', '独居老人', false, 7, false),
        ('DISABLED', '残疾人', false, 30, false),
        ('LOW_INCOME', '低保户', false, 30, false),
        ('SPECIAL_CARE', '优抚对象', true, 30, false),
        ('FAMILY_PLANNING', '计生服务对象', false, NULL, false),
        ('AID_RECIPIENT', '救助对象', false, 30, false),
        ('RELEASED_PRISONER', '刑满释放人员', true, 30, false),
        ('COMMUNITY_CORRECTION', '社区矫正人员', true, 7, false),
        ('SEVERE_MENTAL_ILLNESS', '严重精神障碍患者', true, 7, false),
        ('DRUG_USER', '吸毒人员', true, 7, false)`);

    await q.query(`
      CREATE TABLE personal_data_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        resident_id uuid NOT NULL REFERENCES resident(id),
        grid_code varchar(15) NOT NULL,
        fields varchar(32)[] NOT NULL,
        reason varchar(200),
        accessed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An admin reads the log of its scope newest first.
    await q.query(
      `CREATE INDEX personal_data_access_scope_idx ON personal_data_access (grid_code varchar_pattern_ops, accessed_at DESC)`,
    );
    await q.query(
      `CREATE INDEX personal_data_access_resident_idx ON personal_data_access (resident_id, accessed_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data_access`);
    await q.query(`DROP TABLE tag`);
    await q.query(`ALTER TABLE household DROP CONSTRAINT household_head_resident_id_fkey`);
    await q.query(`DROP TABLE resident`);
    await q.query(`DROP TABLE household`);
    await q.query(`DROP TABLE house`);
    await q.query(`DROP TABLE building`);
  }
}
