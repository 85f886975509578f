import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { PartyOrganizationKind } from '../party/party-organization.entity';

/** 三会一课: members' meeting, committee meeting, group meeting, party lecture. */
export enum PartyMeetingKind {
  MEMBERS_MEETING = 'MEMBERS_MEETING',
  COMMITTEE_MEETING = 'COMMITTEE_MEETING',
  GROUP_MEETING = 'GROUP_MEETING',
  PARTY_LECTURE = 'PARTY_LECTURE',
}

export enum MeetingPeriod {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

/** How often a kind of branch must hold a kind of meeting (at least once per period). */
@Entity('meeting_rule')
export class MeetingRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  branchKind!: PartyOrganizationKind;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  meetingKind!: PartyMeetingKind;

  @Column({ type: 'varchar', length: 16 })
  period!: MeetingPeriod;
}

@Entity('party_meeting')
export class PartyMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  branchId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: PartyMeetingKind;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'integer' })
  attendance!: number;

  @Column({ type: 'integer', default: 0 })
  absent!: number;

  @Column({ type: 'text' })
  minutes!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
