import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The coded tag catalogue; `sensitive` tags are personal data, `derived` ones are computed (never stored on a resident). */
@Entity('tag')
export class TagEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'boolean' })
  sensitive!: boolean;

  @Column({ type: 'smallint', nullable: true })
  visitIntervalDays!: number | null;

  @Column({ type: 'boolean' })
  derived!: boolean;
}
