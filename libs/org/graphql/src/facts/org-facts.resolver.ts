import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import type { OrgContext } from '../org-context';
import {
  FactSubjectKind,
  meetingComplianceFacts,
  subjectFacts,
  volunteerHoursFacts,
} from './org-facts.query';
import { MeetingComplianceFactType, SubjectFactType, VolunteerHoursFactType } from './org-facts.type';

function checkScope(ctx: OrgContext, codePrefix: string, period?: { from: Date; to: Date }): void {
  if (!/^\d{2,15}$/.test(codePrefix)) throw badInput('codePrefix', 'must be 2 to 15 digits');
  if (period && !(period.from < period.to)) throw badInput('to', 'must be after from');
  ctx.auth.assert(Permission.FACTS_READ, codePrefix);
}

/** Facts for assessment runs: read by assessment-service's service identity through the gateway. */
@Resolver()
export class OrgFactsResolver {
  @Authorized(Permission.FACTS_READ)
  @Query(() => [SubjectFactType], {
    description: 'Every subject of a kind under a code prefix (service accounts).',
  })
  assessmentSubjects(
    @Ctx() ctx: OrgContext,
    @Arg('kind', () => FactSubjectKind) kind: FactSubjectKind,
    @Arg('codePrefix', () => String) codePrefix: string,
  ) {
    checkScope(ctx, codePrefix);
    return subjectFacts(ctx.dataSource, kind, codePrefix);
  }

  @Authorized(Permission.FACTS_READ)
  @Query(() => [VolunteerHoursFactType], {
    description:
      'Volunteer service hours per person for activities starting in [from, to) (service accounts).',
  })
  volunteerHoursFacts(
    @Ctx() ctx: OrgContext,
    @Arg('codePrefix', () => String) codePrefix: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    checkScope(ctx, codePrefix, { from, to });
    return volunteerHoursFacts(ctx.dataSource, { codePrefix, from, to });
  }

  @Authorized(Permission.FACTS_READ)
  @Query(() => [MeetingComplianceFactType], {
    description: '三会一课 meetings required vs held per branch in [from, to) (service accounts).',
  })
  meetingComplianceFacts(
    @Ctx() ctx: OrgContext,
    @Arg('codePrefix', () => String) codePrefix: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    checkScope(ctx, codePrefix, { from, to });
    return meetingComplianceFacts(ctx.dataSource, { codePrefix, from, to });
  }
}
