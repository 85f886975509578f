import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceCenterKind, ServiceChannel } from '@gridgov/org-data-access';

registerEnumType(ServiceCenterKind, { name: 'ServiceCenterKind' });
registerEnumType(ServiceChannel, {
  name: 'ServiceChannel',
  description: 'Where to apply: at a window, online, or both.',
});

@ObjectType('ServiceCenter', { description: 'A party/government service centre, station or point; public.' })
export class ServiceCenterType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => ServiceCenterKind)
  kind!: ServiceCenterKind;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Float, { nullable: true })
  lon?: number | null;

  @Field(() => Float, { nullable: true })
  lat?: number | null;

  @Field(() => String)
  openingHours!: string;

  @Field(() => String, { nullable: true, description: '错时延时 hours.' })
  extendedHours?: string | null;

  @Field(() => Int)
  windows!: number;

  @Field(() => [String])
  staffOnDuty!: string[];
}

@ObjectType('ServiceItem', { description: 'A service guide entry (办事指南); public.' })
export class ServiceItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Unit that defines the item; it is offered at the units below too.' })
  unitCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  categoryCode!: string;

  @Field(() => String, { description: 'Who may apply.' })
  eligibility!: string;

  @Field(() => [String])
  materials!: string[];

  @Field(() => Int, { nullable: true, description: 'Legal time limit in working days.' })
  timeLimitDays?: number | null;

  @Field(() => String)
  fee!: string;

  @Field(() => ServiceChannel)
  channel!: ServiceChannel;

  @Field(() => Boolean, { description: '代办: a grid worker may apply on the resident’s behalf.' })
  proxyAllowed!: boolean;

  @Field(() => Boolean, { description: 'Brought to the doorstep (送上门).' })
  doorstep!: boolean;
}

@InputType('CreateServiceCenterInput')
export class CreateServiceCenterInput {
  @Field(() => String)
  unitCode!: string;

  @Field(() => ServiceCenterKind)
  kind!: ServiceCenterKind;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Float, { nullable: true })
  lon?: number | null;

  @Field(() => Float, { nullable: true })
  lat?: number | null;

  @Field(() => String)
  openingHours!: string;

  @Field(() => String, { nullable: true })
  extendedHours?: string | null;

  @Field(() => Int, { nullable: true })
  windows?: number;

  @Field(() => [String], { nullable: true })
  staffOnDuty?: string[];
}

@InputType('CreateServiceItemInput')
export class CreateServiceItemInput {
  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  categoryCode!: string;

  @Field(() => String)
  eligibility!: string;

  @Field(() => [String], { nullable: true })
  materials?: string[];

  @Field(() => Int, { nullable: true })
  timeLimitDays?: number | null;

  @Field(() => String)
  fee!: string;

  @Field(() => ServiceChannel)
  channel!: ServiceChannel;

  @Field(() => Boolean, { nullable: true })
  proxyAllowed?: boolean;

  @Field(() => Boolean, { nullable: true })
  doorstep?: boolean;
}
