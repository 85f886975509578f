import { MigrationInterface, QueryRunner } from 'typeorm';

/** Visits (走访) to households and residents, with optional patrol tracks. */
export class GridVisits1764300000000 implements MigrationInterface {
  name = 'GridVisits1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grid_code varchar(15) NOT NULL,
        household_id uuid REFERENCES household(id),
        resident_id uuid REFERENCES resident(id),
        visitor_account_id uuid NOT NULL,
        visited_at timestamptz NOT NULL,
        longitude double precision,
        latitude double precision,
        notes text NOT NULL DEFAULT '',
        findings text NOT NULL DEFAULT '',
        photo_urls text[] NOT NULL DEFAULT '{}',
        track jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (household_id IS NOT NULL OR resident_id IS NOT NULL)
      )`);
    // Last visit of a resident or household: the due-visit computation reads max(visited_at) through these.
    await q.query(
      `CREATE INDEX visit_resident_idx ON visit (resident_id, visited_at DESC) WHERE resident_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX visit_household_idx ON visit (household_id, visited_at DESC) WHERE household_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX visit_grid_code_idx ON visit (grid_code varchar_pattern_ops, visited_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE visit`);
  }
}
