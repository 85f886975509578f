import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { callerWith } from '@gridgov/platform-testing';
import { GridKind, GridLevel } from './grid-code';
import { GridService } from './grid.service';
import { BuildingService } from '../household/building.service';
import { BuildingKind, HouseUse } from '../household/household-enums';
import { registerCsv } from '../import/register-csv';
import { ResidentImportService } from '../import/resident-import.service';
import { nationalIdCheckChar } from '../personal-data/national-id';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';

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

/**
 * For register specs: the unit grid and B1, a neighbouring grid 520303001001002 with building B2 and
 * its house 101, and households imported in B1: 101 张三 (head) with 李四 (spouse) and 张小 (child),
 * 201 王五 (head). Returns ids by name.
 */
export async function seedTwoGridRegister(
  dataSource: DataSource,
  cipher: PersonalDataCipher,
): Promise<{ residents: Record<string, string>; households: Record<string, string>; b2House: string }> {
  await seedUnitGridWithBuilding(dataSource);
  const grids = new GridService(dataSource, admin);
  await grids.create({
    code: '520303001001002',
    name: '二网格',
    level: GridLevel.UNIT,
    kind: GridKind.RURAL_GROUP,
    adminUnitCode: '520303001001',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ],
      ],
    },
  });
  const buildings = new BuildingService(dataSource, admin);
  const b2 = await buildings.create({
    gridCode: '520303001001002',
    code: 'B2',
    name: '2号楼',
    address: '二路2号',
    kind: BuildingKind.BUNGALOW,
    floors: 2,
    units: 1,
  });
  const house = await buildings.createHouse({
    buildingId: b2.id,
    gridCode: '520303001001002',
    unit: 1,
    floor: 1,
    number: '101',
    use: HouseUse.OWNER_OCCUPIED,
  });
  const person = (houseNumber: string, relation: string, name: string, first17: string) => ({
    gridCode: '520303001001001',
    buildingCode: 'B1',
    unit: 1,
    floor: houseNumber[0],
    houseNumber,
    relation,
    name,
    idNumber: first17 + nationalIdCheckChar(first17),
    population: 'REGISTERED',
  });
  const csv = registerCsv([
    person('101', 'HEAD', '张三', '52030319600101401'),
    person('101', 'SPOUSE', '李四', '52030319620101402'),
    person('101', 'CHILD', '张小', '52030319900101403'),
    person('201', 'HEAD', '王五', '52030319700101404'),
  ]);
  const report = await new ResidentImportService(dataSource, admin, cipher).importCsv(csv, false);
  if (report.errors.length) throw new Error(JSON.stringify(report.errors));
  const rows: { id: string; name: string; household_id: string }[] = await dataSource.query(
    'SELECT id, name, household_id FROM resident',
  );
  const residents = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  const households = Object.fromEntries(rows.map((r) => [r.name, r.household_id]));
  return { residents, households, b2House: house.id };
}
