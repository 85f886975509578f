import { DataSource } from 'typeorm';
import type { Logger } from '@gridgov/platform-observability';
import { boundingBox, type GridBoundary } from '../grid/grid-boundary';
import { GridKind, GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';

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

/** Idempotent: grids that exist already (by code) are left as they are. */
export async function seedGridDemo(dataSource: DataSource, log: Logger): Promise<void> {
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
  log.info({ grids: GRIDS.length }, 'grid demo data ready');
}
