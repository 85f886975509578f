import { DataSource } from 'typeorm';
import type { Logger } from '@gridgov/platform-observability';
import { boundingBox, type GridBoundary } from '../grid/grid-boundary';
import { GridKind, GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';
import { nationalIdCheckChar } from '../personal-data/national-id';
import { maskIdNumber, type PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { seedNeedsAndMoves } from './grid-needs-demo.seed';
import { seedGridTeams } from './grid-team-demo.seed';

/** A small axis-aligned rectangle [west, south] → [east, north], about 300–500 m across near Zunyi. */
const rectangle = (west: number, south: number, east: number, north: number): GridBoundary => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

/** Unit grids of the communities org-service seeds (珠海路, 人民路, 高桥), side by side and non-overlapping. */
const GRIDS: {
  code: string;
  name: string;
  kind: GridKind;
  boundary: GridBoundary;
  responsibleName: string;
}[] = [
  {
    code: '520303001001001',
    name: '珠海路一网格',
    kind: GridKind.BLOCK,
    boundary: rectangle(106.925, 27.7, 106.929, 27.704),
    responsibleName: '张敏',
  },
  {
    code: '520303001001002',
    name: '珠海路二网格',
    kind: GridKind.COMPOUND,
    boundary: rectangle(106.929, 27.7, 106.933, 27.704),
    responsibleName: '李强',
  },
  {
    code: '520303001002001',
    name: '人民路一网格',
    kind: GridKind.BLOCK,
    boundary: rectangle(106.933, 27.7, 106.937, 27.704),
    responsibleName: '王芳',
  },
  {
    code: '520303002001001',
    name: '高桥一组',
    kind: GridKind.RURAL_GROUP,
    boundary: rectangle(106.94, 27.71, 106.946, 27.716),
    responsibleName: '陈刚',
  },
];

/** Residents of 珠海路1号楼 (building ZHL-DEMO-01 in grid 520303001001001): [house number, name, ID first 17, phone, tags, relation]. */
const RESIDENTS: [string, string, string, string | null, string[], string][] = [
  ['101', '王德明', '52030319460315101', '13812345678', ['ELDERLY_ALONE'], 'HEAD'],
  ['201', '刘建国', '52030319780822203', '13900001111', ['LOW_INCOME'], 'HEAD'],
  ['201', '陈秀英', '52030319800910204', null, ['DISABLED'], 'SPOUSE'],
  ['301', '赵小军', '52030319900101305', '13700002222', ['COMMUNITY_CORRECTION'], 'HEAD'],
];

/** Idempotent (natural keys: building code, unit + number, ID-number hash, head): one building with its households. */
async function seedHouseholds(dataSource: DataSource, cipher: PersonalDataCipher): Promise<void> {
  const [grid] = await dataSource.query(`SELECT id FROM grid WHERE code = '520303001001001'`);
  await dataSource.query(
    `INSERT INTO building (code, grid_id, grid_code, name, address, kind, longitude, latitude, floors, units)
     VALUES ('ZHL-DEMO-01', $1, '520303001001001', '珠海路1号楼', '珠海路1号', 'RESIDENTIAL', 106.927, 27.702, 6, 1)
     ON CONFLICT (code) DO NOTHING`,
    [grid.id],
  );
  await dataSource.query(
    `INSERT INTO house (building_id, grid_code, unit, floor, number, use)
     SELECT b.id, b.grid_code, 1, n / 100, n::text, CASE n WHEN 401 THEN 'VACANT' WHEN 201 THEN 'RENTED' ELSE 'OWNER_OCCUPIED' END
     FROM building b, unnest(ARRAY[101, 201, 301, 401]) AS n WHERE b.code = 'ZHL-DEMO-01'
     ON CONFLICT (building_id, unit, number) DO NOTHING`,
  );
  for (const [number, name, first17, phone, tags, relation] of RESIDENTS) {
    const id = first17 + nationalIdCheckChar(first17);
    await dataSource.query(
      `INSERT INTO resident (grid_code, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked,
         phone, population, employment, education, tag_codes)
       VALUES ('520303001001001', $1, $2, $3, $4, $5, $6, $7, 'REGISTERED', '退休', '高中', $8)
       ON CONFLICT (id_number_hash) DO NOTHING`,
      [
        name,
        Number(id[16]) % 2 ? 'MALE' : 'FEMALE',
        `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        cipher.encrypt(id),
        cipher.hash(id),
        maskIdNumber(id),
        phone,
        tags,
      ],
    );
    const [resident] = await dataSource.query(
      `SELECT id, household_id FROM resident WHERE id_number_hash = $1`,
      [cipher.hash(id)],
    );
    if (resident.household_id) continue;
    const house = `(SELECT h.id FROM house h JOIN building b ON b.id = h.building_id WHERE b.code = 'ZHL-DEMO-01' AND h.number = $1)`;
    if (relation === 'HEAD') {
      await dataSource.query(
        `INSERT INTO household (house_id, grid_code, kind, head_resident_id) VALUES (${house}, '520303001001001', 'REGISTERED', $2)`,
        [number, resident.id],
      );
    }
    await dataSource.query(
      `UPDATE resident SET household_id = (SELECT id FROM household WHERE house_id = ${house}), relation_to_head = $2 WHERE id = $3`,
      [number, relation, resident.id],
    );
  }
}

/** Idempotent: grids that exist already (by code) are left as they are. */
export async function seedGridDemo(
  dataSource: DataSource,
  log: Logger,
  cipher: PersonalDataCipher,
): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(GridEntity)
    .values(
      GRIDS.map((g) => ({
        ...g,
        level: GridLevel.UNIT,
        adminUnitCode: g.code.slice(0, 12),
        ...boundingBox(g.boundary),
      })),
    )
    .orIgnore()
    .execute();
  await seedHouseholds(dataSource, cipher);
  await seedGridTeams(dataSource);
  await seedNeedsAndMoves(dataSource);
  log.info({ grids: GRIDS.length, residents: RESIDENTS.length }, 'grid demo data ready');
}
