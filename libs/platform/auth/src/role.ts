/** Roles of the design; resolvers never check these names, only the permissions they map to. */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  UNIT_ADMIN = 'UNIT_ADMIN',
  LEADER = 'LEADER',
  COMMUNITY_STAFF = 'COMMUNITY_STAFF',
  GRID_WORKER = 'GRID_WORKER',
  GRID_HELPER = 'GRID_HELPER',
  DEPARTMENT_HANDLER = 'DEPARTMENT_HANDLER',
  PARTY_ADMIN = 'PARTY_ADMIN',
  ASSESSOR = 'ASSESSOR',
  RESIDENT = 'RESIDENT',
  SERVICE = 'SERVICE',
}
