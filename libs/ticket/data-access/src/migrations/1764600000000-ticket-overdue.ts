import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether any of a ticket's clocks ran past its deadline: the on-time rate of the statistics. */
export class TicketOverdue1764600000000 implements MigrationInterface {
  name = 'TicketOverdue1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN overdue boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN overdue`);
  }
}
