import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import type { WebhookTargetPolicy } from '@gridgov/platform-queue';
import {
  type AccountEntity,
  AccountService,
  type AdminUnitEntity,
  AdminUnitService,
  type CobuildingPairingEntity,
  CommunityService,
  type DepartmentEntity,
  DepartmentService,
  NotificationService,
  PartyMeetingService,
  type PartyMemberEntity,
  PartyMemberService,
  type PartyBranchGridEntity,
  PartyIdentityService,
  type PartyOrganizationEntity,
  PartyOrganizationService,
  type PartyPostEntity,
  PartyPostService,
  PublicServiceService,
  type TokenSettings,
  VolunteerService,
} from '@gridgov/org-data-access';

export interface OrgContext extends BaseContext {
  adminUnits: AdminUnitService;
  accounts: AccountService;
  departments: DepartmentService;
  partyOrganizations: PartyOrganizationService;
  partyMembers: PartyMemberService;
  partyIdentity: PartyIdentityService;
  partyPosts: PartyPostService;
  partyMeetings: PartyMeetingService;
  volunteers: VolunteerService;
  notifications: NotificationService;
  publicServices: PublicServiceService;
  community: CommunityService;
  tokens: TokenSettings;
  /** Where department webhooks may point (the deployment's policy). */
  webhookTargets: WebhookTargetPolicy;
  /** Per-request, batched; they return null for what the caller may not see. */
  loaders: {
    adminUnitById: DataLoader<string, AdminUnitEntity | null>;
    adminUnitByCode: DataLoader<string, AdminUnitEntity | null>;
    accountById: DataLoader<string, AccountEntity | null>;
    departmentById: DataLoader<string, DepartmentEntity | null>;
    partyOrganizationById: DataLoader<string, PartyOrganizationEntity | null>;
    partyMemberById: DataLoader<string, PartyMemberEntity | null>;
    bindingsByOrganizationId: DataLoader<string, PartyBranchGridEntity[]>;
    bindingsByGridCode: DataLoader<string, PartyBranchGridEntity[]>;
    bindingsByAssistantMemberId: DataLoader<string, PartyBranchGridEntity[]>;
    branchesByGridCode: DataLoader<string, PartyOrganizationEntity[]>;
    membersByBranchId: DataLoader<string, PartyMemberEntity[]>;
    postsByBranchId: DataLoader<string, PartyPostEntity[]>;
    pairingsByCobuildingUnitId: DataLoader<string, CobuildingPairingEntity[]>;
  };
}

export function createOrgContext(
  base: BaseContext,
  tokens: TokenSettings,
  webhookTargets: WebhookTargetPolicy,
): OrgContext {
  const adminUnits = new AdminUnitService(base.dataSource, base.auth);
  const accounts = new AccountService(base.dataSource, base.auth);
  const departments = new DepartmentService(base.dataSource, base.auth);
  const partyOrganizations = new PartyOrganizationService(base.dataSource, base.auth);
  const partyMembers = new PartyMemberService(base.dataSource, base.auth, partyOrganizations);
  const partyPosts = new PartyPostService(base.dataSource, base.auth, partyOrganizations);
  const community = new CommunityService(base.dataSource, base.auth, partyOrganizations);
  return {
    ...base,
    adminUnits,
    accounts,
    departments,
    partyOrganizations,
    partyMembers,
    partyIdentity: new PartyIdentityService(base.dataSource, partyMembers),
    partyPosts,
    partyMeetings: new PartyMeetingService(base.dataSource, base.auth, partyOrganizations),
    volunteers: new VolunteerService(base.dataSource, base.auth, partyMembers),
    notifications: new NotificationService(base.dataSource, base.auth),
    publicServices: new PublicServiceService(base.dataSource, base.auth),
    community,
    tokens,
    webhookTargets,
    loaders: {
      adminUnitById: new DataLoader((ids) => adminUnits.findVisibleByIds(ids)),
      adminUnitByCode: new DataLoader((codes) => adminUnits.findVisibleByCodes(codes)),
      accountById: new DataLoader((ids) => accounts.findVisibleByIds(ids)),
      departmentById: new DataLoader((ids) => departments.findVisibleByIds(ids)),
      partyOrganizationById: new DataLoader((ids) => partyOrganizations.findVisibleByIds(ids)),
      partyMemberById: new DataLoader((ids) => partyMembers.findVisibleByIds(ids)),
      bindingsByOrganizationId: new DataLoader((ids) => partyOrganizations.bindingsOf(ids)),
      bindingsByGridCode: new DataLoader((codes) => partyOrganizations.bindingsOfGrids(codes)),
      bindingsByAssistantMemberId: new DataLoader((ids) => partyOrganizations.bindingsAssistedBy(ids)),
      branchesByGridCode: new DataLoader((codes) => partyOrganizations.branchesOfGrids(codes)),
      membersByBranchId: new DataLoader((ids) => partyMembers.membersOfBranches(ids)),
      postsByBranchId: new DataLoader((ids) => partyPosts.postsOfBranches(ids)),
      pairingsByCobuildingUnitId: new DataLoader((ids) => community.pairingsOf(ids)),
    },
  };
}
