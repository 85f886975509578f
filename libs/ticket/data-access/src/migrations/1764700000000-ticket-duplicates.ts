import { MigrationInterface, QueryRunner } from 'typeorm';

/** Likely duplicates: same category, reported within 72 hours, then a bounding box of ~100 m. */
export class TicketDuplicates1764700000000 implements MigrationInterface {
  name = 'TicketDuplicates1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ticket_category_reported_idx ON ticket (category_code, reported_at) WHERE latitude IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_category_reported_idx`);
  }
}
