import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs with their progress, and what makes bulk imports fast: a household's head may be written after the household within one transaction. */
export class GridImportJobs1765500000000 implements MigrationInterface {
  name = 'GridImportJobs1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE household ALTER CONSTRAINT household_head_resident_id_fkey DEFERRABLE INITIALLY IMMEDIATE`,
    );
    // Most people carry no tag: indexing only tagged rows keeps bulk imports fast (queries add `tag_codes <> '{}'`).
    await q.query(`DROP INDEX resident_tag_codes_idx`);
    await q.query(
      `CREATE INDEX resident_tag_codes_idx ON resident USING gin (tag_codes) WHERE tag_codes <> '{}'`,
    );
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        format varchar(8) NOT NULL CHECK (format IN ('CSV', 'XLSX')),
        dry_run boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('QUEUED', 'CHECKING', 'WRITING', 'DONE', 'FAILED')),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        report jsonb,
        failure varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "My recent imports".
    await q.query(`CREATE INDEX import_job_account_idx ON import_job (account_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
    await q.query(`DROP INDEX resident_tag_codes_idx`);
    await q.query(`CREATE INDEX resident_tag_codes_idx ON resident USING gin (tag_codes)`);
    await q.query(`ALTER TABLE household ALTER CONSTRAINT household_head_resident_id_fkey NOT DEFERRABLE`);
  }
}
