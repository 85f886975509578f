import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import {
  badInput,
  conflict,
  forbidden,
  InputProblems,
  invalidTransition,
  isUuid,
  notFound,
} from '@gridgov/platform-errors';
import { levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import { isCalendarDate, todayIso } from '../calendar-date';
import type { PartyOrganizationService } from '../party/party-organization.service';
import { whereCodeInScope } from '../scope-filter';
import {
  type CobuildingResource,
  CobuildingPairingEntity,
  CobuildingResourceKind,
  CobuildingUnitEntity,
} from './cobuilding.entity';
import { CouncilMeetingEntity, CouncilMeetingKind, CouncilTopicEntity } from './council.entity';

export interface CreateCouncilMeetingInput {
  unitCode: string;
  kind: CouncilMeetingKind;
  title: string;
  heldOn: string;
  participants?: string[] | null;
}

export interface AddCouncilTopicInput {
  meetingId: string;
  title: string;
  ticketId?: string | null;
}

export interface DecideCouncilTopicInput {
  topicId: string;
  decision: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export interface RegisterCobuildingUnitInput {
  unitCode: string;
  gridCode?: string | null;
  name: string;
  resources: CobuildingResource[];
}

/**
 * Residents' council (居民议事会) and co-building units (共驻共建). Both are led by the community's
 * party organisation, so they are scoped by party:read / party:manage on the community code.
 */
export class CommunityService {
  private readonly meetings: Repository<CouncilMeetingEntity>;
  private readonly topics: Repository<CouncilTopicEntity>;
  private readonly cobuildingUnits: Repository<CobuildingUnitEntity>;
  private readonly pairings: Repository<CobuildingPairingEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly organizations: PartyOrganizationService,
  ) {
    this.meetings = dataSource.getRepository(CouncilMeetingEntity);
    this.topics = dataSource.getRepository(CouncilTopicEntity);
    this.cobuildingUnits = dataSource.getRepository(CobuildingUnitEntity);
    this.pairings = dataSource.getRepository(CobuildingPairingEntity);
  }

  async createCouncilMeeting(input: CreateCouncilMeetingInput): Promise<CouncilMeetingEntity> {
    const title = input.title.trim();
    new InputProblems()
      .check(Object.values(CouncilMeetingKind).includes(input.kind), 'input.kind', 'unknown meeting kind')
      .check(title.length >= 2 && title.length <= 100, 'input.title', 'must be 2 to 100 characters')
      .check(isCalendarDate(input.heldOn), 'input.heldOn', 'must be a date YYYY-MM-DD')
      .throwIfAny();
    await this.assertManagedUnit(input.unitCode);
    return this.meetings.save(
      this.meetings.create({
        unitCode: input.unitCode,
        kind: input.kind,
        title,
        heldOn: input.heldOn,
        participants: input.participants ?? [],
      }),
    );
  }

  async addTopic(input: AddCouncilTopicInput): Promise<CouncilTopicEntity> {
    const title = input.title.trim();
    if (title.length < 2 || title.length > 200) throw badInput('input.title', 'must be 2 to 200 characters');
    if (input.ticketId != null && !isUuid(input.ticketId))
      throw badInput('input.ticketId', 'must be a ticket id (uuid)');
    const meeting = await this.manageableMeeting(input.meetingId, 'input.meetingId');
    if (meeting.publishedAt)
      throw invalidTransition('The meeting’s results are published; it takes no more topics');
    return this.topics.save(
      this.topics.create({ meetingId: meeting.id, title, ticketId: input.ticketId ?? null }),
    );
  }

  async decideTopic(input: DecideCouncilTopicInput): Promise<CouncilTopicEntity> {
    const decision = input.decision.trim();
    const count = (n: number) => Number.isInteger(n) && n >= 0;
    new InputProblems()
      .check(decision.length >= 2, 'input.decision', 'state the decision')
      .check(count(input.votesFor), 'input.votesFor', 'must be a whole number ≥ 0')
      .check(count(input.votesAgainst), 'input.votesAgainst', 'must be a whole number ≥ 0')
      .check(count(input.abstentions), 'input.abstentions', 'must be a whole number ≥ 0')
      .throwIfAny();
    const topic = await this.topics.findOneBy({ id: input.topicId });
    if (!topic) throw badInput('input.topicId', `no topic has id ${input.topicId}`);
    const meeting = await this.manageableMeeting(topic.meetingId, 'input.topicId');
    if (meeting.publishedAt) throw invalidTransition('The meeting’s results are published already');
    Object.assign(topic, {
      decision,
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      abstentions: input.abstentions,
    });
    return this.topics.save(topic);
  }

  async publishResult(meetingId: string, result: string): Promise<CouncilMeetingEntity> {
    if (result.trim().length < 2) throw badInput('result', 'write the result to publish');
    const meeting = await this.manageableMeeting(meetingId, 'meetingId');
    if (meeting.publishedAt) throw invalidTransition('The results are published already');
    meeting.publishedResult = result.trim();
    meeting.publishedAt = new Date();
    return this.meetings.save(meeting);
  }

  async getCouncilMeeting(id: string): Promise<CouncilMeetingEntity> {
    const meeting = await this.meetings.findOneBy({ id });
    if (!meeting) throw notFound('CouncilMeeting', id);
    if (!this.auth.can(Permission.PARTY_READ, meeting.unitCode))
      throw forbidden(`Council meeting ${id} is outside your scope`);
    return meeting;
  }

  councilMeetingQuery(unitCode: string | null | undefined): SelectQueryBuilder<CouncilMeetingEntity> {
    this.auth.assertAnywhere(Permission.PARTY_READ);
    const query = this.meetings.createQueryBuilder('meeting');
    whereCodeInScope(query, 'meeting.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    if (unitCode) query.andWhere('meeting.unitCode LIKE :unit', { unit: `${significantPrefix(unitCode)}%` });
    return query;
  }

  async topicsOf(meetingId: string): Promise<CouncilTopicEntity[]> {
    return this.topics.find({ where: { meetingId }, order: { createdAt: 'ASC' } });
  }

  async registerCobuildingUnit(input: RegisterCobuildingUnitInput): Promise<CobuildingUnitEntity> {
    const name = input.name.trim();
    const problems = new InputProblems()
      .check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters')
      .check(
        input.resources.every(
          (r) => Object.values(CobuildingResourceKind).includes(r.kind) && r.description.trim().length > 0,
        ),
        'input.resources',
        'each resource needs a kind and a description',
      );
    if (input.gridCode != null) {
      problems.check(
        /^\d{15}$/.test(input.gridCode) && input.gridCode.startsWith(significantPrefix(input.unitCode)),
        'input.gridCode',
        'must be a 15-digit grid code under the unit',
      );
    }
    problems.throwIfAny();
    await this.assertManagedUnit(input.unitCode);
    try {
      return await this.cobuildingUnits.save(
        this.cobuildingUnits.create({
          unitCode: input.unitCode,
          gridCode: input.gridCode ?? null,
          name,
          resources: input.resources,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'cobuilding_unit_unit_name_key'))
        throw conflict(`${name} is registered at ${input.unitCode} already`);
      throw error;
    }
  }

  /** 结对共建 with a branch; records a joint activity when the pairing exists already. */
  async pair(
    cobuildingUnitId: string,
    branchId: string,
    since: string,
    jointActivity?: string | null,
  ): Promise<CobuildingPairingEntity> {
    if (!isCalendarDate(since) || since > todayIso())
      throw badInput('since', 'must be a past date YYYY-MM-DD');
    const unit = await this.cobuildingUnits.findOneBy({ id: cobuildingUnitId });
    if (!unit) throw badInput('cobuildingUnitId', `no co-building unit has id ${cobuildingUnitId}`);
    const branch = await this.organizations.requireBranch(branchId, 'branchId');
    this.auth.assert(Permission.PARTY_MANAGE, unit.unitCode);
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    const activity = jointActivity?.trim();
    const existing = await this.pairings.findOneBy({ cobuildingUnitId, branchId });
    const pairing =
      existing ?? this.pairings.create({ cobuildingUnitId, branchId, since, jointActivities: [] });
    if (activity) pairing.jointActivities = [...pairing.jointActivities, activity];
    return this.pairings.save(pairing);
  }

  cobuildingUnitQuery(unitCode: string | null | undefined): SelectQueryBuilder<CobuildingUnitEntity> {
    this.auth.assertAnywhere(Permission.PARTY_READ);
    const query = this.cobuildingUnits.createQueryBuilder('cobuilding');
    whereCodeInScope(query, 'cobuilding.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    if (unitCode)
      query.andWhere('cobuilding.unitCode LIKE :unit', { unit: `${significantPrefix(unitCode)}%` });
    return query;
  }

  async pairingsOf(cobuildingUnitIds: readonly string[]): Promise<CobuildingPairingEntity[][]> {
    const rows = await this.pairings.findBy({ cobuildingUnitId: In([...cobuildingUnitIds]) });
    return cobuildingUnitIds.map((id) => rows.filter((p) => p.cobuildingUnitId === id));
  }

  private async manageableMeeting(id: string, field: string): Promise<CouncilMeetingEntity> {
    const meeting = await this.meetings.findOneBy({ id });
    if (!meeting) throw badInput(field, `no council meeting has id ${id}`);
    this.auth.assert(Permission.PARTY_MANAGE, meeting.unitCode);
    return meeting;
  }

  private async assertManagedUnit(unitCode: string): Promise<void> {
    if (levelOfCode(unitCode) === undefined)
      throw badInput('input.unitCode', 'must be a 12-digit administrative unit code');
    this.auth.assert(Permission.PARTY_MANAGE, unitCode);
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: unitCode }))) {
      throw badInput('input.unitCode', `no administrative unit has code ${unitCode}`);
    }
  }
}
