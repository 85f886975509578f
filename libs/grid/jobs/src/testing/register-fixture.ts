import type { DataSource } from 'typeorm';
import {
  GridKind,
  GridLevel,
  GridService,
  nationalIdCheckChar,
  Population,
  randomPersonalDataKeys,
  PersonalDataCipher,
  ResidentService,
} from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import { callerWith } from '@gridgov/platform-testing';

export interface FixtureResident {
  name: string;
  phone?: string;
  tagCodes?: string[];
}

const square = (west: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 27.7],
      [west + 0.01, 27.7],
      [west + 0.01, 27.71],
      [west, 27.71],
      [west, 27.7],
    ],
  ],
});

/** Test data (for specs, also of the worker app): unit grids with residents, created through the register's own services; returns resident ids by name. */
export async function createRegister(
  dataSource: DataSource,
  grids: Record<string, FixtureResident[]>,
): Promise<Record<string, string>> {
  const admin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '' });
  const residents = new ResidentService(dataSource, admin, new PersonalDataCipher(randomPersonalDataKeys()));
  const ids: Record<string, string> = {};
  let seq = 100;
  for (const [i, [code, people]] of Object.entries(grids).entries()) {
    await new GridService(dataSource, admin).create({
      code,
      name: `网格 ${code.slice(-3)}`,
      level: GridLevel.UNIT,
      kind: GridKind.BLOCK,
      adminUnitCode: code.slice(0, 12),
      boundary: square(106.9 + i * 0.02),
    });
    for (const person of people) {
      const first17 = `52030319500101${seq++}`;
      const resident = await residents.create({
        gridCode: code,
        name: person.name,
        idNumber: first17 + nationalIdCheckChar(first17),
        phone: person.phone,
        population: Population.REGISTERED,
        tagCodes: person.tagCodes,
      });
      ids[person.name] = resident.id;
    }
  }
  return ids;
}
