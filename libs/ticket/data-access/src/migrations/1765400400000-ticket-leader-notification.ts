import { MigrationInterface, QueryRunner } from 'typeorm';

const CLOCK_KINDS = `'START_ACCEPT', 'START_RESOLVE', 'START_VERIFY', 'PAUSE', 'RESUME', 'STOP'`;

/** The outbox also carries notifications (leaders of the district on an EMERGENCY report). */
export class TicketLeaderNotification1765400400000 implements MigrationInterface {
  name = 'TicketLeaderNotification1765400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_outbox DROP CONSTRAINT ticket_outbox_kind_check`);
    await q.query(
      `ALTER TABLE ticket_outbox ADD CONSTRAINT ticket_outbox_kind_check CHECK (kind IN (${CLOCK_KINDS}, 'NOTIFY_LEADERS'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM ticket_outbox WHERE kind = 'NOTIFY_LEADERS'`);
    await q.query(`ALTER TABLE ticket_outbox DROP CONSTRAINT ticket_outbox_kind_check`);
    await q.query(
      `ALTER TABLE ticket_outbox ADD CONSTRAINT ticket_outbox_kind_check CHECK (kind IN (${CLOCK_KINDS}))`,
    );
  }
}
