import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import {
  IdentityDisplay,
  PartyMemberStatus,
  PartyOrganizationKind,
  PartyOrganizationLevel,
} from '@gridgov/org-data-access';

registerEnumType(PartyOrganizationLevel, {
  name: 'PartyOrganizationLevel',
  description: '党委 → 党总支 → 党支部 → 党小组.',
});
registerEnumType(PartyOrganizationKind, { name: 'PartyOrganizationKind' });
registerEnumType(IdentityDisplay, {
  name: 'IdentityDisplay',
  description: '亮身份: how a member appears on the public board of their grid and community.',
  valuesConfig: {
    HIDDEN: { description: 'Not on public boards (the default).' },
    MASKED: { description: 'Surname only (王**) to the public.' },
    FULL: { description: 'Full name.' },
  },
});
registerEnumType(PartyMemberStatus, {
  name: 'PartyMemberStatus',
  description: 'Full or probationary (预备党员).',
});

@ObjectType('PartyOrganization', {
  description: 'A party committee, general branch, branch or group, owned at a unit.',
})
@Directive('@key(fields: "id")')
export class PartyOrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartyOrganizationLevel)
  level!: PartyOrganizationLevel;

  @Field(() => PartyOrganizationKind)
  kind!: PartyOrganizationKind;

  @Field(() => String, { description: '12-digit code of the owning unit.' })
  unitCode!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('PartyOrganizationConnection')
export class PartyOrganizationConnection extends ConnectionType(PartyOrganizationType, 'PartyOrganization') {}

@ObjectType('PartyMember')
@Directive('@key(fields: "id")')
export class PartyMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartyMemberStatus)
  status!: PartyMemberStatus;

  @Field(() => String, { description: 'Date joined (YYYY-MM-DD).' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'Date of becoming a full member.' })
  fullMemberOn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "grid-service's Resident id when the member lives in a managed grid.",
  })
  residentId?: string | null;

  @Field(() => Boolean, { description: '流动党员: away from the branch’s area for work or study.' })
  mobile!: boolean;

  @Field(() => String, { nullable: true, description: 'Where a mobile member is.' })
  mobileLocation?: string | null;

  @Field(() => String, { nullable: true, description: 'Since when a mobile member is away (YYYY-MM-DD).' })
  mobileSince?: string | null;

  @Field(() => IdentityDisplay)
  identityDisplay!: IdentityDisplay;

  @Field(() => Boolean, { description: '在职党员 registered at the home community (双报到).' })
  inService!: boolean;

  @Field(() => String, { nullable: true })
  workUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Community an in-service member registered at.' })
  registeredUnitCode?: string | null;

  @Field(() => String, { description: 'Unit of the member’s branch.' })
  unitCode!: string;
}

@ObjectType('PartyMemberConnection')
export class PartyMemberConnection extends ConnectionType(PartyMemberType, 'PartyMember') {}

@ObjectType('PartyMemberTransfer')
export class PartyMemberTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fromBranchId!: string;

  @Field(() => ID)
  toBranchId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Date)
  transferredAt!: Date;
}

@InputType('CreatePartyOrganizationInput')
export class CreatePartyOrganizationInput {
  @Field(() => String)
  name!: string;

  @Field(() => PartyOrganizationLevel)
  level!: PartyOrganizationLevel;

  @Field(() => PartyOrganizationKind)
  kind!: PartyOrganizationKind;

  @Field(() => String, { description: '12-digit unit code, under the parent’s unit.' })
  unitCode!: string;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}

@InputType('PartyOrganizationFilter')
export class PartyOrganizationFilterInput {
  @Field(() => String, { nullable: true, description: 'Organisations of this unit and below.' })
  unitCode?: string | null;

  @Field(() => PartyOrganizationLevel, { nullable: true })
  level?: PartyOrganizationLevel | null;

  @Field(() => PartyOrganizationKind, { nullable: true })
  kind?: PartyOrganizationKind | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}

@InputType('PartyMobilityInput', { description: '流动党员: where, since when, and the branch there.' })
export class PartyMobilityInput {
  @Field(() => String, { description: 'City, employer or address, 2 to 200 characters.' })
  location!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future.' })
  since!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The branch where the member is that they keep in touch with (流入地党组织).',
  })
  contactBranchId?: string | null;
}

@InputType('CreatePartyMemberInput')
export class CreatePartyMemberInput {
  @Field(() => ID, { description: 'A 党支部.' })
  branchId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartyMemberStatus)
  status!: PartyMemberStatus;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  joinedOn!: string;

  @Field(() => String, { nullable: true })
  fullMemberOn?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => PartyMobilityInput, { nullable: true, description: 'Given for a mobile member (流动党员).' })
  mobility?: PartyMobilityInput | null;

  @Field(() => Boolean, { nullable: true })
  inService?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required for an in-service member.' })
  workUnit?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required for an in-service member: the home community.',
  })
  registeredUnitCode?: string | null;
}

@InputType('TransferPartyMemberInput')
export class TransferPartyMemberInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  toBranchId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('PartyMemberFilter')
export class PartyMemberFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Members of branches at this unit and below (e.g. a street).',
  })
  unitCode?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => PartyMemberStatus, { nullable: true })
  status?: PartyMemberStatus | null;

  @Field(() => Boolean, { nullable: true })
  mobile?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  inService?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Start of the name.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '双报到: in-service members registered at this community (12 digits), whatever their branch; needs party:read at the community.',
  })
  registeredAt?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Mobile members in touch with this branch where they are now (流入地); needs party:read at the branch.',
  })
  contactBranchId?: string | null;
}
