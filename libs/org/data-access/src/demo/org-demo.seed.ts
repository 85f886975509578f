import { DataSource } from 'typeorm';
import { hashPassword, Role } from '@gridgov/platform-auth';
import type { Logger } from '@gridgov/platform-observability';
import { AccountEntity } from '../account/account.entity';
import { RoleGrantEntity } from '../account/role-grant.entity';
import { levelOfCode } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';

/** Every demo account signs in with this password (development data only). */
export const DEMO_PASSWORD = 'demo-pass-2026';

/** Huichuan district (汇川区, Zunyi) with two streets and three communities; grid-service seeds their grids. */
const UNITS: [code: string, name: string, parent: string | null][] = [
  ['520300000000', '遵义市', null],
  ['520303000000', '汇川区', '520300000000'],
  ['520303001000', '上海路街道', '520303000000'],
  ['520303001001', '珠海路社区', '520303001000'],
  ['520303001002', '人民路社区', '520303001000'],
  ['520303002000', '高桥街道', '520303000000'],
  ['520303002001', '高桥社区', '520303002000'],
];

const ACCOUNTS: [username: string, displayName: string, role: Role, scopeCode: string][] = [
  ['district.admin', '汇川区管理员', Role.UNIT_ADMIN, '520303'],
  ['district.leader', '汇川区领导', Role.LEADER, '520303'],
  ['zhuhai.staff', '珠海路社区工作人员', Role.COMMUNITY_STAFF, '520303001001'],
  ['zhuhai.gw1', '珠海路一网格网格员', Role.GRID_WORKER, '520303001001001'],
  ['zhuhai.helper', '珠海路一网格楼栋长', Role.GRID_HELPER, '520303001001001'],
  ['renmin.gw1', '人民路一网格网格员', Role.GRID_WORKER, '520303001002001'],
];

export async function seedOrgDemo(dataSource: DataSource, log: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const ids = new Map<string, string>();
    for (const [code, name, parent] of UNITS) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AdminUnitEntity)
        .values({ code, name, level: levelOfCode(code), parentId: parent ? ids.get(parent) : null })
        .orIgnore()
        .execute();
      const unit = await manager.findOneByOrFail(AdminUnitEntity, { code });
      ids.set(code, unit.id);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const [username, displayName, role, scopeCode] of ACCOUNTS) {
      let account = await manager.findOneBy(AccountEntity, { username });
      account ??= await manager.save(manager.create(AccountEntity, { username, displayName, passwordHash }));
      await manager.createQueryBuilder().insert().into(RoleGrantEntity).values({ accountId: account.id, role, scopeCode }).orIgnore().execute();
    }
  });
  log.info({ units: UNITS.length, accounts: ACCOUNTS.length }, 'org demo data ready');
}
