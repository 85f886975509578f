import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each clock remembers how long it stood still, so an SLA policy change re-times it from its start and keeps the pauses. */
export class TicketSlaAdmin1765400200000 implements MigrationInterface {
  name = 'TicketSlaAdmin1765400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN clock_paused_ms double precision NOT NULL DEFAULT 0`);
    // Clocks resumed before this column existed count as never paused if a policy change re-times them.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN clock_paused_ms`);
  }
}
