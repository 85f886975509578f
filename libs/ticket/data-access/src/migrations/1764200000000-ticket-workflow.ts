import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow: who owns a ticket (首问负责), which unit handles it now (escalation moves it up),
 * the action of every timeline entry, and the dispatches to departments or grid workers.
 */
export class TicketWorkflow1764200000000 implements MigrationInterface {
  name = 'TicketWorkflow1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket
        ADD COLUMN owner_account_id uuid,
        ADD COLUMN handling_unit_code varchar(12),
        ADD COLUMN suspended_from varchar(16),
        ADD COLUMN satisfaction varchar(24)
          CHECK (satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
        ADD COLUMN merged_into_id uuid REFERENCES ticket(id),
        ADD COLUMN rework_count integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE ticket SET handling_unit_code = admin_unit_code`);
    await q.query(`
      ALTER TABLE ticket
        ALTER COLUMN handling_unit_code SET NOT NULL,
        ADD CHECK (handling_unit_code ~ '^[0-9]{2,12}$' AND admin_unit_code LIKE handling_unit_code || '%')`);

    await q.query(`ALTER TABLE ticket_event ADD COLUMN action varchar(16) NOT NULL DEFAULT 'REPORT'`);

    // A dispatch goes to a department (lead or cooperating) or to one grid worker's account.
    await q.query(`
      CREATE TABLE ticket_dispatch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket(id),
        department_id uuid,
        account_id uuid,
        role varchar(12) NOT NULL CHECK (role IN ('LEAD', 'COOPERATING')),
        status varchar(12) NOT NULL CHECK (status IN ('ACTIVE', 'RETURNED', 'WITHDRAWN')),
        returned_reason text,
        dispatched_by uuid NOT NULL,
        dispatched_at timestamptz(3) NOT NULL,
        CHECK ((department_id IS NULL) <> (account_id IS NULL)),
        CHECK ((status = 'RETURNED') = (returned_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ticket_dispatch_ticket_idx ON ticket_dispatch (ticket_id)`);
    // A department's tickets (Department.tickets, handler visibility).
    await q.query(
      `CREATE INDEX ticket_dispatch_department_idx ON ticket_dispatch (department_id, ticket_id) WHERE department_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ticket_dispatch_account_idx ON ticket_dispatch (account_id, ticket_id) WHERE account_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_dispatch`);
    await q.query(`ALTER TABLE ticket_event DROP COLUMN action`);
    await q.query(`
      ALTER TABLE ticket
        DROP COLUMN owner_account_id, DROP COLUMN handling_unit_code, DROP COLUMN suspended_from,
        DROP COLUMN satisfaction, DROP COLUMN merged_into_id, DROP COLUMN rework_count`);
  }
}
