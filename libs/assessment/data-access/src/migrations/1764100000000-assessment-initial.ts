import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentInitial1764100000000 implements MigrationInterface {
  name = 'AssessmentInitial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_scheme (
        id uuid PRIMARY KEY,
        lineage_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        name varchar(100) NOT NULL,
        subject_kind varchar(16) NOT NULL
          CHECK (subject_kind IN ('GRID_WORKER', 'COMMUNITY', 'STREET', 'DEPARTMENT', 'PARTY_BRANCH', 'PARTY_MEMBER')),
        period_kind varchar(8) NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
        total_scale smallint NOT NULL CHECK (total_scale IN (100, 1000)),
        owner_unit_code varchar(12) NOT NULL CHECK (owner_unit_code ~ '^[0-9]{2,12}$'),
        star_thresholds jsonb CHECK (jsonb_typeof(star_thresholds) = 'array'),
        card_thresholds jsonb CHECK (jsonb_typeof(card_thresholds) = 'object'),
        is_public boolean NOT NULL DEFAULT false,
        status varchar(8) NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE')),
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX assessment_scheme_lineage_version_key ON assessment_scheme (lineage_id, version)`,
    );
    // A second scheme with the same name in the same unit would be a new version, not a new lineage.
    await q.query(
      `CREATE UNIQUE INDEX assessment_scheme_owner_name_version_key ON assessment_scheme (owner_unit_code, lower(name), version)`,
    );
    // Scope filters: owner_unit_code LIKE '520303%' and owner_unit_code IN (ancestors of the caller's scope).
    await q.query(
      `CREATE INDEX assessment_scheme_owner_prefix_idx ON assessment_scheme (owner_unit_code varchar_pattern_ops)`,
    );
    // List filters, in the list's order (newest first).
    await q.query(
      `CREATE INDEX assessment_scheme_kinds_idx ON assessment_scheme (subject_kind, period_kind, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX assessment_scheme_created_idx ON assessment_scheme (created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE assessment_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id) ON DELETE CASCADE,
        code varchar(40) NOT NULL,
        name varchar(100) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('AUTOMATIC', 'MANUAL')),
        source_metric varchar(64),
        weight numeric(5, 2) NOT NULL CHECK (weight > 0 AND weight <= 100),
        position smallint NOT NULL CHECK (position >= 1),
        CHECK ((kind = 'AUTOMATIC') = (source_metric IS NOT NULL))
      )`);
    // Also the scheme_id index: indicators are always read per scheme, in position order.
    await q.query(
      `CREATE UNIQUE INDEX assessment_indicator_scheme_position_key ON assessment_indicator (scheme_id, position)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX assessment_indicator_scheme_code_key ON assessment_indicator (scheme_id, lower(code))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_indicator`);
    await q.query(`DROP TABLE assessment_scheme`);
  }
}
