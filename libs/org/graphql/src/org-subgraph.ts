import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { STRICT_WEBHOOK_TARGETS, type WebhookTargetPolicy } from '@gridgov/platform-queue';
import { orgDatabase, seedOrgDemo, seedOrgPartyDemo, type TokenSettings } from '@gridgov/org-data-access';
import { AccountResolver } from './account/account.resolver';
import { AdminUnitResolver } from './admin-unit/admin-unit.resolver';
import { CobuildingResolver, CouncilResolver, CouncilTopicResolver } from './community/community.resolver';
import { DepartmentResolver } from './department/department.resolver';
import { HonourBoardResolver } from './facts/honour-board.resolver';
import { HonourBoardEntryRef } from './facts/honour-board.type';
import { OrgFactsResolver } from './facts/org-facts.resolver';
import { GridPartyResolver, PartyGridBindingResolver } from './grid/grid-party.resolver';
import { GridServiceItemsResolver } from './grid/grid-service-items.resolver';
import { GridRef } from './grid/grid-ref.type';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationChannelResolver } from './notification/notification-channel.resolver';
import { PartyLifeResolver } from './party-life/party-life.resolver';
import { PartyIdentityResolver } from './party/party-identity.resolver';
import { PartyMemberResolver } from './party/party-member.resolver';
import { PartyOrganizationResolver } from './party/party-organization.resolver';
import { PublicServiceResolver } from './public-service/public-service.resolver';
import { VolunteerResolver } from './volunteer/volunteer.resolver';
import { createOrgContext, type OrgContext } from './org-context';
import { orgReferences } from './org.reference';

/**
 * The org subgraph: administrative units, departments, accounts (sign-in, management, audit), party
 * organisations and members, 三会一课, volunteers, residents' council, co-building, service guides, inbox.
 */
export function createOrgSubgraph(
  tokens: TokenSettings,
  options: { /** Default: public https hosts only. */ webhookTargets?: WebhookTargetPolicy } = {},
): SubgraphDefinition<OrgContext> {
  const webhookTargets = options.webhookTargets ?? STRICT_WEBHOOK_TARGETS;
  return {
    name: 'org',
    resolvers: [
      AdminUnitResolver,
      AccountResolver,
      DepartmentResolver,
      PartyOrganizationResolver,
      PartyMemberResolver,
      PartyIdentityResolver,
      PartyLifeResolver,
      GridPartyResolver,
      GridServiceItemsResolver,
      PartyGridBindingResolver,
      VolunteerResolver,
      NotificationResolver,
      NotificationChannelResolver,
      PublicServiceResolver,
      CouncilResolver,
      CouncilTopicResolver,
      CobuildingResolver,
      OrgFactsResolver,
      HonourBoardResolver,
    ],
    // Reached only through the gateway's entity references, not from a Query field.
    orphanedTypes: [GridRef, HonourBoardEntryRef],
    references: orgReferences,
    database: orgDatabase,
    createContext: (base) => createOrgContext(base, tokens, webhookTargets),
    seedDemo: async (dataSource, log) => {
      await seedOrgDemo(dataSource, log);
      await seedOrgPartyDemo(dataSource, log);
    },
  };
}
