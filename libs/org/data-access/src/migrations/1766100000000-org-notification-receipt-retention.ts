import { MigrationInterface, QueryRunner } from 'typeorm';

/** Receipts are pruned by age in batches: the index finds the old ones without scanning the table. */
export class OrgNotificationReceiptRetention1766100000000 implements MigrationInterface {
  name = 'OrgNotificationReceiptRetention1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_receipt_delivered_at ON notification_receipt (delivered_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_receipt_delivered_at`);
  }
}
