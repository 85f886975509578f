import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, forbidden, InputProblems } from '@gridgov/platform-errors';
import { significantPrefix } from '../admin-unit/admin-unit-code';
import { isCalendarDate, todayIso } from '../calendar-date';
import { PartyOrganizationKind } from '../party/party-organization.entity';
import type { PartyOrganizationService } from '../party/party-organization.service';
import {
  MeetingPeriod,
  MeetingRuleEntity,
  PartyMeetingEntity,
  PartyMeetingKind,
} from './party-meeting.entity';

export interface RecordPartyMeetingInput {
  branchId: string;
  kind: PartyMeetingKind;
  heldOn: string;
  attendance: number;
  absent?: number | null;
  minutes: string;
}

/** A branch that has not yet held a required meeting in the period containing `on`. */
export interface MeetingShortfall {
  branchId: string;
  meetingKind: PartyMeetingKind;
  period: MeetingPeriod;
  periodStart: string;
}

/** 三会一课: configurable rules, meeting records, and who is behind. */
export class PartyMeetingService {
  private readonly meetings: Repository<PartyMeetingEntity>;
  private readonly rules: Repository<MeetingRuleEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly organizations: PartyOrganizationService,
  ) {
    this.meetings = dataSource.getRepository(PartyMeetingEntity);
    this.rules = dataSource.getRepository(MeetingRuleEntity);
  }

  async record(input: RecordPartyMeetingInput): Promise<PartyMeetingEntity> {
    const minutes = input.minutes.trim();
    new InputProblems()
      .check(Object.values(PartyMeetingKind).includes(input.kind), 'input.kind', 'unknown meeting kind')
      .check(
        isCalendarDate(input.heldOn) && input.heldOn <= todayIso(),
        'input.heldOn',
        'must be a past date YYYY-MM-DD',
      )
      .check(
        Number.isInteger(input.attendance) && input.attendance >= 0,
        'input.attendance',
        'must be a whole number ≥ 0',
      )
      .check(
        input.absent == null || (Number.isInteger(input.absent) && input.absent >= 0),
        'input.absent',
        'must be ≥ 0',
      )
      .check(minutes.length >= 2, 'input.minutes', 'record what was discussed')
      .throwIfAny();
    const branch = await this.organizations.requireBranch(input.branchId, 'input.branchId');
    this.auth.assert(Permission.PARTY_MANAGE, branch.unitCode);
    return this.meetings.save(
      this.meetings.create({
        branchId: branch.id,
        kind: input.kind,
        heldOn: input.heldOn,
        attendance: input.attendance,
        absent: input.absent ?? 0,
        minutes,
        recordedBy: this.auth.accountId,
      }),
    );
  }

  /** The most recent meetings of a branch the caller may already see. */
  async recentOf(branchId: string, last: number): Promise<PartyMeetingEntity[]> {
    return this.meetings.find({
      where: { branchId },
      order: { heldOn: 'DESC' },
      take: Math.min(Math.max(last, 1), 100),
    });
  }

  async listRules(): Promise<MeetingRuleEntity[]> {
    return this.rules.find({ order: { branchKind: 'ASC', meetingKind: 'ASC' } });
  }

  /** Rules are national practice, so only a platform-wide party manager changes them. */
  async setRule(
    branchKind: PartyOrganizationKind,
    meetingKind: PartyMeetingKind,
    period: MeetingPeriod,
  ): Promise<MeetingRuleEntity> {
    if (!this.auth.scopePrefixes(Permission.PARTY_MANAGE).includes('')) {
      throw forbidden('Only a platform-wide party administrator changes meeting rules');
    }
    await this.rules.upsert({ branchKind, meetingKind, period }, ['branchKind', 'meetingKind']);
    return this.rules.findOneByOrFail({ branchKind, meetingKind });
  }

  /** Branches under `unitCode` (in party:read scope) with a required meeting not yet held in the period containing `on`. */
  async shortfalls(unitCode: string, on: string | undefined): Promise<MeetingShortfall[]> {
    const day = on ?? todayIso();
    if (!isCalendarDate(day)) throw badInput('on', 'must be a date YYYY-MM-DD');
    const prefix = significantPrefix(unitCode);
    const scopes = this.auth
      .scopePrefixes(Permission.PARTY_READ)
      .filter((p) => p.startsWith(prefix) || prefix.startsWith(p));
    if (scopes.length === 0) return [];
    // The narrower of the requested unit and each grant decides what is visible.
    const prefixes = scopes.map((p) => (p.length > prefix.length ? p : prefix));
    const rows: {
      branch_id: string;
      meeting_kind: PartyMeetingKind;
      period: MeetingPeriod;
      period_start: string;
    }[] = await this.dataSource.query(
      `SELECT o.id AS branch_id, r.meeting_kind, r.period, to_char(date_trunc(lower(r.period), $1::date), 'YYYY-MM-DD') AS period_start
         FROM party_organization o
         JOIN meeting_rule r ON r.branch_kind = o.kind
         WHERE o.level = 'BRANCH' AND o.unit_code LIKE ANY ($2::text[])
           AND NOT EXISTS (
             SELECT 1 FROM party_meeting m
             WHERE m.branch_id = o.id AND m.kind = r.meeting_kind
               AND m.held_on >= date_trunc(lower(r.period), $1::date) AND m.held_on <= $1::date)
         ORDER BY o.name, r.meeting_kind`,
      [day, prefixes.map((p) => `${p}%`)],
    );
    return rows.map((r) => ({
      branchId: r.branch_id,
      meetingKind: r.meeting_kind,
      period: r.period,
      periodStart: r.period_start,
    }));
  }
}
