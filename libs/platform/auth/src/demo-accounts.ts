import type { Grant, Identity } from './identity';
import { Role } from './role';

/**
 * The demo accounts org-service seeds (`DEMO_DATA`), each with a fixed id and its one grant, so the
 * other contexts' demo seeds can act as them and refer to them without reading org's tables.
 * Ids follow `00000000-0000-4000-8000-00000de4NNNN`. Development data only.
 */
export const DEMO_ACCOUNTS = {
  'district.admin': {
    id: '00000000-0000-4000-8000-00000de40001',
    grant: { role: Role.UNIT_ADMIN, scopeCode: '520303' },
  },
  'district.leader': {
    id: '00000000-0000-4000-8000-00000de40002',
    grant: { role: Role.LEADER, scopeCode: '520303' },
  },
  'zhuhai.staff': {
    id: '00000000-0000-4000-8000-00000de40003',
    grant: { role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' },
  },
  'zhuhai.gw1': {
    id: '00000000-0000-4000-8000-00000de40004',
    grant: { role: Role.GRID_WORKER, scopeCode: '520303001001001' },
  },
  'zhuhai.helper': {
    id: '00000000-0000-4000-8000-00000de40005',
    grant: { role: Role.GRID_HELPER, scopeCode: '520303001001001' },
  },
  'renmin.gw1': {
    id: '00000000-0000-4000-8000-00000de40006',
    grant: { role: Role.GRID_WORKER, scopeCode: '520303001002001' },
  },
  'zhuhai.party': {
    id: '00000000-0000-4000-8000-00000de40007',
    grant: { role: Role.PARTY_ADMIN, scopeCode: '520303001001' },
  },
  /** A resident who reports and rates tickets anywhere in the district. */
  'huichuan.resident': {
    id: '00000000-0000-4000-8000-00000de40008',
    grant: { role: Role.RESIDENT, scopeCode: '520303' },
  },
} as const satisfies Record<string, { id: string; grant: Grant }>;

export type DemoUsername = keyof typeof DEMO_ACCOUNTS;

/** The identity of a demo account, for demo seeds acting as it (no token, no org lookup). */
export function demoIdentity(username: DemoUsername): Identity {
  const { id, grant } = DEMO_ACCOUNTS[username];
  return { accountId: id, username, grants: [grant] };
}
