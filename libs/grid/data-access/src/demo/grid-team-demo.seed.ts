import type { DataSource } from 'typeorm';

/** [grid code, role, helper kind, name, public phone]: 1+1+2 in 珠海路一网格, 1+3 in the rural group 高桥一组. */
const TEAM: [string, string, string | null, string, string | null][] = [
  ['520303001001001', 'RESPONSIBLE', null, '张敏', '085128801001'],
  ['520303001001001', 'MESSENGER', null, '周红', '085128801002'],
  ['520303001001001', 'HELPER', 'BUILDING_HEAD', '孙建华', null],
  ['520303001001001', 'HELPER', 'VOLUNTEER', '郑丽', null],
  ['520303001001002', 'RESPONSIBLE', null, '李强', '085128801003'],
  ['520303001002001', 'RESPONSIBLE', null, '王芳', '085128801004'],
  ['520303002001001', 'RESPONSIBLE', null, '陈刚', '085128802001'],
  ['520303002001001', 'HELPER', 'GROUP_LEADER', '陈大山', null],
  ['520303002001001', 'HELPER', 'GUARD', '罗小兵', null],
  ['520303002001001', 'HELPER', 'VOLUNTEER', '杨梅', null],
];

/** Idempotent (grid, role, name): the demo grids' teams since 2025-01-01, for the boards and `Grid.team`. */
export async function seedGridTeams(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO grid_team_member (grid_id, grid_code, role, helper_kind, name, public_phone, photo_url, starts_on)
     SELECT g.id, g.code, x.role, x.kind, x.name, x.phone,
       CASE WHEN x.role = 'RESPONSIBLE' THEN 'https://demo.gridgov.example/photos/' || g.code || '.jpg' END, date '2025-01-01'
     FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS x(code, role, kind, name, phone)
     JOIN grid g ON g.code = x.code
     WHERE NOT EXISTS (SELECT 1 FROM grid_team_member m WHERE m.grid_id = g.id AND m.role = x.role AND m.name = x.name)`,
    [0, 1, 2, 3, 4].map((i) => TEAM.map((row) => row[i])),
  );
}
