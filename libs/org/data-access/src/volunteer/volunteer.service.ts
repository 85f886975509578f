import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
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
import { PartyMemberEntity } from '../party/party-member.entity';
import type { PartyMemberService } from '../party/party-member.service';
import { whereCodeInScope } from '../scope-filter';
import { VolunteerActivityEntity, VolunteerSignupEntity, VolunteerTeamEntity } from './volunteer.entity';

export interface CreateVolunteerTeamInput {
  unitCode: string;
  name: string;
}

export interface CreateVolunteerActivityInput {
  teamId: string;
  title: string;
  place: string;
  gridCode?: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** Who volunteers: a party member, a resident (grid-service id) or a named person. */
export interface SignUpVolunteerInput {
  activityId: string;
  name?: string | null;
  partyMemberId?: string | null;
  residentId?: string | null;
}

export interface VolunteerActivityFilter {
  unitCode?: string | null;
  gridCode?: string | null;
  teamId?: string | null;
}

/** Volunteer teams, activities, sign-up, check-in/out and credited service time; scoped by party:* on the team's unit. */
export class VolunteerService {
  private readonly teams: Repository<VolunteerTeamEntity>;
  private readonly activities: Repository<VolunteerActivityEntity>;
  private readonly signups: Repository<VolunteerSignupEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly members: PartyMemberService,
  ) {
    this.teams = dataSource.getRepository(VolunteerTeamEntity);
    this.activities = dataSource.getRepository(VolunteerActivityEntity);
    this.signups = dataSource.getRepository(VolunteerSignupEntity);
  }

  async createTeam(input: CreateVolunteerTeamInput): Promise<VolunteerTeamEntity> {
    const name = input.name.trim();
    new InputProblems()
      .check(
        levelOfCode(input.unitCode) !== undefined,
        'input.unitCode',
        'must be a 12-digit administrative unit code',
      )
      .check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters')
      .throwIfAny();
    this.auth.assert(Permission.PARTY_MANAGE, input.unitCode);
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: input.unitCode }))) {
      throw badInput('input.unitCode', `no administrative unit has code ${input.unitCode}`);
    }
    try {
      return await this.teams.save(this.teams.create({ unitCode: input.unitCode, name }));
    } catch (error) {
      if (isUniqueViolation(error, 'volunteer_team_unit_name_key'))
        throw conflict(`Unit ${input.unitCode} has a team named ${name}`);
      throw error;
    }
  }

  async team(id: string): Promise<VolunteerTeamEntity | null> {
    const team = await this.teams.findOneBy({ id });
    return team && this.auth.can(Permission.PARTY_READ, team.unitCode) ? team : null;
  }

  async createActivity(input: CreateVolunteerActivityInput): Promise<VolunteerActivityEntity> {
    const team = await this.teams.findOneBy({ id: input.teamId });
    if (!team) throw badInput('input.teamId', `no volunteer team has id ${input.teamId}`);
    const title = input.title.trim();
    const place = input.place.trim();
    const problems = new InputProblems()
      .check(title.length >= 2 && title.length <= 100, 'input.title', 'must be 2 to 100 characters')
      .check(place.length >= 2 && place.length <= 200, 'input.place', 'must be 2 to 200 characters')
      .check(input.endsAt > input.startsAt, 'input.endsAt', 'must be after startsAt')
      .check(
        Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= 10_000,
        'input.capacity',
        'must be 1 to 10000',
      );
    if (input.gridCode != null) {
      problems.check(
        /^\d{15}$/.test(input.gridCode) && input.gridCode.startsWith(significantPrefix(team.unitCode)),
        'input.gridCode',
        `must be a 15-digit grid code under unit ${team.unitCode}`,
      );
    }
    problems.throwIfAny();
    this.auth.assert(Permission.PARTY_MANAGE, team.unitCode);
    return this.activities.save(
      this.activities.create({
        teamId: team.id,
        unitCode: team.unitCode,
        title,
        place,
        gridCode: input.gridCode ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
      }),
    );
  }

  async getActivity(id: string): Promise<VolunteerActivityEntity> {
    const activity = await this.activities.findOneBy({ id });
    if (!activity) throw notFound('VolunteerActivity', id);
    if (!this.auth.can(Permission.PARTY_READ, activity.unitCode))
      throw forbidden(`Volunteer activity ${id} is outside your scope`);
    return activity;
  }

  /** Activities in party:read scope; paged by start time (index volunteer_activity_unit_start_idx). */
  activityQuery(filter: VolunteerActivityFilter): SelectQueryBuilder<VolunteerActivityEntity> {
    this.auth.assertAnywhere(Permission.PARTY_READ);
    const query = this.activities.createQueryBuilder('activity');
    whereCodeInScope(query, 'activity.unitCode', this.auth.scopePrefixes(Permission.PARTY_READ));
    if (filter.unitCode)
      query.andWhere('activity.unitCode LIKE :unit', { unit: `${significantPrefix(filter.unitCode)}%` });
    if (filter.gridCode) query.andWhere('activity.gridCode = :gridCode', { gridCode: filter.gridCode });
    if (filter.teamId) query.andWhere('activity.teamId = :teamId', { teamId: filter.teamId });
    return query;
  }

  /** Capacity is checked under a row lock on the activity, so concurrent sign-ups cannot overfill it. */
  async signUp(input: SignUpVolunteerInput): Promise<VolunteerSignupEntity> {
    const activity = await this.activities.findOneBy({ id: input.activityId });
    if (!activity) throw badInput('input.activityId', `no volunteer activity has id ${input.activityId}`);
    this.auth.assert(Permission.PARTY_MANAGE, activity.unitCode);
    if (input.residentId != null && !isUuid(input.residentId))
      throw badInput('input.residentId', 'must be a resident id (uuid)');
    let name = input.name?.trim() ?? '';
    if (input.partyMemberId) {
      const member = isUuid(input.partyMemberId)
        ? await this.dataSource.getRepository(PartyMemberEntity).findOneBy({ id: input.partyMemberId })
        : null;
      // Members of other areas are unknown here, except in-service members registered at this one (双报到).
      if (!member || !this.members.canRead(member))
        throw badInput('input.partyMemberId', `no party member you may see has id ${input.partyMemberId}`);
      name ||= member.name;
    }
    if (name.length < 1 || name.length > 50)
      throw badInput('input.name', 'give the volunteer’s name (1 to 50 characters)');
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT 1 FROM volunteer_activity WHERE id = $1 FOR UPDATE`, [activity.id]);
        const taken = await manager.countBy(VolunteerSignupEntity, { activityId: activity.id });
        if (taken >= activity.capacity) throw conflict(`The activity is full (${activity.capacity} places)`);
        return manager.save(
          manager.create(VolunteerSignupEntity, {
            activityId: activity.id,
            name,
            partyMemberId: input.partyMemberId ?? null,
            residentId: input.residentId ?? null,
          }),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('This volunteer has signed up for the activity already');
      throw error;
    }
  }

  async checkIn(signupId: string, at: Date): Promise<VolunteerSignupEntity> {
    const signup = await this.manageableSignup(signupId);
    if (signup.checkedInAt) throw invalidTransition('The volunteer has checked in already');
    signup.checkedInAt = at;
    return this.signups.save(signup);
  }

  /** Credits the time between check-in and check-out; a check-out before the check-in is refused. */
  async checkOut(signupId: string, at: Date): Promise<VolunteerSignupEntity> {
    const signup = await this.manageableSignup(signupId);
    if (!signup.checkedInAt) throw invalidTransition('Check the volunteer in first');
    if (signup.checkedOutAt) throw invalidTransition('The volunteer has checked out already');
    const minutes = Math.round((at.getTime() - signup.checkedInAt.getTime()) / 60_000);
    if (minutes <= 0)
      throw badInput(
        'at',
        'check-out must be after check-in: the service duration cannot be negative or zero',
      );
    signup.checkedOutAt = at;
    signup.serviceMinutes = minutes;
    return this.signups.save(signup);
  }

  async signupsOf(activityId: string): Promise<VolunteerSignupEntity[]> {
    return this.signups.find({ where: { activityId }, order: { createdAt: 'ASC' } });
  }

  /** Credited hours of a party member (the assessment service turns them into points). */
  async hoursOfMember(partyMemberId: string): Promise<number> {
    const [row]: { minutes: string | null }[] = await this.dataSource.query(
      `SELECT sum(service_minutes) AS minutes FROM volunteer_signup WHERE party_member_id = $1`,
      [partyMemberId],
    );
    return Number(row?.minutes ?? 0) / 60;
  }

  private async manageableSignup(id: string): Promise<VolunteerSignupEntity> {
    const signup = await this.signups.findOneBy({ id });
    if (!signup) throw badInput('signupId', `no sign-up has id ${id}`);
    const activity = await this.activities.findOneByOrFail({ id: signup.activityId });
    this.auth.assert(Permission.PARTY_MANAGE, activity.unitCode);
    return signup;
  }
}
