import { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal service needs (个性化服务需求档案) of households and residents, and the history of moves. */
export class GridServiceNeedsAndMoves1765500200000 implements MigrationInterface {
  name = 'GridServiceNeedsAndMoves1765500200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grid_code varchar(15) NOT NULL,
        household_id uuid REFERENCES household(id),
        resident_id uuid REFERENCES resident(id),
        category varchar(16) NOT NULL CHECK (category IN
          ('MEAL_AID', 'HOME_CARE', 'MEDICAL', 'EMPLOYMENT', 'EDUCATION', 'HOUSING', 'LEGAL', 'PSYCHOLOGICAL', 'OTHER')),
        description varchar(1000) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'MET', 'CANCELLED')),
        status_note varchar(500),
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((household_id IS NULL) <> (resident_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX service_need_household_idx ON service_need (household_id) WHERE household_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX service_need_resident_idx ON service_need (resident_id) WHERE resident_id IS NOT NULL`,
    );
    // Open needs of a community or grid, by the scope prefix.
    await q.query(
      `CREATE INDEX service_need_grid_code_idx ON service_need (grid_code varchar_pattern_ops, status)`,
    );

    await q.query(`
      CREATE TABLE residence_move (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resident_id uuid REFERENCES resident(id),
        household_id uuid REFERENCES household(id),
        from_grid_code varchar(15) NOT NULL,
        to_grid_code varchar(15) NOT NULL,
        from_house_id uuid REFERENCES house(id),
        to_house_id uuid REFERENCES house(id),
        from_household_id uuid REFERENCES household(id),
        to_household_id uuid REFERENCES household(id),
        moved_on date NOT NULL,
        reason varchar(200) NOT NULL DEFAULT '',
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((household_id IS NULL) <> (resident_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX residence_move_resident_idx ON residence_move (resident_id, moved_on DESC) WHERE resident_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX residence_move_household_idx ON residence_move (household_id, moved_on DESC) WHERE household_id IS NOT NULL`,
    );
    // Moves into or out of a scope: one prefix scan on each side.
    await q.query(
      `CREATE INDEX residence_move_from_idx ON residence_move (from_grid_code varchar_pattern_ops)`,
    );
    await q.query(`CREATE INDEX residence_move_to_idx ON residence_move (to_grid_code varchar_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE residence_move`);
    await q.query(`DROP TABLE service_need`);
  }
}
