import { MigrationInterface, QueryRunner } from 'typeorm';
import { calendarExceptions } from '../sla/sla-policy';
import { PUBLISHED_CALENDAR } from '../sla/working-calendar.data';

/**
 * SLA policies, the working calendar and each ticket's running clock. The deadline and the
 * warning and red instants are stored with the clock, so the colour is a comparison with now on
 * read and the deadline worker can index them.
 */
export class TicketSla1764400000000 implements MigrationInterface {
  name = 'TicketSla1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_calendar (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        name varchar(40)
      )`);
    // The published 2026 arrangement (see working-calendar.data.ts); later years come as data edits.
    for (const { day, working } of calendarExceptions(PUBLISHED_CALENDAR)) {
      await q.query(`INSERT INTO working_calendar (day, working) VALUES ($1, $2)`, [day, working]);
    }

    await q.query(`
      CREATE TABLE sla_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category_prefix varchar(64) NOT NULL DEFAULT '',
        mode varchar(16) NOT NULL CHECK (mode IN ('ONSITE', 'COORDINATED', 'EMERGENCY', 'PROXY')),
        unit_level varchar(12) NOT NULL CHECK (unit_level IN ('COMMUNITY', 'STREET', 'DISTRICT', 'CITY')),
        accept_amount integer NOT NULL CHECK (accept_amount > 0),
        accept_unit varchar(16) NOT NULL CHECK (accept_unit IN ('MINUTES', 'HOURS', 'WORKING_DAYS')),
        resolve_amount integer NOT NULL CHECK (resolve_amount > 0),
        resolve_unit varchar(16) NOT NULL CHECK (resolve_unit IN ('MINUTES', 'HOURS', 'WORKING_DAYS')),
        verify_amount integer NOT NULL CHECK (verify_amount > 0),
        verify_unit varchar(16) NOT NULL CHECK (verify_unit IN ('MINUTES', 'HOURS', 'WORKING_DAYS')),
        warning_ratio numeric(4, 3) NOT NULL DEFAULT 0.667 CHECK (warning_ratio > 0 AND warning_ratio < 1),
        red_after_minutes integer NOT NULL DEFAULT 1440 CHECK (red_after_minutes >= 0)
      )`);
    // The most specific policy wins: lookups are by (mode, unit_level), then the longest matching prefix.
    await q.query(`CREATE UNIQUE INDEX sla_policy_key ON sla_policy (mode, unit_level, category_prefix)`);
    const defaults: [mode: string, accept: string, resolve: string, verify: string][] = [
      ['ONSITE', '1 HOURS', '1 WORKING_DAYS', '1 WORKING_DAYS'],
      ['COORDINATED', '2 HOURS', '5 WORKING_DAYS', '1 WORKING_DAYS'],
      ['EMERGENCY', '30 MINUTES', '24 HOURS', '4 HOURS'],
      ['PROXY', '1 WORKING_DAYS', '10 WORKING_DAYS', '2 WORKING_DAYS'],
    ];
    for (const level of ['COMMUNITY', 'STREET', 'DISTRICT', 'CITY']) {
      for (const [mode, accept, resolve, verify] of defaults) {
        const [aa, au] = accept.split(' ');
        const [ra, ru] = resolve.split(' ');
        const [va, vu] = verify.split(' ');
        await q.query(
          `INSERT INTO sla_policy (mode, unit_level, accept_amount, accept_unit, resolve_amount, resolve_unit, verify_amount, verify_unit)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [mode, level, aa, au, ra, ru, va, vu],
        );
      }
    }

    await q.query(`
      ALTER TABLE ticket
        ADD COLUMN clock_stage varchar(8) CHECK (clock_stage IN ('ACCEPT', 'RESOLVE', 'VERIFY')),
        ADD COLUMN clock_started_at timestamptz(3),
        ADD COLUMN warning_at timestamptz(3),
        ADD COLUMN deadline_at timestamptz(3),
        ADD COLUMN red_at timestamptz(3),
        ADD COLUMN paused_at timestamptz(3)`);
    // Overdue lists and the reconciliation sweep: running clocks by deadline.
    await q.query(
      `CREATE INDEX ticket_deadline_idx ON ticket (deadline_at) WHERE deadline_at IS NOT NULL AND paused_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket DROP COLUMN clock_stage, DROP COLUMN clock_started_at, DROP COLUMN warning_at,
        DROP COLUMN deadline_at, DROP COLUMN red_at, DROP COLUMN paused_at`);
    await q.query(`DROP TABLE sla_policy`);
    await q.query(`DROP TABLE working_calendar`);
  }
}
