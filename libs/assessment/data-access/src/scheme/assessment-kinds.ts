/** Who a scheme rates; later runs produce one result per subject of this kind in the owner's scope. */
export enum AssessmentSubjectKind {
  GRID_WORKER = 'GRID_WORKER',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
  PARTY_BRANCH = 'PARTY_BRANCH',
  PARTY_MEMBER = 'PARTY_MEMBER',
}

export enum AssessmentPeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

/** A DRAFT may still change; an ACTIVE version is frozen because results point at its indicators. */
export enum AssessmentSchemeStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
}

export enum AssessmentIndicatorKind {
  /** Computed from another context's statistics (a metric key). */
  AUTOMATIC = 'AUTOMATIC',
  /** Entered by reviewers: surveys, peer review, secretary or leader review. */
  MANUAL = 'MANUAL',
}

/**
 * The statistics an automatic indicator can be computed from. Values are the stored keys
 * (`<source>.<metric>`); rates are 0–1, counts are per subject and period.
 */
export enum AssessmentMetric {
  TICKETS_CLOSURE_RATE = 'tickets.closureRate',
  TICKETS_ON_TIME_RATE = 'tickets.onTimeRate',
  TICKETS_SATISFACTION_RATE = 'tickets.satisfactionRate',
  TICKETS_OVERDUE_COUNT = 'tickets.overdueCount',
  TICKETS_RED_COUNT = 'tickets.redCount',
  VISITS_COMPLETION_RATE = 'visits.completionRate',
  HOUSEHOLDS_DATA_COMPLETENESS = 'households.dataCompleteness',
  TICKETS_REWORK_RATE = 'tickets.reworkRate',
  VOLUNTEER_HOURS = 'volunteer.hours',
  PARTY_MEETING_COMPLIANCE = 'party.meetingCompliance',
}

/** Who enters a manual indicator's scores. */
export enum ManualSource {
  /** 群众满意度测评: sampled residents answer once each through a token. */
  SURVEY = 'SURVEY',
  /** 互督互评: reviewers in the subject's community, never the subject itself. */
  PEER_REVIEW = 'PEER_REVIEW',
  /** 社区书记评议: reviewers whose scope covers the subject's community. */
  SECRETARY_REVIEW = 'SECRETARY_REVIEW',
  /** 领导评价: reviewers scoped at a street or above. */
  LEADER_REVIEW = 'LEADER_REVIEW',
}

export enum RuleOperator {
  LT = 'LT',
  LE = 'LE',
  GT = 'GT',
  GE = 'GE',
}

export enum RuleEffect {
  /** Not eligible as advanced (先进). */
  NOT_ADVANCED = 'NOT_ADVANCED',
  /** Flagged for review (e.g. under the satisfaction floor). */
  FLAG_REVIEW = 'FLAG_REVIEW',
  /** Stars capped at `stars`. */
  MAX_STARS = 'MAX_STARS',
}

/**
 * A rule as data: when input `input` (a metric key such as `tickets.satisfactionRate`, or
 * `indicator.<code>` for an indicator's 0–1 value) compares with `value`, apply the effect.
 * A missing input never fires a rule.
 */
export interface AssessmentRule {
  code: string;
  description: string;
  input: string;
  operator: RuleOperator;
  value: number;
  effect: RuleEffect;
  /** For MAX_STARS. */
  stars?: number | null;
}

export const TOTAL_SCALES = [100, 1000] as const;
export type TotalScale = (typeof TOTAL_SCALES)[number];

/** Minimum score for 1★ … 5★, strictly ascending. */
export type StarThresholds = number[];

/** Minimum scores for a yellow and a green card; anything below `yellowMin` is red. */
export interface CardThresholds {
  yellowMin: number;
  greenMin: number;
}

/** org's subject id of a volunteer who is no party member, on PARTY_MEMBER-kind schemes: `resident:<id>`. */
export const RESIDENT_SUBJECT_PREFIX = 'resident:';

/** Who stands on the honour board: a party member, or a volunteer who is not one. */
export enum HonourBoardKind {
  PARTY_MEMBER = 'PARTY_MEMBER',
  VOLUNTEER = 'VOLUNTEER',
}

export const honourBoardKindOf = (subjectId: string): HonourBoardKind =>
  subjectId.startsWith(RESIDENT_SUBJECT_PREFIX) ? HonourBoardKind.VOLUNTEER : HonourBoardKind.PARTY_MEMBER;
