import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An account's phone for SMS notifications (accounts themselves hold no personal data). */
@Entity('notification_contact')
export class NotificationContactEntity {
  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'boolean', default: true })
  smsEnabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Where a department's own system receives notifications; calls are signed with `secret` (HMAC-SHA256). */
@Entity('department_webhook')
export class DepartmentWebhookEntity {
  @PrimaryColumn({ type: 'uuid' })
  departmentId!: string;

  @Column({ type: 'varchar', length: 500 })
  url!: string;

  @Column({ type: 'varchar', length: 200, select: false })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A notification delivered to one recipient through one channel. */
@Entity('notification_receipt')
export class NotificationReceiptEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  notificationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  recipient!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deliveredAt!: Date;
}
