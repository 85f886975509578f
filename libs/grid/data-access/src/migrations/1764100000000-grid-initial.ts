import { MigrationInterface, QueryRunner } from 'typeorm';

export class GridInitial1764100000000 implements MigrationInterface {
  name = 'GridInitial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(15) NOT NULL CHECK (code ~ '^[0-9]{15}$'),
        name varchar(100) NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
        kind varchar(16) CHECK (kind IN ('BLOCK', 'COMPOUND', 'WORK_UNIT', 'RURAL_GROUP')),
        admin_unit_code varchar(12) NOT NULL CHECK (admin_unit_code ~ '^[0-9]{12}$'),
        parent_id uuid REFERENCES grid(id),
        boundary jsonb NOT NULL,
        min_lon double precision NOT NULL,
        min_lat double precision NOT NULL,
        max_lon double precision NOT NULL,
        max_lat double precision NOT NULL,
        responsible_name varchar(50),
        responsible_phone varchar(20),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left(code, 12) = admin_unit_code),
        CHECK ((level = 4) = (kind IS NOT NULL)),
        CHECK ((level = 4) = (right(code, 3) <> '000'))
      )`);
    await q.query(`CREATE UNIQUE INDEX grid_code_key ON grid (code)`);
    // Prefix scans (code LIKE '520303%') for scope filters.
    await q.query(`CREATE INDEX grid_code_prefix_idx ON grid (code varchar_pattern_ops)`);
    // The grids of one unit in code order; level, kind and name filters then scan only that unit's few dozen rows.
    await q.query(`CREATE INDEX grid_admin_unit_code_idx ON grid (admin_unit_code, code)`);
    await q.query(`CREATE INDEX grid_parent_id_idx ON grid (parent_id)`);
    // Which grids' boxes contain a point: built-in geometric types, no PostGIS needed.
    await q.query(
      `CREATE INDEX grid_bbox_idx ON grid USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grid`);
  }
}
