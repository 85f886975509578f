import { randomUUID } from 'node:crypto';
import { Role, signAccessToken } from '@gridgov/platform-auth';
import { GraphQLError } from 'graphql';
import { ErrorCode, serviceMisconfigured } from '@gridgov/platform-errors';
import type { AssessmentSubjectKind } from '../scheme/assessment-kinds';

export interface Subject {
  id: string;
  unitCode: string;
}

export interface TicketFact {
  key: string;
  received: number;
  closed: number;
  closureRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  reworkRate: number | null;
  overdue: number;
  red: number;
}

export interface GridFact {
  gridCode: string;
  visitsDue: number;
  visitsDone: number;
  visitCompletionRate: number | null;
  dataCompleteness: number | null;
}

/** A party member's hours, or a resident's who is no party member (partyMemberId null). */
export interface VolunteerHoursFact {
  partyMemberId: string | null;
  residentId: string | null;
  hours: number;
}

export interface MeetingComplianceFact {
  branchId: string;
  required: number;
  held: number;
}

export type TicketFactGroup = 'HANDLER' | 'GRID' | 'COMMUNITY' | 'STREET' | 'DEPARTMENT';

interface Period {
  from: Date;
  to: Date;
}

/** What a run needs from other services; every call answers for all subjects under a prefix at once. */
export interface FactSource {
  subjects(kind: AssessmentSubjectKind, codePrefix: string): Promise<Subject[]>;
  ticketFacts(group: TicketFactGroup, codePrefix: string, period: Period): Promise<TicketFact[]>;
  gridFacts(codePrefix: string, period: Period): Promise<GridFact[]>;
  volunteerHours(codePrefix: string, period: Period): Promise<VolunteerHoursFact[]>;
  meetingCompliance(codePrefix: string, period: Period): Promise<MeetingComplianceFact[]>;
  residentSample(gridCode: string, size: number): Promise<string[]>;
}

export interface GatewayFactSourceOptions {
  /** Read lazily: tests learn the gateway's port after the subgraphs started. */
  gatewayUrl: () => string;
  accessTokenSecret: string;
  timeoutMs?: number;
}

/** The service account assessment-service acts as; no org row, the token carries its grant. */
const ASSESSMENT_SERVICE_ACCOUNT = {
  id: '00000000-0000-4000-8000-00000000a55e',
  username: 'assessment-service',
};

/**
 * Stands in for the gateway when assessment-service has no ACCESS_TOKEN_SECRET (it cannot sign the
 * service account's token): every read refuses with SERVICE_MISCONFIGURED, before anything is
 * written. `onRefusal` sees each refusal (the subgraph logs the first).
 */
export function unconfiguredFactSource(onRefusal: (error: Error) => void): FactSource {
  const refuse = async (): Promise<never> => {
    const error = serviceMisconfigured(
      'ACCESS_TOKEN_SECRET',
      'Assessment runs and resident surveys read facts from the other services through the gateway, ' +
        'but assessment-service has no ACCESS_TOKEN_SECRET to sign its service token: an operator must set it ' +
        '(the gateway’s secret) and GATEWAY_URL, then restart assessment-service',
    );
    onRefusal(error);
    throw error;
  };
  return {
    subjects: refuse,
    ticketFacts: refuse,
    gridFacts: refuse,
    volunteerHours: refuse,
    meetingCompliance: refuse,
    residentSample: refuse,
  };
}

/**
 * Reads facts from the other subgraphs through the gateway, as the assessment service account with
 * a SERVICE grant limited to the scheme's unit: never from their tables.
 */
export class GatewayFactSource implements FactSource {
  constructor(private readonly options: GatewayFactSourceOptions) {}

  async subjects(kind: AssessmentSubjectKind, codePrefix: string): Promise<Subject[]> {
    const data = await this.query<{ assessmentSubjects: Subject[] }>(
      codePrefix,
      `query($kind: FactSubjectKind!, $p: String!) { assessmentSubjects(kind: $kind, codePrefix: $p) { id unitCode } }`,
      { kind, p: codePrefix },
    );
    return data.assessmentSubjects;
  }

  async ticketFacts(group: TicketFactGroup, codePrefix: string, period: Period): Promise<TicketFact[]> {
    const data = await this.query<{ ticketFacts: TicketFact[] }>(
      codePrefix,
      `query($g: TicketFactGroup!, $p: String!, $from: DateTime!, $to: DateTime!) {
        ticketFacts(group: $g, codePrefix: $p, from: $from, to: $to) {
          key received closed closureRate onTimeRate satisfactionRate reworkRate overdue red
        }
      }`,
      { g: group, p: codePrefix, ...period },
    );
    return data.ticketFacts;
  }

  async gridFacts(codePrefix: string, period: Period): Promise<GridFact[]> {
    const data = await this.query<{ gridFacts: { grids: GridFact[] } }>(
      codePrefix,
      `query($p: String!, $from: DateTime!, $to: DateTime!) {
        gridFacts(codePrefix: $p, from: $from, to: $to) {
          grids { gridCode visitsDue visitsDone visitCompletionRate dataCompleteness }
        }
      }`,
      { p: codePrefix, ...period },
    );
    return data.gridFacts.grids;
  }

  async volunteerHours(codePrefix: string, period: Period): Promise<VolunteerHoursFact[]> {
    const data = await this.query<{ volunteerHoursFacts: VolunteerHoursFact[] }>(
      codePrefix,
      `query($p: String!, $from: DateTime!, $to: DateTime!) {
        volunteerHoursFacts(codePrefix: $p, from: $from, to: $to) { partyMemberId residentId hours }
      }`,
      { p: codePrefix, ...period },
    );
    return data.volunteerHoursFacts;
  }

  async meetingCompliance(codePrefix: string, period: Period): Promise<MeetingComplianceFact[]> {
    const data = await this.query<{ meetingComplianceFacts: MeetingComplianceFact[] }>(
      codePrefix,
      `query($p: String!, $from: DateTime!, $to: DateTime!) {
        meetingComplianceFacts(codePrefix: $p, from: $from, to: $to) { branchId required held }
      }`,
      { p: codePrefix, ...period },
    );
    return data.meetingComplianceFacts;
  }

  async residentSample(gridCode: string, size: number): Promise<string[]> {
    const data = await this.query<{ surveyResidentSample: string[] }>(
      gridCode,
      `query($g: String!, $n: Int!) { surveyResidentSample(gridCode: $g, size: $n) }`,
      { g: gridCode, n: size },
    );
    return data.surveyResidentSample;
  }

  private async query<T>(scopeCode: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const token = signAccessToken(
      {
        sub: ASSESSMENT_SERVICE_ACCOUNT.id,
        usr: ASSESSMENT_SERVICE_ACCOUNT.username,
        grants: [{ role: Role.SERVICE, scopeCode }],
      },
      this.options.accessTokenSecret,
      60,
    );
    let body: { data?: T | null; errors?: { message: string }[] };
    try {
      const response = await fetch(this.options.gatewayUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw factsUnavailable(`the gateway did not answer (${(error as Error).message})`);
    }
    if (body.errors?.length || !body.data) {
      throw factsUnavailable(body.errors?.map((e) => e.message).join('; ') ?? 'no data');
    }
    return body.data;
  }
}

function factsUnavailable(reason: string): GraphQLError {
  return new GraphQLError(
    `Assessment facts could not be read from the other services: ${reason}; try the run again later`,
    { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE } },
  );
}
