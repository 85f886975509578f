import { MigrationInterface, QueryRunner } from 'typeorm';
import { categoryLineage, parentCategory } from '../catalogue/category-code';
import { INITIAL_CATEGORIES } from '../catalogue/ticket-category.data';

/**
 * The category catalogue and each ticket's extra fields. Tickets written before the catalogue keep
 * their codes: any code (and prefix) not in the initial catalogue is added disabled, so every
 * ticket names a catalogue entry and nobody reports under a code an admin never approved.
 */
export class TicketCatalogue1765400000000 implements MigrationInterface {
  name = 'TicketCatalogue1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_category (
        code varchar(64) PRIMARY KEY,
        parent_code varchar(64) REFERENCES ticket_category (code),
        name varchar(40) NOT NULL,
        default_mode varchar(16) NOT NULL CHECK (default_mode IN ('ONSITE', 'COORDINATED', 'EMERGENCY', 'PROXY')),
        attributes jsonb NOT NULL DEFAULT '[]',
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_code IS NULL OR code LIKE parent_code || '.%')
      )`);
    await q.query(`CREATE INDEX ticket_category_parent_idx ON ticket_category (parent_code)`);
    for (const [i, c] of INITIAL_CATEGORIES.entries()) {
      await q.query(
        `INSERT INTO ticket_category (code, parent_code, name, default_mode, attributes, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.code, parentCategory(c.code), c.name, c.defaultMode, JSON.stringify(c.attributes ?? []), i],
      );
    }
    const used = (await q.query(`SELECT DISTINCT category_code AS code FROM ticket`)) as { code: string }[];
    const legacy = [...new Set(used.flatMap(({ code }) => categoryLineage(code)))].sort();
    for (const code of legacy) {
      await q.query(
        `INSERT INTO ticket_category (code, parent_code, name, default_mode, active, sort_order)
         VALUES ($1, $2, $3, 'COORDINATED', false, 1000) ON CONFLICT (code) DO NOTHING`,
        [code, parentCategory(code), code.slice(0, 40)],
      );
    }
    await q.query(`ALTER TABLE ticket ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN attributes`);
    await q.query(`DROP TABLE ticket_category`);
  }
}
