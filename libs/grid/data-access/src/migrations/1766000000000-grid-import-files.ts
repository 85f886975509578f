import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable imports: the uploaded file waits in `import_file` (deleted when its job ends: it holds
 * personal data) and the job keeps its starter's grants, so a worker of any replica can run it.
 */
export class GridImportFiles1766000000000 implements MigrationInterface {
  name = 'GridImportFiles1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN grants jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      CREATE TABLE import_file (
        job_id uuid PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
    // Jobs of the in-process runner that a restart cut off can never finish: say so instead of hanging.
    await q.query(`
      UPDATE import_job SET status = 'FAILED',
        failure = 'the import was interrupted by a restart of the service; nothing was written, start it again'
      WHERE status NOT IN ('DONE', 'FAILED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_file`);
    await q.query(`ALTER TABLE import_job DROP COLUMN grants`);
  }
}
