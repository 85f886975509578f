import { AccountAuditEntity } from './account/account-audit.entity';
import { AccountEntity } from './account/account.entity';
import { RoleGrantEntity } from './account/role-grant.entity';
import { AdminUnitEntity } from './admin-unit/admin-unit.entity';
import { DepartmentEntity } from './department/department.entity';
import { OrgInitial1764000000000 } from './migrations/1764000000000-org-initial';
import { OrgDepartmentsAndAccountAdmin1764100000000 } from './migrations/1764100000000-org-departments-and-account-admin';
import { OrgParty1764200000000 } from './migrations/1764200000000-org-party';
import { OrgPartyLife1764300000000 } from './migrations/1764300000000-org-party-life';
import { OrgVolunteersAndInbox1764400000000 } from './migrations/1764400000000-org-volunteers-and-inbox';
import { OrgServicesCouncilCobuilding1764500000000 } from './migrations/1764500000000-org-services-council-cobuilding';
import { OrgPartySecretary1764600000000 } from './migrations/1764600000000-org-party-secretary';
import { OrgPartyIdentityMobilityAssistant1765600000000 } from './migrations/1765600000000-org-party-identity-mobility-assistant';
import { OrgMobileContactScope1765600100000 } from './migrations/1765600100000-org-mobile-contact-scope';
import { OrgNotificationReceiptRetention1766100000000 } from './migrations/1766100000000-org-notification-receipt-retention';
import { NotificationEntity } from './notification/notification.entity';
import {
  DepartmentWebhookEntity,
  NotificationContactEntity,
  NotificationReceiptEntity,
} from './notification/notification-channel.entity';
import { OrgNotificationChannels1765200000000 } from './migrations/1765200000000-org-notification-channels';
import { ServiceCenterEntity, ServiceItemEntity } from './public-service/public-service.entity';
import { CobuildingPairingEntity, CobuildingUnitEntity } from './community/cobuilding.entity';
import { CouncilMeetingEntity, CouncilTopicEntity } from './community/council.entity';
import {
  VolunteerActivityEntity,
  VolunteerSignupEntity,
  VolunteerTeamEntity,
} from './volunteer/volunteer.entity';
import { MeetingRuleEntity, PartyMeetingEntity } from './party-life/party-meeting.entity';
import { PartyPledgeEntity } from './party-life/party-pledge.entity';
import { PartyPostEntity } from './party-life/party-post.entity';
import { PartyBranchGridEntity } from './party/party-branch-grid.entity';
import { PartyMemberTransferEntity } from './party/party-member-transfer.entity';
import { PartyMemberEntity } from './party/party-member.entity';
import { PartyOrganizationEntity } from './party/party-organization.entity';

export { AccountEntity } from './account/account.entity';
export { AccountAuditAction, AccountAuditEntity } from './account/account-audit.entity';
export {
  type AccountAuditFilter,
  AccountService,
  type CreateAccountInput,
  type GrantRoleInput,
  toGrant,
  type TokenSettings,
} from './account/account.service';
export { RoleGrantEntity } from './account/role-grant.entity';
export {
  ADMIN_UNIT_CODE,
  AdminUnitLevel,
  levelOfCode,
  significantPrefix,
} from './admin-unit/admin-unit-code';
export { AdminUnitEntity } from './admin-unit/admin-unit.entity';
export {
  AdminUnitService,
  type AdminUnitFilter,
  type CreateAdminUnitInput,
} from './admin-unit/admin-unit.service';
export { DepartmentEntity, DepartmentKind } from './department/department.entity';
export {
  type CreateDepartmentInput,
  type DepartmentFilter,
  DepartmentService,
} from './department/department.service';
export { PartyMemberTransferEntity } from './party/party-member-transfer.entity';
export { IdentityDisplay, PartyMemberEntity, PartyMemberStatus } from './party/party-member.entity';
export {
  type CreatePartyMemberInput,
  type PartyMemberFilter,
  PartyMemberService,
  type PartyMobilityInput,
  type TransferPartyMemberInput,
} from './party/party-member.service';
export { PartyBranchGridEntity } from './party/party-branch-grid.entity';
export {
  type IdentityBoardArea,
  maskName,
  type PartyIdentityCard,
  PartyIdentityService,
} from './party/party-identity.service';
export {
  PartyOrganizationEntity,
  PartyOrganizationKind,
  PartyOrganizationLevel,
} from './party/party-organization.entity';
export {
  type CreatePartyOrganizationInput,
  type PartyOrganizationFilter,
  PartyOrganizationService,
} from './party/party-organization.service';
export {
  MeetingPeriod,
  MeetingRuleEntity,
  PartyMeetingEntity,
  PartyMeetingKind,
} from './party-life/party-meeting.entity';
export {
  type MeetingShortfall,
  PartyMeetingService,
  type RecordPartyMeetingInput,
} from './party-life/party-meeting.service';
export { PartyPledgeEntity } from './party-life/party-pledge.entity';
export { PartyPostEntity, PartyPostKind } from './party-life/party-post.entity';
export {
  type CreatePartyPledgeInput,
  type CreatePartyPostInput,
  PartyPostService,
} from './party-life/party-post.service';
export { NotificationEntity } from './notification/notification.entity';
export { type NotificationContent, NotificationService } from './notification/notification.service';
export {
  DepartmentWebhookEntity,
  NotificationContactEntity,
  NotificationReceiptEntity,
} from './notification/notification-channel.entity';
export { NotificationDeliveryService } from './notification/notification-delivery.service';
export {
  type DepartmentWebhookInput,
  NotificationChannelService,
} from './notification/notification-channel.service';
export {
  VolunteerActivityEntity,
  VolunteerSignupEntity,
  VolunteerTeamEntity,
} from './volunteer/volunteer.entity';
export {
  type CreateVolunteerActivityInput,
  type CreateVolunteerTeamInput,
  type SignUpVolunteerInput,
  type VolunteerActivityFilter,
  VolunteerService,
} from './volunteer/volunteer.service';
export {
  type CobuildingResource,
  CobuildingPairingEntity,
  CobuildingResourceKind,
  CobuildingUnitEntity,
} from './community/cobuilding.entity';
export { CouncilMeetingEntity, CouncilMeetingKind, CouncilTopicEntity } from './community/council.entity';
export {
  type AddCouncilTopicInput,
  CommunityService,
  type CreateCouncilMeetingInput,
  type DecideCouncilTopicInput,
  type RegisterCobuildingUnitInput,
} from './community/community.service';
export {
  ServiceCenterEntity,
  ServiceCenterKind,
  ServiceChannel,
  ServiceItemEntity,
} from './public-service/public-service.entity';
export {
  type CreateServiceCenterInput,
  type CreateServiceItemInput,
  PublicServiceService,
  type ServiceItemFilter,
} from './public-service/public-service.service';
export { DEMO_PASSWORD, seedOrgDemo } from './demo/org-demo.seed';
export { seedOrgPartyDemo } from './demo/org-party-demo.seed';

/** The org schema: every table org-service owns, and its migrations in order. */
export const orgDatabase = {
  schema: 'org',
  entities: [
    AdminUnitEntity,
    AccountEntity,
    RoleGrantEntity,
    AccountAuditEntity,
    DepartmentEntity,
    PartyOrganizationEntity,
    PartyBranchGridEntity,
    PartyMemberEntity,
    PartyMemberTransferEntity,
    PartyPostEntity,
    PartyPledgeEntity,
    MeetingRuleEntity,
    PartyMeetingEntity,
    VolunteerTeamEntity,
    VolunteerActivityEntity,
    VolunteerSignupEntity,
    NotificationEntity,
    NotificationContactEntity,
    DepartmentWebhookEntity,
    NotificationReceiptEntity,
    ServiceCenterEntity,
    ServiceItemEntity,
    CouncilMeetingEntity,
    CouncilTopicEntity,
    CobuildingUnitEntity,
    CobuildingPairingEntity,
  ],
  migrations: [
    OrgInitial1764000000000,
    OrgDepartmentsAndAccountAdmin1764100000000,
    OrgParty1764200000000,
    OrgPartyLife1764300000000,
    OrgVolunteersAndInbox1764400000000,
    OrgServicesCouncilCobuilding1764500000000,
    OrgPartySecretary1764600000000,
    OrgNotificationChannels1765200000000,
    OrgPartyIdentityMobilityAssistant1765600000000,
    OrgMobileContactScope1765600100000,
    OrgNotificationReceiptRetention1766100000000,
  ],
};
