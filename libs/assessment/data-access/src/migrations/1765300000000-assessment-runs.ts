import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rules as data, manual indicator sources, runs with immutable result snapshots, reviews and surveys. */
export class AssessmentRuns1765300000000 implements MigrationInterface {
  name = 'AssessmentRuns1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE assessment_scheme ADD COLUMN rules jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rules) = 'array')`,
    );
    await q.query(`
      ALTER TABLE assessment_indicator ADD COLUMN manual_source varchar(16)
        CHECK (manual_source IN ('SURVEY', 'PEER_REVIEW', 'SECRETARY_REVIEW', 'LEADER_REVIEW'))`);
    await q.query(`UPDATE assessment_indicator SET manual_source = 'SECRETARY_REVIEW' WHERE kind = 'MANUAL'`);
    await q.query(
      `ALTER TABLE assessment_indicator ADD CONSTRAINT assessment_indicator_manual_kind_check
         CHECK ((kind = 'MANUAL') = (manual_source IS NOT NULL))`,
    );

    await q.query(`
      CREATE TABLE assessment_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id),
        period varchar(7) NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        subject_count int NOT NULL,
        started_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Also the lookup of the latest version of a scheme's period.
    await q.query(
      `CREATE UNIQUE INDEX assessment_run_scheme_period_version_key ON assessment_run (scheme_id, period, version DESC)`,
    );

    await q.query(`
      CREATE TABLE assessment_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES assessment_run(id),
        scheme_id uuid NOT NULL,
        period varchar(7) NOT NULL,
        version int NOT NULL,
        subject_kind varchar(16) NOT NULL,
        subject_id varchar(64) NOT NULL,
        subject_unit_code varchar(15) NOT NULL,
        rank_unit_code varchar(15) NOT NULL,
        rank_in_unit int NOT NULL,
        total numeric(8, 2) NOT NULL,
        stars smallint,
        card varchar(8),
        advanced_eligible boolean NOT NULL,
        flags text[] NOT NULL,
        fired_rules jsonb NOT NULL,
        inputs jsonb NOT NULL,
        indicators jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX assessment_result_run_rank_idx ON assessment_result (run_id, rank_unit_code, rank_in_unit)`,
    );
    await q.query(
      `CREATE INDEX assessment_result_subject_idx ON assessment_result (subject_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX assessment_result_unit_idx ON assessment_result (subject_unit_code varchar_pattern_ops)`,
    );
    // Snapshots: a result is never changed or removed; a re-run writes a new version.
    await q.query(`
      CREATE FUNCTION assessment_result_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'assessment results are immutable snapshots; run the period again for a new version';
      END $$`);
    await q.query(`
      CREATE TRIGGER assessment_result_immutable BEFORE UPDATE OR DELETE ON assessment_result
        FOR EACH ROW EXECUTE FUNCTION assessment_result_immutable()`);

    await q.query(`
      CREATE TABLE assessment_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id),
        indicator_code varchar(40) NOT NULL,
        period varchar(7) NOT NULL,
        subject_id varchar(64) NOT NULL,
        subject_unit_code varchar(15) NOT NULL,
        reviewer_id uuid NOT NULL,
        score numeric(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
        comment varchar(500) NOT NULL DEFAULT '',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One score per reviewer, subject and indicator; entering it again replaces it until the run.
    await q.query(`
      CREATE UNIQUE INDEX assessment_review_key
        ON assessment_review (scheme_id, period, indicator_code, subject_id, reviewer_id)`);

    await q.query(`
      CREATE TABLE assessment_survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id),
        indicator_code varchar(40) NOT NULL,
        period varchar(7) NOT NULL,
        subject_id varchar(64) NOT NULL,
        subject_unit_code varchar(15) NOT NULL,
        grid_code varchar(15) NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX assessment_survey_subject_idx ON assessment_survey (scheme_id, period, indicator_code, subject_id)`,
    );
    // Only the token's SHA-256 is kept: the token itself is handed out once.
    await q.query(`
      CREATE TABLE assessment_survey_token (
        token_hash bytea PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES assessment_survey(id),
        resident_id uuid NOT NULL,
        score smallint CHECK (score >= 0 AND score <= 100),
        answered_at timestamptz(3),
        CHECK ((score IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX assessment_survey_token_survey_idx ON assessment_survey_token (survey_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_survey_token`);
    await q.query(`DROP TABLE assessment_survey`);
    await q.query(`DROP TABLE assessment_review`);
    await q.query(`DROP TABLE assessment_result`);
    await q.query(`DROP FUNCTION assessment_result_immutable`);
    await q.query(`DROP TABLE assessment_run`);
    await q.query(`ALTER TABLE assessment_indicator DROP CONSTRAINT assessment_indicator_manual_kind_check`);
    await q.query(`ALTER TABLE assessment_indicator DROP COLUMN manual_source`);
    await q.query(`ALTER TABLE assessment_scheme DROP COLUMN rules`);
  }
}
