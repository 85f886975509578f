import { MigrationInterface, QueryRunner } from 'typeorm';

/** What intake reads: a change to any of them makes every process's cached copy stale. */
const INTAKE_TABLES = ['ticket_category', 'sla_policy', 'working_calendar'];

/**
 * One version row for the reference data intake caches (categories, SLA policies, calendar),
 * bumped by a trigger in the transaction of every write to them — whoever writes (services,
 * migrations, psql). Intake's insert proceeds only if the version it cached from is still current.
 */
export class TicketIntakeConfigVersion1766600000000 implements MigrationInterface {
  name = 'TicketIntakeConfigVersion1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_config_version (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      )`);
    await q.query(`INSERT INTO ticket_config_version (version) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION ticket_config_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_config_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of INTAKE_TABLES)
      await q.query(
        `CREATE TRIGGER ${table}_config_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION ticket_config_version_bump()`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of INTAKE_TABLES) await q.query(`DROP TRIGGER ${table}_config_version ON ${table}`);
    await q.query(`DROP FUNCTION ticket_config_version_bump()`);
    await q.query(`DROP TABLE ticket_config_version`);
  }
}
