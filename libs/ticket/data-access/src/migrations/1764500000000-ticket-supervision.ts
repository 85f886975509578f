import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leader supervision (督办): an opinion on a ticket and the handler's reply; a supervised ticket is RED. */
export class TicketSupervision1764500000000 implements MigrationInterface {
  name = 'TicketSupervision1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN supervised boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE ticket_supervision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket(id),
        leader_id uuid NOT NULL,
        opinion text NOT NULL CHECK (length(opinion) BETWEEN 1 AND 2000),
        created_at timestamptz(3) NOT NULL,
        reply text CHECK (length(reply) <= 2000),
        replied_by uuid,
        replied_at timestamptz(3),
        CHECK ((reply IS NULL) = (replied_at IS NULL))
      )`);
    await q.query(`CREATE INDEX ticket_supervision_ticket_idx ON ticket_supervision (ticket_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_supervision`);
    await q.query(`ALTER TABLE ticket DROP COLUMN supervised`);
  }
}
