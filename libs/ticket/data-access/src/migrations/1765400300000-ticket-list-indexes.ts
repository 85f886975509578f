import { MigrationInterface, QueryRunner } from 'typeorm';

/** `Household.tickets`: a household's tickets newest first. */
export class TicketListIndexes1765400300000 implements MigrationInterface {
  name = 'TicketListIndexes1765400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ticket_household_idx ON ticket (household_id, reported_at DESC, id DESC) WHERE household_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_household_idx`);
  }
}
