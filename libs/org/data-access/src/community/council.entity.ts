import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 意见收集会, 议题讨论会, 议事决策会, 述职评议. */
export enum CouncilMeetingKind {
  OPINION_COLLECTION = 'OPINION_COLLECTION',
  TOPIC_DISCUSSION = 'TOPIC_DISCUSSION',
  DECISION = 'DECISION',
  PERFORMANCE_REVIEW = 'PERFORMANCE_REVIEW',
}

@Entity('council_meeting')
export class CouncilMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: CouncilMeetingKind;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  participants!: string[];

  @Column({ type: 'text', nullable: true })
  publishedResult!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A topic; `ticketId` points at ticket-service's Ticket when the topic came from one. */
@Entity('council_topic')
export class CouncilTopicEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'integer', nullable: true })
  votesFor!: number | null;

  @Column({ type: 'integer', nullable: true })
  votesAgainst!: number | null;

  @Column({ type: 'integer', nullable: true })
  abstentions!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
