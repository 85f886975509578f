import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { callerWith } from '@gridgov/platform-testing';
import { GridKind, GridLevel } from './grid-code';
import { GridService } from './grid.service';
import { BuildingService } from '../household/building.service';
import { BuildingKind } from '../household/household-enums';

const admin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303' });

/** For specs: unit grid 520303001001001 (一网格) of community 520303001001, a unit square. */
export async function seedUnitGrid(dataSource: DataSource): Promise<void> {
  await new GridService(dataSource, admin).create({
    code: '520303001001001',
    name: '一网格',
    level: GridLevel.UNIT,
    kind: GridKind.BLOCK,
    adminUnitCode: '520303001001',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    },
  });
}

/** For import specs: the unit grid with building B1 (6 floors, 2 units). */
export async function seedUnitGridWithBuilding(dataSource: DataSource): Promise<void> {
  await seedUnitGrid(dataSource);
  await new BuildingService(dataSource, admin).create({
    gridCode: '520303001001001',
    code: 'B1',
    name: '1号楼',
    address: '一路1号',
    kind: BuildingKind.RESIDENTIAL,
    floors: 6,
    units: 2,
  });
}
