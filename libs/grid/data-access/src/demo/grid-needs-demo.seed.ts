import type { DataSource } from 'typeorm';

/** Recorded by nobody in particular: the demo seed. */
const SEED_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * Idempotent: service needs of 珠海路1号楼 (助餐 for the elder living alone, a job for the low-income
 * household) and the earlier move of 刘建国's household from 401 to 201, matching where it lives now.
 */
export async function seedNeedsAndMoves(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO service_need (grid_code, household_id, resident_id, category, description, status, recorded_by)
     SELECT r.grid_code, CASE WHEN x.per_household THEN r.household_id END, CASE WHEN x.per_household THEN NULL ELSE r.id END,
       x.category, x.description, x.status, $1
     FROM (VALUES ('王德明', false, 'MEAL_AID', '独居, 行动不便, 需要每日助餐', 'OPEN'),
                  ('刘建国', true, 'EMPLOYMENT', '低保户, 户主求职: 保安或保洁', 'IN_PROGRESS'))
       AS x(name, per_household, category, description, status)
     JOIN resident r ON r.name = x.name AND r.grid_code = '520303001001001'
     WHERE NOT EXISTS (SELECT 1 FROM service_need n WHERE n.description = x.description)`,
    [SEED_ACCOUNT],
  );
  await dataSource.query(
    `INSERT INTO residence_move (household_id, from_grid_code, to_grid_code, from_house_id, to_house_id, moved_on, reason, recorded_by)
     SELECT hh.id, hh.grid_code, hh.grid_code, old.id, hh.house_id, date '2024-09-01', '换租', $1
     FROM household hh
     JOIN resident head ON head.id = hh.head_resident_id AND head.name = '刘建国'
     JOIN house now ON now.id = hh.house_id
     JOIN house old ON old.building_id = now.building_id AND old.number = '401'
     WHERE NOT EXISTS (SELECT 1 FROM residence_move m WHERE m.household_id = hh.id)`,
    [SEED_ACCOUNT],
  );
}
