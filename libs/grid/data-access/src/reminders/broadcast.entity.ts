import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** PENDING: recorded, not yet handed to the worker; QUEUED: a broadcast job exists; SENT: every resident with a phone was texted. */
export enum BroadcastStatus {
  PENDING = 'PENDING',
  QUEUED = 'QUEUED',
  SENT = 'SENT',
}

/** A notice (停水停电) texted to every resident with a phone in the chosen grids. */
@Entity('broadcast')
export class BroadcastEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 15, array: true })
  gridCodes!: string[];

  @Column({ type: 'varchar', length: 50 })
  title!: string;

  @Column({ type: 'varchar', length: 300 })
  message!: string;

  @Column({ type: 'varchar', length: 8, default: BroadcastStatus.PENDING })
  status!: BroadcastStatus;

  /** Residents texted, once SENT. */
  @Column({ type: 'integer', nullable: true })
  recipients!: number | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

@Entity('broadcast_delivery')
export class BroadcastDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  broadcastId!: string;

  @PrimaryColumn({ type: 'uuid' })
  residentId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
