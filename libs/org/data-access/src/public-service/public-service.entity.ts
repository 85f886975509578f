import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 区党务服务中心, 镇街党务政务综合服务中心, 社区党员群众综合服务站, 便民服务点. */
export enum ServiceCenterKind {
  DISTRICT_CENTER = 'DISTRICT_CENTER',
  STREET_CENTER = 'STREET_CENTER',
  COMMUNITY_STATION = 'COMMUNITY_STATION',
  SERVICE_POINT = 'SERVICE_POINT',
}

export enum ServiceChannel {
  WINDOW = 'WINDOW',
  ONLINE = 'ONLINE',
  BOTH = 'BOTH',
}

@Entity('service_center')
export class ServiceCenterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ServiceCenterKind;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'varchar', length: 200 })
  openingHours!: string;

  /** 错时延时 service hours, e.g. weekday evenings and weekends. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  extendedHours!: string | null;

  @Column({ type: 'integer', default: 1 })
  windows!: number;

  @Column({ type: 'text', array: true, default: '{}' })
  staffOnDuty!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** 办事指南: one service a resident can apply for, defined at a unit and offered to the units below it. */
@Entity('service_item')
export class ServiceItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  categoryCode!: string;

  @Column({ type: 'text' })
  eligibility!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  materials!: string[];

  /** Legal time limit in working days. */
  @Column({ type: 'integer', nullable: true })
  timeLimitDays!: number | null;

  @Column({ type: 'varchar', length: 100 })
  fee!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: ServiceChannel;

  /** 代办: a grid worker may apply on the resident's behalf. */
  @Column({ type: 'boolean', default: false })
  proxyAllowed!: boolean;

  /** One of the items brought to the doorstep (送上门). */
  @Column({ type: 'boolean', default: false })
  doorstep!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
