import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GridBoundary } from './grid-boundary';
import { GridKind, GridLevel } from './grid-code';

/** A grid (see grid-code.ts for levels and codes); the bounding box is kept with the boundary for spatial lookups. */
@Entity('grid')
export class GridEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 15 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'smallint' })
  level!: GridLevel;

  /** Unit grids (level 4) only. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  kind!: GridKind | null;

  @Column({ type: 'varchar', length: 12 })
  adminUnitCode!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'jsonb' })
  boundary!: GridBoundary;

  @Column({ type: 'double precision' })
  minLon!: number;

  @Column({ type: 'double precision' })
  minLat!: number;

  @Column({ type: 'double precision' })
  maxLon!: number;

  @Column({ type: 'double precision' })
  maxLat!: number;

  @Column({ type: 'varchar', length: 50, nullable: true })
  responsibleName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  responsiblePhone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
