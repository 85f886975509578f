import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the ticket worker needs beyond the clock: per policy, whether RED escalates on its own and
 * when an unrated VERIFIED ticket gets a rating reminder and is closed; and a ledger of applied
 * timers, so a timer run twice (a worker killed mid-job) moves the colour and notifies once.
 */
export class TicketTimers1765100000000 implements MigrationInterface {
  name = 'TicketTimers1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sla_policy
        ADD COLUMN escalate_on_red boolean NOT NULL DEFAULT false,
        ADD COLUMN rating_reminder_days integer NOT NULL DEFAULT 3 CHECK (rating_reminder_days > 0),
        ADD COLUMN auto_close_days integer NOT NULL DEFAULT 7 CHECK (auto_close_days > 0)`);
    await q.query(`
      CREATE TABLE ticket_timer_fired (
        job_id varchar(120) PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket(id),
        fired_at timestamptz(3) NOT NULL,
        notified_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX ticket_timer_fired_ticket_idx ON ticket_timer_fired (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_timer_fired`);
    await q.query(
      `ALTER TABLE sla_policy DROP COLUMN escalate_on_red, DROP COLUMN rating_reminder_days, DROP COLUMN auto_close_days`,
    );
  }
}
