import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AttributeDatatype, TicketMode } from '@gridgov/ticket-data-access';

registerEnumType(AttributeDatatype, {
  name: 'AttributeDatatype',
  description: 'Open311 attribute datatypes: free text, number, ISO date-time, or keys from a list.',
});

@ObjectType('CategoryAttribute', {
  description: 'An extra field a category asks for at intake (Open311 attribute).',
})
export class CategoryAttributeType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => AttributeDatatype)
  datatype!: AttributeDatatype;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => [String], { description: 'Allowed keys of a list datatype.' })
  values!: string[];
}

@ObjectType('TicketCategory', { description: 'A node of the coded, hierarchical category catalogue.' })
export class TicketCategoryType {
  @Field(() => String, {
    description: 'Dotted code, e.g. CITY_MANAGEMENT.ROAD; its parent is CITY_MANAGEMENT.',
  })
  code!: string;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => TicketMode, { description: 'The mode a report takes when it names none.' })
  defaultMode!: TicketMode;

  @Field(() => [CategoryAttributeType], {
    description: "This category's own extra fields; reports also answer its ancestors'.",
  })
  attributes!: CategoryAttributeType[];

  @Field(() => Boolean, { description: 'Disabled categories (and their children) take no new reports.' })
  active!: boolean;
}

@InputType('CategoryAttributeInput')
export class CategoryAttributeInput {
  @Field(() => String, { description: 'UPPER_SNAKE_CASE, unique within the category.' })
  code!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => AttributeDatatype)
  datatype!: AttributeDatatype;

  @Field(() => Boolean, { defaultValue: false })
  required!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'UPPER_SNAKE_CASE keys; list datatypes only.' })
  values!: string[];
}

@InputType('CreateTicketCategoryInput')
export class CreateTicketCategoryInput {
  @Field(() => String, { description: 'Dotted code; its parent (the code before the last dot) must exist.' })
  code!: string;

  @Field(() => String, { description: '2 to 40 characters.' })
  name!: string;

  @Field(() => TicketMode)
  defaultMode!: TicketMode;

  @Field(() => [CategoryAttributeInput], { nullable: true })
  attributes?: CategoryAttributeInput[] | null;
}

@InputType('TicketAttributeValueInput', { description: 'The answer to one extra field of the category.' })
export class TicketAttributeValueInput {
  @Field(() => String)
  code!: string;

  @Field(() => [String], { description: 'One value; any number of list keys for MULTIVALUELIST.' })
  values!: string[];
}

@ObjectType('TicketAttributeValue')
export class TicketAttributeValueType {
  @Field(() => String)
  code!: string;

  @Field(() => [String])
  values!: string[];
}
