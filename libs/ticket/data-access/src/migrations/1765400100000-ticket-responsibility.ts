import { MigrationInterface, QueryRunner } from 'typeorm';

/** Responsibility lists (责任清单): lead and cooperating departments per unit code prefix × category prefix. */
export class TicketResponsibility1765400100000 implements MigrationInterface {
  name = 'TicketResponsibility1765400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE responsibility_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(12) NOT NULL CHECK (unit_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
        category_prefix varchar(64) NOT NULL DEFAULT '',
        lead_department_id uuid NOT NULL,
        cooperating_department_ids uuid[] NOT NULL DEFAULT '{}',
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT lead_department_id = ANY (cooperating_department_ids))
      )`);
    // One line per unit × category; lookups walk a unit's prefixes, so the key leads with unit_code.
    await q.query(
      `CREATE UNIQUE INDEX responsibility_rule_key ON responsibility_rule (unit_code, category_prefix)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE responsibility_rule`);
  }
}
