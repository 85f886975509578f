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
