import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit of configuration changes (SLA policies, calendar, catalogue, responsibility lists). */
export class TicketConfigAudit1766500000000 implements MigrationInterface {
  name = 'TicketConfigAudit1766500000000';

  async up(q: QueryRunner): Promise<void> {
    // `at` in milliseconds, as a page cursor carries it: a finer time could skip rows between pages.
    await q.query(`
      CREATE TABLE ticket_config_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL,
        kind varchar(32) NOT NULL,
        key varchar(80) NOT NULL,
        scope_code varchar(15) NOT NULL,
        before jsonb,
        after jsonb,
        effects jsonb,
        at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Read newest first (keyset on at, id), optionally by kind or within a scope prefix.
    await q.query(`CREATE INDEX ticket_config_audit_at_idx ON ticket_config_audit (at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX ticket_config_audit_kind_idx ON ticket_config_audit (kind, at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ticket_config_audit_scope_idx ON ticket_config_audit (scope_code varchar_pattern_ops, at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_config_audit`);
  }
}
