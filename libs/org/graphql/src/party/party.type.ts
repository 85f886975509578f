import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { PartyMemberStatus, PartyOrganizationKind, PartyOrganizationLevel } from '@gridgov/org-data-access';

registerEnumType(PartyOrganizationLevel, {
  name: 'PartyOrganizationLevel',
  description: '党委 → 党总支 → 党支部 → 党小组.',
});
registerEnumType(PartyOrganizationKind, { name: 'PartyOrganizationKind' });
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

  @Field(() => Boolean, { description: '流动党员.' })
  mobile!: boolean;

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

  @Field(() => Boolean, { nullable: true })
  mobile?: boolean | null;

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
}
