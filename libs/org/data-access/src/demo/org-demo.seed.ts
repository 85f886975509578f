import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, type DemoUsername, hashPassword } from '@gridgov/platform-auth';
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

/** Their ids and grants are fixed in platform-auth's DEMO_ACCOUNTS, so other contexts' demo seeds can refer to them. */
const ACCOUNTS: [username: Exclude<DemoUsername, 'zhuhai.party'>, displayName: string][] = [
  ['district.admin', '汇川区管理员'],
  ['district.leader', '汇川区领导'],
  ['zhuhai.staff', '珠海路社区工作人员'],
  ['zhuhai.gw1', '珠海路一网格网格员'],
  ['zhuhai.helper', '珠海路一网格楼栋长'],
  ['renmin.gw1', '人民路一网格网格员'],
  ['huichuan.resident', '汇川区居民'],
];

export async function seedOrgDemo(dataSource: DataSource, log: Logger): Promise<void> {
  const stale: string[] = [];
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
    for (const [username, displayName] of ACCOUNTS) {
      const { id, grant } = DEMO_ACCOUNTS[username];
      // By username: a demo database from before the fixed ids keeps its generated ones and still starts.
      let account = await manager.findOneBy(AccountEntity, { username });
      if (!account) {
        await manager.insert(AccountEntity, { id, username, displayName, passwordHash });
        account = await manager.findOneByOrFail(AccountEntity, { id });
      } else if (account.id !== id) stale.push(username);
      await manager
        .createQueryBuilder()
        .insert()
        .into(RoleGrantEntity)
        .values({ accountId: account.id, ...grant })
        .orIgnore()
        .execute();
    }
  });
  if (stale.length)
    log.warn(
      { accounts: stale },
      'demo accounts from an older demo database have generated ids, so the demo tickets and assessments do not show as theirs; reset the demo database (.data/pg for the embedded PostgreSQL) to seed afresh',
    );
  log.info({ units: UNITS.length, accounts: ACCOUNTS.length }, 'org demo data ready');
}
