import { MigrationInterface, QueryRunner } from 'typeorm';

/** What delivery channels need besides the inbox: phones for SMS, department webhooks, and receipts that make retries deliver once. */
export class OrgNotificationChannels1765200000000 implements MigrationInterface {
  name = 'OrgNotificationChannels1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_contact (
        account_id uuid PRIMARY KEY REFERENCES account(id),
        phone varchar(20) NOT NULL,
        sms_enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE department_webhook (
        department_id uuid PRIMARY KEY REFERENCES department(id),
        url varchar(500) NOT NULL,
        secret varchar(200) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per (notification, channel, recipient) delivered: a retried job skips what already went out.
    await q.query(`
      CREATE TABLE notification_receipt (
        notification_id varchar(200) NOT NULL,
        channel varchar(16) NOT NULL,
        recipient varchar(64) NOT NULL,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, channel, recipient)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_receipt`);
    await q.query(`DROP TABLE department_webhook`);
    await q.query(`DROP TABLE notification_contact`);
  }
}
