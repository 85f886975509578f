import { Role } from './role';

export enum Permission {
  UNIT_READ = 'unit:read',
  UNIT_MANAGE = 'unit:manage',
  ACCOUNT_READ = 'account:read',
  ACCOUNT_MANAGE = 'account:manage',
  AUDIT_READ = 'audit:read',
  GRID_READ = 'grid:read',
  GRID_MANAGE = 'grid:manage',
  HOUSEHOLD_READ = 'household:read',
  HOUSEHOLD_MANAGE = 'household:manage',
  PERSONAL_DATA_READ = 'personal-data:read',
  TICKET_READ = 'ticket:read',
  TICKET_REPORT = 'ticket:report',
  TICKET_HANDLE = 'ticket:handle',
  TICKET_RESOLVE = 'ticket:resolve',
  TICKET_VERIFY = 'ticket:verify',
  TICKET_SUPERVISE = 'ticket:supervise',
  TICKET_RATE = 'ticket:rate',
  TICKET_CONFIGURE = 'ticket:configure',
  PARTY_READ = 'party:read',
  PARTY_MANAGE = 'party:manage',
  ASSESSMENT_READ = 'assessment:read',
  ASSESSMENT_MANAGE = 'assessment:manage',
  ASSESSMENT_REVIEW = 'assessment:review',
  /** Per-subject aggregates for assessment runs (service identities only). */
  FACTS_READ = 'facts:read',
  /** Operating the job queues: Bull Board, dead-letter list and replay (platform-wide only). */
  QUEUES_OPERATE = 'queues:operate',
}

const P = Permission;
const READ_ALL = [P.UNIT_READ, P.GRID_READ, P.HOUSEHOLD_READ, P.TICKET_READ, P.PARTY_READ, P.ASSESSMENT_READ];

/** The single role → permission table. A grant gives its role's permissions within the grant's scope. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.PLATFORM_ADMIN]: Object.values(Permission),
  [Role.UNIT_ADMIN]: [
    ...READ_ALL,
    P.UNIT_MANAGE,
    P.ACCOUNT_READ,
    P.ACCOUNT_MANAGE,
    P.AUDIT_READ,
    P.GRID_MANAGE,
    P.HOUSEHOLD_MANAGE,
    P.TICKET_CONFIGURE,
  ],
  [Role.LEADER]: [...READ_ALL, P.ACCOUNT_READ, P.TICKET_SUPERVISE, P.PERSONAL_DATA_READ],
  [Role.COMMUNITY_STAFF]: [
    ...READ_ALL,
    P.HOUSEHOLD_MANAGE,
    P.PERSONAL_DATA_READ,
    P.TICKET_REPORT,
    P.TICKET_HANDLE,
    P.TICKET_RESOLVE,
  ],
  [Role.GRID_WORKER]: [
    P.UNIT_READ,
    P.GRID_READ,
    P.HOUSEHOLD_READ,
    P.HOUSEHOLD_MANAGE,
    P.PERSONAL_DATA_READ,
    P.TICKET_READ,
    P.TICKET_REPORT,
    P.TICKET_RESOLVE,
    P.TICKET_VERIFY,
  ],
  [Role.GRID_HELPER]: [P.UNIT_READ, P.GRID_READ, P.HOUSEHOLD_READ, P.TICKET_REPORT],
  [Role.DEPARTMENT_HANDLER]: [P.TICKET_READ, P.TICKET_RESOLVE],
  [Role.PARTY_ADMIN]: [P.UNIT_READ, P.GRID_READ, P.PARTY_READ, P.PARTY_MANAGE],
  [Role.ASSESSOR]: [P.UNIT_READ, P.GRID_READ, P.TICKET_READ, P.ASSESSMENT_READ, P.ASSESSMENT_MANAGE, P.ASSESSMENT_REVIEW],
  [Role.RESIDENT]: [P.TICKET_REPORT, P.TICKET_RATE],
  [Role.SERVICE]: [...READ_ALL, P.TICKET_REPORT, P.TICKET_RESOLVE, P.FACTS_READ],
};
