import { MigrationInterface, QueryRunner } from 'typeorm';

/** Broadcast notices (停水停电) to the residents of chosen grids, and who has been sent each. */
export class GridBroadcasts1765200000000 implements MigrationInterface {
  name = 'GridBroadcasts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE broadcast (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grid_codes varchar(15)[] NOT NULL,
        title varchar(50) NOT NULL,
        message varchar(300) NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'PENDING',
        recipients integer,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    // The relay looks for broadcasts not yet handed to the worker.
    await q.query(`CREATE INDEX broadcast_pending_idx ON broadcast (created_at) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE broadcast_delivery (
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        resident_id uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (broadcast_id, resident_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE broadcast_delivery`);
    await q.query(`DROP TABLE broadcast`);
  }
}
