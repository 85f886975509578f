import { AccountEntity } from './account/account.entity';
import { RoleGrantEntity } from './account/role-grant.entity';
import { AdminUnitEntity } from './admin-unit/admin-unit.entity';
import { OrgInitial1764000000000 } from './migrations/1764000000000-org-initial';

export { AccountEntity } from './account/account.entity';
export { AccountService, toGrant, type TokenSettings } from './account/account.service';
export { RoleGrantEntity } from './account/role-grant.entity';
export { ADMIN_UNIT_CODE, AdminUnitLevel, levelOfCode, significantPrefix } from './admin-unit/admin-unit-code';
export { AdminUnitEntity } from './admin-unit/admin-unit.entity';
export { AdminUnitService, type AdminUnitFilter, type CreateAdminUnitInput } from './admin-unit/admin-unit.service';
export { DEMO_PASSWORD, seedOrgDemo } from './demo/org-demo.seed';

/** The org schema: every table org-service owns, and its migrations in order. */
export const orgDatabase = {
  schema: 'org',
  entities: [AdminUnitEntity, AccountEntity, RoleGrantEntity],
  migrations: [OrgInitial1764000000000],
};
