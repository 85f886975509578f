import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import {
  type AccountEntity,
  AccountService,
  type AdminUnitEntity,
  AdminUnitService,
  type TokenSettings,
} from '@gridgov/org-data-access';

export interface OrgContext extends BaseContext {
  adminUnits: AdminUnitService;
  accounts: AccountService;
  tokens: TokenSettings;
  /** Per-request, batched; they return null for what the caller may not see. */
  loaders: {
    adminUnitById: DataLoader<string, AdminUnitEntity | null>;
    adminUnitByCode: DataLoader<string, AdminUnitEntity | null>;
    accountById: DataLoader<string, AccountEntity | null>;
  };
}

export function createOrgContext(base: BaseContext, tokens: TokenSettings): OrgContext {
  const adminUnits = new AdminUnitService(base.dataSource, base.auth);
  const accounts = new AccountService(base.dataSource, base.auth);
  return {
    ...base,
    adminUnits,
    accounts,
    tokens,
    loaders: {
      adminUnitById: new DataLoader((ids) => adminUnits.findVisibleByIds(ids)),
      adminUnitByCode: new DataLoader((codes) => adminUnits.findVisibleByCodes(codes)),
      accountById: new DataLoader((ids) => accounts.findVisibleByIds(ids)),
    },
  };
}
